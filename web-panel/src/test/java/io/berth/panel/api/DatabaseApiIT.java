package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.host.HostRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.database.DatabaseWorkflow;
import io.berth.workflows.site.SiteStatus;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Databases through the API against PostgreSQL and the Temporal dev server. No worker runs: a site
 * is made live by writing its row as placement and its workflow would, and a created database stays
 * CREATING with its workflow waiting. Password resets (an update that needs a worker) are left to
 * the system tests.
 */
class DatabaseApiIT extends ApiTestSupport {

  static final String HOST = "it-panel-host";

  @Autowired SiteRepository sites;
  @Autowired HostRepository hosts;
  @Autowired CustomerDatabaseRepository databases;

  @Test
  void withoutALiveSite_creatingIsRefusedAndNothingIsCreated() {
    Account ada = newCustomer();
    order(ada, planId("starter"), unique("early"));

    Answer answer = createDatabase(ada, "shop").assertProblem(409);

    assertThat(answer.detail()).contains("you need a live site first");
    assertThat(get("/api/v1/databases", ada.token()).body()).isEmpty();
  }

  @Test
  void givenABadName_itIsA400NamingTheFieldAndNothingIsCreated() {
    Account ada = newCustomer();
    liveSite(ada, "php");

    Answer answer = createDatabase(ada, "1shop").assertProblem(400);

    assertThat(answer.fieldError("name").path("message").asText())
        .isEqualTo("Start with a lower-case letter (a to z).");
    assertThat(createDatabase(ada, "shop-db").assertProblem(400).fieldError("name")).isNotNull();
    assertThat(createDatabase(ada, "x".repeat(33)).assertProblem(400).fieldError("name"))
        .isNotNull();
    assertThat(
            postRaw("/api/v1/databases", ada.token(), "{}").assertProblem(400).fieldError("name"))
        .isNotNull();
    assertThat(get("/api/v1/databases", ada.token()).body()).isEmpty();
  }

  @Test
  void creatingOneStoresItAndStartsItsWorkflowOnTheSitesHost() {
    Account ada = newCustomer();
    liveSite(ada, "php");

    Answer created = createDatabase(ada, "shop_db");

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    JsonNode database = created.body();
    long id = database.path("id").asLong();
    assertThat(database.path("name").asText()).isEqualTo("shop_db");
    assertThat(database.path("user").asText()).isEqualTo("shop_db");
    assertThat(database.path("host").asText()).isEqualTo("berth-db-" + ada.id());
    assertThat(database.path("port").asInt()).isEqualTo(3306);
    assertThat(database.path("status").asText()).isEqualTo("CREATING");
    assertThat(database.path("ownedBySite").asBoolean()).isFalse();
    assertThat(get("/api/v1/databases", ada.token()).body().findValuesAsText("name"))
        .containsExactly("shop_db");
    assertThat(get("/api/v1/databases/" + id, ada.token()).body().path("name").asText())
        .isEqualTo("shop_db");

    WorkflowExecutionMetadata workflow = findDatabaseWorkflow(ada.id());
    assertThat(workflow.getExecution().getWorkflowId()).isEqualTo("database-" + id);
    assertThat(workflow.getWorkflowType()).isEqualTo("DatabaseWorkflow");
    assertThat(workflow.getTaskQueue()).isEqualTo("berth-control");
    assertThat(workflow.getTypedSearchAttributes().get(BerthSearchAttributes.CUSTOMER_ID))
        .isEqualTo(Long.toString(ada.id()));
    assertThat(
            temporal
                .fetchHistory(DatabaseWorkflow.workflowId(id))
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput()
                .toString())
        .contains(HOST);

    Answer taken = createDatabase(ada, "shop_db").assertProblem(409);
    assertThat(taken.fieldError("name").path("message").asText())
        .isEqualTo("You already have a database or user named shop_db; choose another name.");
  }

  @Test
  void deletingSignalsTheWorkflowAndShowsItAsBeingDeleted() {
    Account ada = newCustomer();
    liveSite(ada, "php");
    long id = createDatabase(ada, "gone_soon").body().path("id").asLong();

    Answer deleted = delete("/api/v1/databases/" + id, ada.token());

    assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(202);
    assertThat(deleted.body().path("status").asText()).isEqualTo("DELETING");
    assertThat(signalsOf(DatabaseWorkflow.workflowId(id))).contains("delete");
    assertThat(get("/api/v1/databases/" + id, ada.token()).body().path("status").asText())
        .isEqualTo("DELETING");
  }

  @Test
  void givenThePlansLimit_creatingOneMoreIsRefused() {
    Account ada = newCustomer();
    liveSite(ada, "php");
    for (String name : List.of("one", "two", "three")) {
      assertThat(createDatabase(ada, name).status()).isEqualTo(201);
    }

    Answer answer = createDatabase(ada, "four").assertProblem(409);

    assertThat(answer.detail())
        .isEqualTo(
            "Your Starter plan allows 3 databases and you have 3: delete one or order a bigger"
                + " plan.");
    assertThat(get("/api/v1/databases", ada.token()).body()).hasSize(3);
  }

