package io.berth.worker.agent;

import java.util.Optional;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The URL the panel reaches this worker's agent at: {@code berth.agent.url} when set, else {@code
 * http://127.0.0.1:<the port the agent listens on>}.
 */
@Component
public class AgentAddress implements ApplicationListener<WebServerInitializedEvent> {

  private final AgentProperties properties;
  private volatile Integer port;

  AgentAddress(AgentProperties properties) {
    this.properties = properties;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    port = event.getWebServer().getPort();
  }

  /** The agent's URL; empty while neither the property nor the listening port is known. */
  public Optional<String> url() {
    if (properties.url() != null && !properties.url().isBlank()) {
      return Optional.of(properties.url().strip());
    }
    Integer listening = port;
    return listening == null || listening <= 0
        ? Optional.empty()
        : Optional.of("http://127.0.0.1:" + listening);
  }
}
