package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.common.BerthSearchAttributes;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.mail.MailboxWorkflow;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Email through the API against PostgreSQL and the Temporal dev server. No worker runs: a domain is
 * made set up by writing its status as its workflow would, and the mail workflows the panel starts
 * wait; the tests check what the panel stores, starts and signals, and everything it refuses. The
 * mail workflows a test started are ended after the class.
 */
class MailApiIT extends ApiTestSupport {

  static final String MAILBOX_PASSWORD = "Mail horse 42!";

  @Autowired DomainRepository domainRows;
  @Autowired MailDomainRepository mailDomainRows;
  @Autowired MailboxRepository mailboxRows;
  @Autowired MailAliasRepository aliasRows;
  private final Set<String> startedMailWorkflows = ConcurrentHashMap.newKeySet();

  @Test
  void withoutATokenEveryCallIs401() {
    for (String path :
        List.of(
            "/api/v1/mail/domains",
            "/api/v1/mail/domains/1",
            "/api/v1/mail/domains/1/mailboxes",
            "/api/v1/mail/domains/1/aliases",
            "/api/v1/mail/mailboxes/1")) {
      assertThat(get(path, null).assertProblem(401).wwwAuthenticate()).isEqualTo("Bearer");
    }
    post("/api/v1/mail/domains", null, Map.of("domainId", 1)).assertProblem(401);
    patch("/api/v1/mail/mailboxes/1", null, Map.of("quotaMb", 20)).assertProblem(401);
    delete("/api/v1/mail/aliases/1", null).assertProblem(401);
  }

  @Test
  void turningOnEmailStoresTheMailDomainAndStartsItsWorkflowFindableByCustomerAndDomain() {
    Account ada = newCustomer();
    long domainId = setUpDomain(ada);
    String name = domainName(ada, domainId);

    Answer on = turnOn(ada, domainId);

    assertThat(on.status()).as(on.body().toString()).isEqualTo(202);
    JsonNode mail = on.body();
    long id = mail.path("id").asLong();
    assertThat(mail.path("domainId").asLong()).isEqualTo(domainId);
    assertThat(mail.path("name").asText()).isEqualTo(name);
    assertThat(mail.path("dnsMode").asText()).isEqualTo("HOSTED");
    assertThat(mail.path("status").asText()).isEqualTo("CREATING");
    assertThat(mail.path("progressAvailable").asBoolean()).isTrue();
    assertThat(mail.path("steps").findValuesAsText("name"))
        .containsExactly("dkim", "dns", "servers");
    assertThat(mail.path("dnsRecords")).isEmpty();
    assertThat(mail.path("limits").path("maxMailboxes").asInt()).isEqualTo(10);
    assertThat(mail.path("limits").path("mailStorageMb").asInt()).isEqualTo(5120);
    assertThat(get("/api/v1/mail/domains", ada.token()).body().findValuesAsText("name"))
        .containsExactly(name);
    assertThat(get("/api/v1/mail/domains/" + id, ada.token()).body().path("status").asText())
        .isEqualTo("CREATING");

    WorkflowExecutionMetadata workflow = findWorkflow("MailDomainWorkflow", ada.id());
    assertThat(workflow.getExecution().getWorkflowId()).isEqualTo("maildomain-" + id);
    assertThat(workflow.getTaskQueue()).isEqualTo("berth-control");
    assertThat(workflow.getTypedSearchAttributes().get(BerthSearchAttributes.DOMAIN))
        .isEqualTo(name);

    Answer again = turnOn(ada, domainId).assertProblem(409);
    assertThat(again.fieldError("domainId").path("message").asText())
        .isEqualTo("Email is already on for " + name + ".");
  }

