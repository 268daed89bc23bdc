package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.persistence.certificate.AcmeOrderRepository;
import io.berth.persistence.certificate.AcmeOrderRow;
import io.berth.persistence.certificate.CertificateRepository;
import io.berth.persistence.certificate.CertificateRow;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.workflows.certificate.CertificateRequest;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.common.TaskQueues;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * HTTPS of a site through the API against PostgreSQL and the Temporal dev server. No worker runs:
 * certificates are stored as the worker's activities would store and install them, and a started
 * certificate workflow only records the signals it gets.
 */
class CertificateApiIT extends ApiTestSupport {

  private static final String ISSUER = "CN=Pebble Intermediate CA 1f2e3d";

  @Autowired DomainRepository domainRows;
  @Autowired AcmeOrderRepository acmeOrders;
  @Autowired CertificateRepository certificates;

  @Test
  void withoutAToken_itIs401() {
    get("/api/v1/sites/1/certificate", null).assertProblem(401);
    post("/api/v1/sites/1/certificate/retry", null, null).assertProblem(401);
  }

  @Test
  void anotherCustomersSiteIsNotFound() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    long siteId = site(ada);
    attach(ada, siteId);
    String path = "/api/v1/sites/" + siteId + "/certificate";

    Answer read = get(path, bob.token()).assertProblem(404);
    post(path + "/retry", bob.token(), null).assertProblem(404);

    Answer unknown = get("/api/v1/sites/987654321/certificate", bob.token()).assertProblem(404);
    assertThat(read.detail().replace(Long.toString(siteId), "N"))
        .isEqualTo(unknown.detail().replace("987654321", "N"));
    assertThat(get(path, ada.token()).status()).isEqualTo(200);
  }

  @Test
  void givenAnInstalledCertificate_itAnswersItsDetailsAndTheNextRenewal() {
    Account ada = newCustomer();
    long siteId = site(ada);
    String name = attach(ada, siteId);
    Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(Duration.ofDays(90));
    CertificateRow row = install(siteId, List.of(name, "www." + name), notBefore, notAfter);

    Answer answer = get("/api/v1/sites/" + siteId + "/certificate", ada.token());

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.path("siteId").asLong()).isEqualTo(siteId);
    assertThat(body.path("status").asText()).isEqualTo("ISSUED");
    assertThat(texts(body.path("domains"))).containsExactly(name);
    assertThat(texts(body.path("names"))).containsExactly(name, "www." + name);
    assertThat(body.path("issuer").asText()).isEqualTo(ISSUER);
    assertThat(body.path("serial").asText()).isEqualTo(row.serial());
    assertThat(Instant.parse(body.path("notBefore").asText())).isEqualTo(notBefore);
    assertThat(Instant.parse(body.path("notAfter").asText())).isEqualTo(notAfter);
    assertThat(Instant.parse(body.path("renewsAt").asText()))
        .isEqualTo(notBefore.plus(Duration.ofDays(60)));
    assertThat(body.path("lastFailure").isNull()).isTrue();
    assertThat(body.path("nextAttemptAt").isNull()).isTrue();
    assertThat(texts(body.path("urls")))
        .containsExactly("https://" + name + ":8443/", "https://www." + name + ":8443/");
    assertThat(body.path("progressAvailable").asBoolean()).isTrue();
    assertThat(body.path("steps").findValuesAsText("name"))
        .containsExactly("order", "validate", "issue", "install");
    assertThat(body.path("steps").findValuesAsText("state")).containsOnly("PENDING");
    assertThat(body.toString()).doesNotContain("PRIVATE KEY", "BEGIN CERTIFICATE");
  }

  @Test
  void givenNoDomain_itSaysHttpsComesWithOneAndRetryIsA409() {
    Account ada = newCustomer();
    long siteId = site(ada);

    JsonNode body = get("/api/v1/sites/" + siteId + "/certificate", ada.token()).body();
    Answer retry =
        post("/api/v1/sites/" + siteId + "/certificate/retry", ada.token(), null)
            .assertProblem(409);

    assertThat(body.path("status").asText()).isEqualTo("NO_DOMAIN");
    assertThat(body.path("names")).isEmpty();
    assertThat(body.path("issuer").isNull()).isTrue();
    assertThat(retry.detail()).startsWith("HTTPS comes with a domain");
  }

  @Test
  void givenADomainButNoCertificateWorkflow_itIsPendingAndRetryIsA409() {
    Account ada = newCustomer();
    long siteId = site(ada);
    attach(ada, siteId);

    JsonNode body = get("/api/v1/sites/" + siteId + "/certificate", ada.token()).body();
    Answer retry =
        post("/api/v1/sites/" + siteId + "/certificate/retry", ada.token(), null)
            .assertProblem(409);

    assertThat(body.path("status").asText()).isEqualTo("PENDING");
    assertThat(retry.detail()).startsWith("No certificate is being issued for this site yet");
  }

  @Test
  void givenARunningCertificateWorkflow_retrySendsItRetryNow() {
    Account ada = newCustomer();
    long siteId = site(ada);
    attach(ada, siteId);
    String workflowId = CertificateWorkflow.workflowId(CertificateSubject.site(siteId));
    CertificateWorkflow workflow =
        temporal.newWorkflowStub(
            CertificateWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.CONTROL)
                .build());
    WorkflowClient.start(workflow::run, CertificateRequest.first(CertificateSubject.site(siteId)));
    try {
      Answer retry = post("/api/v1/sites/" + siteId + "/certificate/retry", ada.token(), null);

      assertThat(retry.status()).as(retry.body().toString()).isEqualTo(202);
      List<String> signals =
          temporal.fetchHistory(workflowId).getEvents().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
              .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
              .map(a -> a.getSignalName())
              .toList();
      assertThat(signals).containsExactly("retryNow");
      // No worker answers the state query: the answer says so instead of hanging.
      JsonNode body = get("/api/v1/sites/" + siteId + "/certificate", ada.token()).body();
      assertThat(body.path("progressAvailable").asBoolean()).isFalse();
      assertThat(body.path("status").asText()).isEqualTo("PENDING");
    } finally {
      temporal.newUntypedWorkflowStub(workflowId).terminate("end of " + getClass().getSimpleName());
    }
  }

  /** A site of a fresh Starter order (no worker runs, so it stays PROVISIONING). */
  private long site(Account account) {
    Answer placed = order(account, planId("starter"), unique("tls"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    long orderId = placed.body().path("id").asLong();
    return get("/api/v1/orders/" + orderId, account.token()).body().path("siteId").asLong();
  }

  /** A domain of the account, active and attached to the site, as its workflow would leave it. */
  private String attach(Account account, long siteId) {
    String name = unique("tls") + ".test";
    Domain domain = domainRows.save(Domain.added(account.id(), name, DomainMode.EXTERNAL, siteId));
    domainRows.updateStatus(domain.id(), DomainStatus.ACTIVE, siteId, null);
    return name;
  }

  /**
   * A certificate issued for the site's order and installed, as the worker's activities store it.
   */
  private CertificateRow install(
      long siteId, List<String> names, Instant notBefore, Instant notAfter) {
    String subject = CertificateSubject.site(siteId).key();
    AcmeOrderRow order =
        acmeOrders.save(AcmeOrderRow.pending(subject, names, ChallengeType.HTTP_01));
    return certificates.save(
        new CertificateRow(
            null,
            subject,
            order.id(),
            AcmeOrderRow.joinNames(names),
            "7d:" + Long.toHexString(order.id()),
            ISSUER,
            notBefore,
            notAfter,
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            Instant.now(),
            Instant.now()));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