  @Test
  void aWordPressSitesOwnDatabaseCannotBeDeletedResetOrLinked() {
    Account ada = newCustomer();
    Site blog = liveSite(ada, "wordpress");
    CustomerDatabase own =
        databases.save(CustomerDatabase.creating(ada.id(), "wp_own", "wp_own", blog.id(), true));
    String path = "/api/v1/databases/" + own.id();

    assertThat(delete(path, ada.token()).assertProblem(409).detail())
        .isEqualTo(
            "wp_own belongs to your WordPress site " + blog.name() + ": it goes with the site.");
    assertThat(post(path + "/password-reset", ada.token(), null).assertProblem(409).detail())
        .contains("WordPress keeps its password");
    put(path + "/site", ada.token(), Map.of()).assertProblem(409);
    assertThat(get(path, ada.token()).body().path("ownedBySite").asBoolean()).isTrue();
  }

  @Test
  void linkingRefusesAStaticSiteAndLinksAPhpSite() {
    Account ada = newCustomer();
    Site php = liveSite(ada, "php");
    Site plain = liveSite(ada, "static");
    CustomerDatabase database = databases.save(readyDatabase(ada, "linked"));
    String path = "/api/v1/databases/" + database.id() + "/site";

    Answer refused = put(path, ada.token(), Map.of("siteId", plain.id())).assertProblem(409);
    assertThat(refused.fieldError("siteId")).isNotNull();

    Answer linked = put(path, ada.token(), Map.of("siteId", php.id()));
    assertThat(linked.status()).as(linked.body().toString()).isEqualTo(200);
    assertThat(linked.body().path("siteId").asLong()).isEqualTo(php.id());
    assertThat(linked.body().path("siteName").asText()).isEqualTo(php.name());
    assertThat(databases.findById(database.id()).orElseThrow().siteId()).isEqualTo(php.id());

    Map<String, Object> none = new HashMap<>();
    none.put("siteId", null);
    Answer unlinked = put(path, ada.token(), none);
    assertThat(unlinked.status()).isEqualTo(200);
    assertThat(unlinked.body().path("siteId").isNull()).isTrue();
  }

  @Test
  void anotherCustomersDatabaseIsNotFoundWhateverTheCall() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    Site bobsSite = liveSite(bob, "php");
    CustomerDatabase adas = databases.save(readyDatabase(ada, "private_db"));
    String path = "/api/v1/databases/" + adas.id();

    Answer read = get(path, bob.token()).assertProblem(404);
    delete(path, bob.token()).assertProblem(404);
    post(path + "/password-reset", bob.token(), null).assertProblem(404);
    put(path + "/site", bob.token(), Map.of("siteId", bobsSite.id())).assertProblem(404);

    assertThat(read.body().toString()).doesNotContain("private_db");
    assertThat(get("/api/v1/databases", bob.token()).body()).isEmpty();
    Answer unknown = get("/api/v1/databases/987654321", bob.token()).assertProblem(404);
    assertThat(read.detail().replace(Long.toString(adas.id()), "N"))
        .isEqualTo(unknown.detail().replace("987654321", "N"));
    assertThat(databases.findById(adas.id()).orElseThrow().status())
        .isEqualTo(DatabaseStatus.READY);
  }

  /**
   * A Starter order whose site is live on {@link #HOST}, as placement and the site's workflow would
   * have left it.
   */
  private Site liveSite(Account account, String app) {
    hosts.heartbeat(HOST, 42000, 42999, "127.0.0.1");
    Answer placed =
        order(
            account,
            Map.of(
                "planId", planId("starter"), "siteName", unique("db"), "app", app, "title", "T"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    long orderId = placed.body().path("id").asLong();
    Site site = sites.findByOrderId(orderId).orElseThrow();
    return sites.save(
        new Site(
            site.id(),
            site.customerId(),
            site.orderId(),
            site.name(),
            site.app(),
            SiteStatus.RUNNING,
            null,
            HOST,
            // Unique among the live sites on the host, as the unique index wants.
            site.id().intValue(),
            site.createdAt(),
            Instant.now()));
  }

  private static CustomerDatabase readyDatabase(Account account, String name) {
    CustomerDatabase creating = CustomerDatabase.creating(account.id(), name, name, null, false);
    return new CustomerDatabase(
        null,
        creating.customerId(),
        creating.name(),
        creating.username(),
        DatabaseStatus.READY,
        null,
        false,
        null,
        creating.createdAt(),
        creating.updatedAt());
  }

  private WorkflowExecutionMetadata findDatabaseWorkflow(long customerId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      List<WorkflowExecutionMetadata> found =
          temporal
              .listExecutions(
                  "WorkflowType = 'DatabaseWorkflow' AND BerthCustomerId = \"" + customerId + "\"")
              .toList();
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        assertThat(found).as("database workflows of customer %s", customerId).hasSize(1);
        return found.get(0);
      }
      sleep();
    }
  }

  private List<String> signalsOf(String workflowId) {
    return temporal.fetchHistory(workflowId).getEvents().stream()
        .filter(event -> event.hasWorkflowExecutionSignaledEventAttributes())
        .map(event -> event.getWorkflowExecutionSignaledEventAttributes().getSignalName())
        .toList();
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