  @Test
  void onceOn_itSaysWhenTheWorkflowCannotBeAskedForTheDnsRecords() {
    Account ada = newCustomer();
    long id = mailDomain(ada);
    mailDomainRows.updateStatus(id, MailDomainStatus.ACTIVE, null);

    JsonNode mail = get("/api/v1/mail/domains/" + id, ada.token()).body();

    assertThat(mail.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(mail.path("dnsRecordsAvailable").asBoolean()).isFalse();
    assertThat(mail.path("dnsRecords")).isEmpty();
  }

  @Test
  void aMailboxIsCreatedChangedAndDeletedWithoutItsPasswordEverComingBack() {
    Account ada = newCustomer();
    long id = mailDomain(ada);
    String domain = mailDomainRows.findById(id).orElseThrow().name();

    Answer created =
        post(
            "/api/v1/mail/domains/" + id + "/mailboxes",
            ada.token(),
            Map.of(
                "localPart",
                "Info",
                "displayName",
                "Ada",
                "password",
                MAILBOX_PASSWORD,
                "quotaMb",
                500));

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long mailboxId = created.body().path("id").asLong();
    startedMailWorkflows.add(MailboxWorkflow.workflowId(mailboxId));
    JsonNode mailbox = created.body();
    assertThat(mailbox.path("address").asText()).isEqualTo("info@" + domain);
    assertThat(mailbox.path("displayName").asText()).isEqualTo("Ada");
    assertThat(mailbox.path("quotaMb").asInt()).isEqualTo(500);
    assertThat(mailbox.path("usedBytes").asLong()).isZero();
    assertThat(mailbox.path("status").asText()).isEqualTo("CREATING");
    JsonNode client = mailbox.path("client");
    assertThat(client.path("imapHost").asText()).isEqualTo("127.0.0.1");
    assertThat(client.path("imapPort").asInt()).isEqualTo(1143);
    assertThat(client.path("imapSecurity").asText()).isEqualTo("STARTTLS");
    assertThat(client.path("smtpPort").asInt()).isEqualTo(2587);
    assertThat(client.path("smtpSecurity").asText()).isEqualTo("STARTTLS");
    assertThat(client.path("smtpAuthentication").asBoolean()).isTrue();
    assertThat(client.path("username").asText()).isEqualTo("info@" + domain);
    assertNoSecret(created.body());
    Mailbox row = mailboxRows.findById(mailboxId).orElseThrow();
    assertThat(MailPasswordHashes.matches(MAILBOX_PASSWORD, row.passwordHash())).isTrue();

    WorkflowExecutionMetadata workflow = findWorkflow("MailboxWorkflow", ada.id());
    assertThat(workflow.getExecution().getWorkflowId()).isEqualTo("mailbox-" + mailboxId);
    assertThat(workflow.getTypedSearchAttributes().get(BerthSearchAttributes.DOMAIN))
        .isEqualTo(domain);
    String history = temporal.fetchHistory(MailboxWorkflow.workflowId(mailboxId)).toJson(false);
    assertThat(history).doesNotContain(MAILBOX_PASSWORD, row.passwordHash());

    Answer changed =
        patch(
            "/api/v1/mail/mailboxes/" + mailboxId,
            ada.token(),
            Map.of("password", "Another horse 7", "quotaMb", 1024, "displayName", "Ada L."));
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.body().path("quotaMb").asInt()).isEqualTo(1024);
    assertThat(changed.body().path("displayName").asText()).isEqualTo("Ada L.");
    assertNoSecret(changed.body());
    row = mailboxRows.findById(mailboxId).orElseThrow();
    assertThat(MailPasswordHashes.matches("Another horse 7", row.passwordHash())).isTrue();
    assertThat(row.quotaMb()).isEqualTo(1024);
    assertThat(get("/api/v1/mail/domains/" + id + "/mailboxes", ada.token()).body())
        .singleElement()
        .satisfies(m -> assertThat(m.path("displayName").asText()).isEqualTo("Ada L."));

    Answer deleted = delete("/api/v1/mail/mailboxes/" + mailboxId, ada.token());
    assertThat(deleted.status()).as(deleted.body().toString()).isEqualTo(202);
    assertThat(deleted.body().path("status").asText()).isEqualTo("DELETED");
    Instant purgeAfter = Instant.parse(deleted.body().path("purgeAfter").asText());
    assertThat(purgeAfter)
        .isBetween(
            Instant.now().plus(Duration.ofDays(30)).minusSeconds(120),
            Instant.now().plus(Duration.ofDays(30)));
    assertThat(signalsOf(MailboxWorkflow.workflowId(mailboxId))).contains("delete");
    assertThat(mailboxRows.findById(mailboxId).orElseThrow().status())
        .isEqualTo(MailboxStatus.DELETED);
    patch("/api/v1/mail/mailboxes/" + mailboxId, ada.token(), Map.of("quotaMb", 20))
        .assertProblem(409);
    Answer reused =
        post(
                "/api/v1/mail/domains/" + id + "/mailboxes",
                ada.token(),
                Map.of("localPart", "info", "password", MAILBOX_PASSWORD, "quotaMb", 100))
            .assertProblem(409);
    assertThat(reused.fieldError("localPart").path("message").asText())
        .contains("belonged to a deleted mailbox whose mail is kept until");
  }

