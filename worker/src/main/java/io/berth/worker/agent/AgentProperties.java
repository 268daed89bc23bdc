package io.berth.worker.agent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code berth.agent.*}: how the panel reaches this worker's agent.
 *
 * @param url the agent's base URL as the panel sees it (default {@code
 *     http://127.0.0.1:<server.port>}); the heartbeat writes it into the host's row
 * @param keepAlive how long a followed log may stay quiet before the agent writes a blank line to
 *     find out whether its reader is still there
 */
@ConfigurationProperties("berth.agent")
public record AgentProperties(String url, @DefaultValue("15s") Duration keepAlive) {}
