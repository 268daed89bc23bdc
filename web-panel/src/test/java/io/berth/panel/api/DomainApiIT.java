package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DomainRepository;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.domain.DomainWorkflow;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Domains through the API against PostgreSQL and the Temporal dev server. No worker runs, so an
 * added domain stays SETTING_UP with its workflow waiting: the tests check what the panel stores,
 * starts and signals, and everything it refuses before a workflow is asked.
 */
class DomainApiIT extends ApiTestSupport {

  @Autowired DnsRecordSetRepository recordSets;
  @Autowired DomainRepository domainRows;

  @Test
  void addingADomainStoresItStartsItsWorkflowAndListsIt() {
    Account ada = newCustomer();
    String name = domainName();

    Answer added =
        addDomain(ada, Map.of("name", " " + name.toUpperCase() + ". ", "mode", "hosted"));

    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    long id = added.body().path("id").asLong();
    JsonNode domain = added.body();
    assertThat(domain.path("name").asText()).isEqualTo(name);
    assertThat(domain.path("mode").asText()).isEqualTo("HOSTED");
    assertThat(domain.path("status").asText()).isEqualTo("SETTING_UP");
    assertThat(texts(domain.path("nameServers"))).containsExactly("ns1.berth.test");
    assertThat(domain.path("progressAvailable").asBoolean()).isTrue();
    assertThat(domain.path("steps").findValuesAsText("name"))
        .containsExactly("zone", "records", "site", "dns check");
    assertThat(domain.path("dns").path("seen").asBoolean()).isFalse();

    assertThat(get("/api/v1/domains", ada.token()).body().findValuesAsText("name"))
        .containsExactly(name);
    assertThat(get("/api/v1/domains/" + id, ada.token()).body().path("name").asText())
        .isEqualTo(name);
    WorkflowExecutionMetadata workflow = findDomainWorkflow(ada.id());
    assertThat(workflow.getExecution().getWorkflowId()).isEqualTo("domain-" + id);
    assertThat(workflow.getWorkflowType()).isEqualTo("DomainWorkflow");
    assertThat(workflow.getTaskQueue()).isEqualTo("berth-control");
    assertThat(workflow.getTypedSearchAttributes().get(BerthSearchAttributes.CUSTOMER_ID))
        .isEqualTo(Long.toString(ada.id()));
  }