  @Test
  void aliasesAndTheCatchAllAreStoredListedAndDeleted() {
    Account ada = newCustomer();
    long id = mailDomain(ada);
    String domain = mailDomainRows.findById(id).orElseThrow().name();
    createMailbox(ada, id, "info");
    String aliases = "/api/v1/mail/domains/" + id + "/aliases";

    Answer sales =
        post(
            aliases,
            ada.token(),
            Map.of("localPart", "sales", "destinations", List.of("info@" + domain, "x@else.test")));
    Answer catchAll =
        post(
            aliases,
            ada.token(),
            Map.of("localPart", "*", "destinations", List.of("sales@" + domain)));

    assertThat(sales.status()).as(sales.body().toString()).isEqualTo(201);
    assertThat(sales.body().path("address").asText()).isEqualTo("sales@" + domain);
    assertThat(catchAll.status()).as(catchAll.body().toString()).isEqualTo(201);
    assertThat(catchAll.body().path("catchAll").asBoolean()).isTrue();
    assertThat(catchAll.body().path("address").asText()).isEqualTo("@" + domain);
    JsonNode listed = get(aliases, ada.token()).body();
    assertThat(listed.findValuesAsText("address")).containsExactly("@" + domain, "sales@" + domain);
    assertThat(texts(listed.get(1).path("destinations")))
        .containsExactly("info@" + domain, "x@else.test");

    long salesId = sales.body().path("id").asLong();
    assertThat(delete("/api/v1/mail/aliases/" + salesId, ada.token()).assertProblem(409).detail())
        .isEqualTo(
            "@" + domain + " forwards to sales@" + domain + "; change or delete that alias first.");
    assertThat(
            delete("/api/v1/mail/aliases/" + catchAll.body().path("id").asLong(), ada.token())
                .status())
        .isEqualTo(204);
    assertThat(delete("/api/v1/mail/aliases/" + salesId, ada.token()).status()).isEqualTo(204);
    assertThat(get(aliases, ada.token()).body()).isEmpty();
  }

  @Test
  void turningOffWaitsForTheMailboxesThenSignalsTheWorkflow() {
    Account ada = newCustomer();
    long id = mailDomain(ada);
    String domain = mailDomainRows.findById(id).orElseThrow().name();
    long info = createMailbox(ada, id, "info");
    post(
        "/api/v1/mail/domains/" + id + "/aliases",
        ada.token(),
        Map.of("localPart", "sales", "destinations", List.of("info@" + domain)));

    Answer refused = delete("/api/v1/mail/domains/" + id, ada.token()).assertProblem(409);
    assertThat(refused.detail())
        .isEqualTo(
            domain
                + " still has 1 mailbox (info@"
                + domain
                + "): delete it first, then turn email off.");

    delete("/api/v1/mail/mailboxes/" + info, ada.token());
    Answer off = delete("/api/v1/mail/domains/" + id, ada.token());

    assertThat(off.status()).as(off.body().toString()).isEqualTo(202);
    assertThat(off.body().path("status").asText()).isEqualTo("REMOVING");
    assertThat(signalsOf(MailDomainWorkflow.workflowId(id))).contains("turnOff");
    assertThat(aliasRows.findByMailDomainId(id)).isEmpty();
  }

