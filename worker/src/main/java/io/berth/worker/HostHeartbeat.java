package io.berth.worker;

import io.berth.persistence.host.HostRepository;
import io.berth.worker.agent.AgentAddress;
import io.berth.worker.agent.AgentToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registers this host at start-up and keeps its heartbeat fresh, so placement can choose it; with
 * each beat it publishes where this worker's agent listens and its bearer token, so the panel can
 * reach it.
 */
@Component
class HostHeartbeat {

  private static final Logger log = LoggerFactory.getLogger(HostHeartbeat.class);

  private final HostRepository hosts;
  private final HostProperties host;
  private final JdbcClient jdbc;
  private final AgentAddress agentAddress;
  private final AgentToken agentToken;

  HostHeartbeat(
      HostRepository hosts,
      HostProperties host,
      JdbcClient jdbc,
      AgentAddress agentAddress,
      AgentToken agentToken) {
    this.hosts = hosts;
    this.host = host;
    this.jdbc = jdbc;
    this.agentAddress = agentAddress;
    this.agentToken = agentToken;
  }

  @Scheduled(fixedRateString = "${berth.host.heartbeat:20s}")
  void beat() {
    try {
      hosts.heartbeat(host.id(), host.portFirst(), host.portLast(), host.publicAddress());
      jdbc.sql("UPDATE host SET agent_url = :url, agent_token = :token WHERE id = :id")
          .param("url", agentAddress.url().orElse(null))
          .param("token", agentToken.value())
          .param("id", host.id())
          .update();
    } catch (RuntimeException e) {
      log.warn("Host heartbeat for {} failed: {}", host.id(), e.getMessage());
    }
  }
}
