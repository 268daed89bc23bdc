package io.berth.worker;

import io.berth.activities.certificate.CertificateWorkflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts {@code cert-platform}, the wildcard certificate of the platform's site hostnames, when a
 * worker starts and it does not run yet ({@code berth.certificates.platform.enabled}, default
 * true). Every worker tries; the first one starts it, the others find it running. A Temporal that
 * cannot be reached only delays it to the next worker start, so it never stops this one.
 */
@Component
class PlatformCertificateStarter {

  private static final Logger log = LoggerFactory.getLogger(PlatformCertificateStarter.class);

  private final CertificateWorkflows workflows;
  private final boolean enabled;

  PlatformCertificateStarter(
      CertificateWorkflows workflows,
      @Value("${berth.certificates.platform.enabled:true}") boolean enabled) {
    this.workflows = workflows;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!enabled) {
      return;
    }
    try {
      if (workflows.startPlatform()) {
        log.info("Started the platform's wildcard certificate workflow");
      }
    } catch (RuntimeException e) {
      log.warn("Could not start the platform's certificate workflow: {}", e.getMessage());
    }
  }
}
