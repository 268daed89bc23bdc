package io.berth.worker;

import io.berth.persistence.host.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Registers this host at start-up and keeps its heartbeat fresh, so placement can choose it. */
@Component
class HostHeartbeat {

  private static final Logger log = LoggerFactory.getLogger(HostHeartbeat.class);

  private final HostRepository hosts;
  private final HostProperties host;

  HostHeartbeat(HostRepository hosts, HostProperties host) {
    this.hosts = hosts;
    this.host = host;
  }

  @Scheduled(fixedRateString = "${berth.host.heartbeat:20s}")
  void beat() {
    try {
      hosts.heartbeat(host.id(), host.portFirst(), host.portLast(), host.publicAddress());
    } catch (RuntimeException e) {
      log.warn("Host heartbeat for {} failed: {}", host.id(), e.getMessage());
    }
  }
}