  @Test
  void badInputIsRefusedWithTheFieldAtFaultAndNothingIsStored() {
    Account ada = newCustomer();
    long id = mailDomain(ada);
    String domain = mailDomainRows.findById(id).orElseThrow().name();
    createMailbox(ada, id, "info");
    String mailboxes = "/api/v1/mail/domains/" + id + "/mailboxes";
    String aliases = "/api/v1/mail/domains/" + id + "/aliases";
    // b@ forwards to a domain of Ada's without email yet, which then gets email.
    long otherDomain = setUpDomain(ada);
    String other = domainName(ada, otherDomain);
    assertThat(post(aliases, ada.token(), alias("b", "a@" + other)).status()).isEqualTo(201);
    long otherMail = turnOn(ada, otherDomain).body().path("id").asLong();
    String otherAliases = "/api/v1/mail/domains/" + otherMail + "/aliases";

    record Bad(String path, Map<String, Object> body, int status, String field, String message) {}
    List<Bad> table =
        List.of(
            new Bad(
                mailboxes,
                box("in..fo", MAILBOX_PASSWORD, 100),
                400,
                "localPart",
                "The part before the @ cannot have two dots in a row."),
            new Bad(
                mailboxes,
                box("root", MAILBOX_PASSWORD, 100),
                400,
                "localPart",
                "root is reserved for the mail servers and system software; choose another name."),
            new Bad(
                mailboxes,
                box("info", MAILBOX_PASSWORD, 100),
                409,
                "localPart",
                "info@" + domain + " is already a mailbox; choose another address."),
            new Bad(
                mailboxes,
                box("new", "short", 100),
                400,
                "password",
                "Use at least 10 characters."),
            new Bad(
                mailboxes,
                box("new", MAILBOX_PASSWORD, 9),
                400,
                "quotaMb",
                "A mailbox needs a quota of at least 10 MB."),
            new Bad(
                mailboxes,
                box("new", MAILBOX_PASSWORD, 5000),
                409,
                "quotaMb",
                "Your Starter plan has 5 GB of mail storage and your mailboxes' quotas take"
                    + " 500 MB, so 4620 MB is left"),
            new Bad(
                otherAliases,
                alias("a", "b@" + domain),
                409,
                "destinations",
                "That would make a loop: a@" + other + " → b@" + domain + " → a@" + other),
            new Bad(
                aliases,
                alias("team", "not an address"),
                400,
                "destinations",
                "'not an address' is not an email address"),
            new Bad(
                aliases,
                alias("team", "ghost@" + domain),
                409,
                "destinations",
                "ghost@" + domain + " is neither a mailbox nor an alias of yours"),
            new Bad(
                "/api/v1/mail/domains",
                Map.of(),
                400,
                "domainId",
                "Choose the domain to turn email on for."));
    List<Mailbox> mailboxesBefore = mailboxRows.findStoredByCustomerId(ada.id());
    int aliasesBefore = aliasRows.findByCustomerId(ada.id()).size();

    for (Bad bad : table) {
      Answer answer = post(bad.path(), ada.token(), bad.body()).assertProblem(bad.status());
      assertThat(answer.detail()).as(bad.toString()).startsWith(bad.message());
      assertThat(answer.fieldError(bad.field()).path("message").asText())
          .as(bad.toString())
          .startsWith(bad.message());
    }

    Map<String, Object> unreadable = new HashMap<>(box("new", MAILBOX_PASSWORD, 100));
    unreadable.put("quotaMb", "lots");
    post(mailboxes, ada.token(), unreadable).assertProblem(400);
    assertThat(mailboxRows.findStoredByCustomerId(ada.id())).isEqualTo(mailboxesBefore);
    assertThat(aliasRows.findByCustomerId(ada.id())).hasSize(aliasesBefore);
  }