  @Test
  void givenExternalDns_itAnswersWithTheRecordsToCreate() {
    Account ada = newCustomer();
    String name = domainName();

    JsonNode domain = addDomain(ada, Map.of("name", name, "mode", "EXTERNAL")).body();

    JsonNode records = domain.path("recordsToCreate");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).path("name").asText()).isEqualTo(name);
    assertThat(records.get(0).path("type").asText()).isIn("A", "AAAA");
    assertThat(records.get(0).path("value").asText()).isNotBlank();
    assertThat(records.get(1).path("name").asText()).isEqualTo("www." + name);
    assertThat(records.get(1).path("type").asText()).isEqualTo("CNAME");
    assertThat(records.get(1).path("value").asText()).isEqualTo(name + ".");
    assertThat(domain.path("nameServers")).isEmpty();
    long id = domain.path("id").asLong();
    get("/api/v1/domains/" + id + "/records", ada.token()).assertProblem(409);
  }

  @Test
  void givenAMalformedName_itIsA400NamingTheFieldAndNothingIsAdded() {
    Account ada = newCustomer();

    Answer answer =
        addDomain(ada, Map.of("name", "https://example.test/shop", "mode", "HOSTED"))
            .assertProblem(400);

    assertThat(answer.fieldError("name").path("message").asText())
        .isEqualTo("Enter the domain name only, without http:// or https:// (e.g. example.com).");
    Answer noMode = addDomain(ada, Map.of("name", domainName())).assertProblem(400);
    assertThat(noMode.fieldError("mode")).isNotNull();
    Answer punycode = addDomain(ada, Map.of("name", "bücher.test", "mode", "HOSTED"));
    assertThat(punycode.assertProblem(400).fieldError("name").path("message").asText())
        .contains("xn--bcher-kva.test");
    assertThat(get("/api/v1/domains", ada.token()).body()).isEmpty();
  }

  @Test
  void givenANameAnotherCustomerAdded_itIsA409() {
    Account ada = newCustomer();
    Account grace = newCustomer();
    String name = domainName();
    assertThat(addDomain(ada, Map.of("name", name, "mode", "HOSTED")).status()).isEqualTo(201);

    Answer answer = addDomain(grace, Map.of("name", name, "mode", "EXTERNAL")).assertProblem(409);

    assertThat(answer.detail()).isEqualTo(name + " is already added to an account.");
    assertThat(answer.fieldError("name")).isNotNull();
    assertThat(get("/api/v1/domains", grace.token()).body()).isEmpty();
  }

  @Test
  void anotherCustomersDomainIsNotFoundWhateverTheCall() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    long id =
        addDomain(ada, Map.of("name", domainName(), "mode", "HOSTED")).body().path("id").asLong();
    String path = "/api/v1/domains/" + id;

    Answer read = get(path, bob.token()).assertProblem(404);
    delete(path, bob.token()).assertProblem(404);
    get(path + "/records", bob.token()).assertProblem(404);
    put(path + "/records/www/A", bob.token(), Map.of("ttl", 300, "values", List.of("192.0.2.1")))
        .assertProblem(404);
    delete(path + "/records/www/A", bob.token()).assertProblem(404);
    post(path + "/dns-check", bob.token(), null).assertProblem(404);
    post(path + "/site", bob.token(), Map.of("siteId", 1)).assertProblem(404);
    delete(path + "/site", bob.token()).assertProblem(404);

    Answer unknown = get("/api/v1/domains/987654321", bob.token()).assertProblem(404);
    assertThat(read.detail().replace(Long.toString(id), "N"))
        .isEqualTo(unknown.detail().replace("987654321", "N"));
    assertThat(get(path, ada.token()).body().path("status").asText()).isEqualTo("SETTING_UP");
  }

  @Test
  void theRecordsOfAHostedZoneAreListedAsStored() {
    Account ada = newCustomer();
    String name = domainName();
    long id = addDomain(ada, Map.of("name", name, "mode", "HOSTED")).body().path("id").asLong();
    recordSets.upsert(id, "www", "CNAME", 3600, name + ".", true);
    recordSets.upsert(id, "@", "MX", 600, "10 mx1." + name + ".\n20 mx2." + name + ".", false);

    JsonNode records = get("/api/v1/domains/" + id + "/records", ada.token()).body();

    assertThat(records).hasSize(2);
    assertThat(records.get(0).path("name").asText()).isEqualTo("@");
    assertThat(records.get(0).path("type").asText()).isEqualTo("MX");
    assertThat(records.get(0).path("ttl").asLong()).isEqualTo(600);
    assertThat(texts(records.get(0).path("values")))
        .containsExactly("10 mx1." + name + ".", "20 mx2." + name + ".");
    assertThat(records.get(0).path("managed").asBoolean()).isFalse();
    assertThat(records.get(1).path("name").asText()).isEqualTo("www");
    assertThat(records.get(1).path("managed").asBoolean()).isTrue();
  }

  @Test
  void recordChangesThatCannotWorkAreRefusedBeforeTheWorkflowIsAsked() {
    Account ada = newCustomer();
    long id =
        addDomain(ada, Map.of("name", domainName(), "mode", "HOSTED")).body().path("id").asLong();
    String records = "/api/v1/domains/" + id + "/records/";

    Answer settingUp =
        put(records + "www/A", ada.token(), Map.of("ttl", 300, "values", List.of("192.0.2.1")))
            .assertProblem(409);
    assertThat(settingUp.detail()).contains("still being set up");

    domainRows.updateStatus(id, DomainStatus.WAITING_FOR_DNS, null, null);
    Answer unknownType =
        put(records + "www/SPF", ada.token(), Map.of("ttl", 300, "values", List.of("v=spf1")))
            .assertProblem(400);
    assertThat(unknownType.fieldError("type").path("message").asText())
        .isEqualTo("Choose a record type: A, AAAA, CNAME, MX, TXT, SRV, CAA, NS.");
    Answer incomplete =
        put(records + "www/A", ada.token(), Map.of("values", List.of(" "))).assertProblem(400);
    assertThat(incomplete.fieldError("ttl")).isNotNull();
    assertThat(incomplete.fieldError("values")).isNotNull();
    delete(records + "www/A", ada.token()).assertProblem(404);

    long external =
        addDomain(ada, Map.of("name", domainName(), "mode", "EXTERNAL")).body().path("id").asLong();
    put(
            "/api/v1/domains/" + external + "/records/www/A",
            ada.token(),
            Map.of("ttl", 300, "values", List.of("192.0.2.1")))
        .assertProblem(409);
  }

  @Test
  void removingSignalsTheWorkflowAndShowsTheDomainAsBeingRemoved() {
    Account ada = newCustomer();
    long id =
        addDomain(ada, Map.of("name", domainName(), "mode", "HOSTED")).body().path("id").asLong();

    Answer removed = delete("/api/v1/domains/" + id, ada.token());

    assertThat(removed.status()).as(removed.body().toString()).isEqualTo(202);
    assertThat(removed.body().path("status").asText()).isEqualTo("REMOVING");
    assertThat(signalsOf(id)).contains("remove");
    assertThat(get("/api/v1/domains/" + id, ada.token()).body().path("status").asText())
        .isEqualTo("REMOVING");
    post("/api/v1/domains/" + id + "/dns-check", ada.token(), null).assertProblem(409);
  }

  @Test
  void checkingDnsNowSignalsTheWorkflow() {
    Account ada = newCustomer();
    long id =
        addDomain(ada, Map.of("name", domainName(), "mode", "EXTERNAL")).body().path("id").asLong();

    Answer check = post("/api/v1/domains/" + id + "/dns-check", ada.token(), null);

    assertThat(check.status()).isEqualTo(202);
    assertThat(signalsOf(id)).contains("checkDnsNow");
  }

  @Test
  void attachingNeedsOneOfTheCustomersLiveSites() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    long bobsSite =
        get(
                "/api/v1/orders/"
                    + order(bob, planId("starter"), unique("bob")).body().path("id").asLong(),
                bob.token())
            .body()
            .path("siteId")
            .asLong();
    long id =
        addDomain(ada, Map.of("name", domainName(), "mode", "HOSTED")).body().path("id").asLong();
    String site = "/api/v1/domains/" + id + "/site";

    post(site, ada.token(), Map.of()).assertProblem(400);
    post(site, ada.token(), Map.of("siteId", bobsSite)).assertProblem(404);
    delete(site, ada.token()).assertProblem(409);
    addDomain(ada, Map.of("name", domainName(), "mode", "HOSTED", "siteId", bobsSite))
        .assertProblem(404);
  }

  @Test
  void withoutATokenItIs401() {
    Answer list = get("/api/v1/domains", null);
    Answer add = post("/api/v1/domains", null, Map.of("name", domainName(), "mode", "HOSTED"));

    assertThat(list.status()).isEqualTo(401);
    assertThat(list.contentType()).startsWith("application/problem+json");
    assertThat(add.status()).isEqualTo(401);
  }

  private static String domainName() {
    return unique("shop") + ".example";
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private WorkflowExecutionMetadata findDomainWorkflow(long customerId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    String query = "BerthCustomerId = \"" + customerId + "\" AND WorkflowType = 'DomainWorkflow'";
    while (true) {
      List<WorkflowExecutionMetadata> found = temporal.listExecutions(query).toList();
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        assertThat(found).as("domain workflows of customer %s", customerId).hasSize(1);
        return found.get(0);
      }
      pause();
    }
  }

  private List<String> signalsOf(long domainId) {
    List<String> signals = new ArrayList<>();
    temporal
        .fetchHistory(DomainWorkflow.workflowId(domainId))
        .getEvents()
        .forEach(
            event -> {
              if (event.hasWorkflowExecutionSignaledEventAttributes()) {
                signals.add(event.getWorkflowExecutionSignaledEventAttributes().getSignalName());
              }
            });
    return signals;
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