  @Test
  void turningOnIsRefusedForADomainNotSetUpAndAnotherCustomersIsNotFound() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    order(ada, planId("starter"), unique("mail"));
    long settingUp =
        addDomain(ada, Map.of("name", unique("early") + ".test", "mode", "HOSTED"))
            .body()
            .path("id")
            .asLong();
    long bobs = setUpDomain(bob);

    Answer early = turnOn(ada, settingUp).assertProblem(409);
    assertThat(early.fieldError("domainId").path("message").asText())
        .endsWith("is still being set up; turn on email once it is ready.");
    Answer theirs = turnOn(ada, bobs).assertProblem(404);
    assertThat(theirs.detail()).isEqualTo("There is no domain " + bobs + " in your account.");
    assertThat(get("/api/v1/mail/domains", ada.token()).body()).isEmpty();
    assertThat(mailDomainRows.findLiveByDomainId(bobs)).isEmpty();
  }

  @Test
  void anotherCustomersMailDomainMailboxesAndAliasesAreNotFoundWhateverTheCall() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    long id = mailDomain(ada);
    String domain = mailDomainRows.findById(id).orElseThrow().name();
    long mailbox = createMailbox(ada, id, "private");
    long alias =
        post(
                "/api/v1/mail/domains/" + id + "/aliases",
                ada.token(),
                Map.of("localPart", "sales", "destinations", List.of("private@" + domain)))
            .body()
            .path("id")
            .asLong();

    List<Answer> answers = new ArrayList<>();
    answers.add(get("/api/v1/mail/domains/" + id, bob.token()));
    answers.add(delete("/api/v1/mail/domains/" + id, bob.token()));
    answers.add(get("/api/v1/mail/domains/" + id + "/mailboxes", bob.token()));
    answers.add(
        post(
            "/api/v1/mail/domains/" + id + "/mailboxes",
            bob.token(),
            box("bob", MAILBOX_PASSWORD, 100)));
    answers.add(get("/api/v1/mail/domains/" + id + "/aliases", bob.token()));
    answers.add(
        post("/api/v1/mail/domains/" + id + "/aliases", bob.token(), alias("bob", "x@else.test")));
    answers.add(get("/api/v1/mail/mailboxes/" + mailbox, bob.token()));
    answers.add(patch("/api/v1/mail/mailboxes/" + mailbox, bob.token(), Map.of("quotaMb", 20)));
    answers.add(delete("/api/v1/mail/mailboxes/" + mailbox, bob.token()));
    answers.add(delete("/api/v1/mail/aliases/" + alias, bob.token()));

    for (Answer answer : answers) {
      answer.assertProblem(404);
      assertThat(answer.body().toString()).doesNotContain(domain, "private");
    }
    assertThat(get("/api/v1/mail/domains", bob.token()).body()).isEmpty();
    assertThat(mailboxRows.findById(mailbox).orElseThrow().status())
        .isEqualTo(MailboxStatus.CREATING);
    assertThat(aliasRows.findById(alias)).isPresent();
    assertThat(mailDomainRows.findById(id).orElseThrow().status())
        .isEqualTo(MailDomainStatus.CREATING);
  }

  @Test
  void thePlansSayHowManyMailboxesAndHowMuchMailStorageTheyHave() {
    Map<String, List<Integer>> mail = new HashMap<>();
    for (JsonNode plan : get("/api/v1/plans", null).body()) {
      JsonNode limits = plan.path("limits");
      mail.put(
          plan.path("code").asText(),
          List.of(limits.path("maxMailboxes").asInt(), limits.path("mailStorageMb").asInt()));
    }

    assertThat(mail)
        .containsEntry("trial", List.of(2, 200))
        .containsEntry("starter", List.of(10, 5120))
        .containsEntry("business", List.of(50, 51200));
  }

  @Test
  void theOpenApiDocumentListsTheEmailCalls() {
    List<String> paths = new ArrayList<>();
    get("/v3/api-docs", null).body().path("paths").fieldNames().forEachRemaining(paths::add);

    assertThat(paths)
        .contains(
            "/api/v1/mail/domains",
            "/api/v1/mail/domains/{id}",
            "/api/v1/mail/domains/{id}/mailboxes",
            "/api/v1/mail/mailboxes/{id}",
            "/api/v1/mail/domains/{id}/aliases",
            "/api/v1/mail/aliases/{id}");
    JsonNode mailbox =
        get("/v3/api-docs", null).body().path("paths").path("/api/v1/mail/mailboxes/{id}");
    assertThat(mailbox.has("get") && mailbox.has("patch") && mailbox.has("delete")).isTrue();
    assertThat(mailbox.path("patch").path("tags").get(0).asText()).isEqualTo("Email");
  }

  /** A Starter customer's hosted domain, set up as its workflow would have left it. */
  private long setUpDomain(Account account) {
    order(account, planId("starter"), unique("mail"));
    Answer added = addDomain(account, Map.of("name", unique("mail") + ".test", "mode", "HOSTED"));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    long domainId = added.body().path("id").asLong();
    domainRows.updateStatus(domainId, DomainStatus.ACTIVE, null, null);
    return domainId;
  }

  /** Email turned on for a new set-up domain of the customer; its workflow waits. */
  private long mailDomain(Account account) {
    Answer on = turnOn(account, setUpDomain(account));
    assertThat(on.status()).as(on.body().toString()).isEqualTo(202);
    return on.body().path("id").asLong();
  }

  private Answer turnOn(Account account, long domainId) {
    Answer answer = post("/api/v1/mail/domains", account.token(), Map.of("domainId", domainId));
    if (answer.status() == 202) {
      startedMailWorkflows.add(MailDomainWorkflow.workflowId(answer.body().path("id").asLong()));
    }
    return answer;
  }

  private long createMailbox(Account account, long mailDomainId, String localPart) {
    Answer created =
        post(
            "/api/v1/mail/domains/" + mailDomainId + "/mailboxes",
            account.token(),
            box(localPart, MAILBOX_PASSWORD, 500));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    startedMailWorkflows.add(MailboxWorkflow.workflowId(id));
    return id;
  }

  private String domainName(Account account, long domainId) {
    return get("/api/v1/domains/" + domainId, account.token()).body().path("name").asText();
  }

  private static Map<String, Object> box(String localPart, String password, int quotaMb) {
    return Map.of("localPart", localPart, "password", password, "quotaMb", quotaMb);
  }

  private static Map<String, Object> alias(String localPart, String destination) {
    return Map.of("localPart", localPart, "destinations", List.of(destination));
  }

  private static void assertNoSecret(JsonNode body) {
    assertThat(body.toString())
        .doesNotContain(MAILBOX_PASSWORD, "$2y$", "password", "Hash", "hash");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private WorkflowExecutionMetadata findWorkflow(String type, long customerId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      List<WorkflowExecutionMetadata> found =
          temporal
              .listExecutions(
                  "WorkflowType = '" + type + "' AND BerthCustomerId = \"" + customerId + "\"")
              .toList();
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        assertThat(found).as("%s workflows of customer %s", type, customerId).hasSize(1);
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

  /** With no worker the mail workflows would wait forever: end them. */
  @AfterAll
  void endTheMailWorkflowsThisClassStarted() {
    for (String workflowId : startedMailWorkflows) {
      try {
        temporal
            .newUntypedWorkflowStub(workflowId)
            .terminate("end of " + getClass().getSimpleName());
      } catch (RuntimeException alreadyClosed) {
        // Nothing left to end.
      }
    }
  }
}
