package io.berth.activities.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.docker.DockerObjects.ExecResult;
import io.berth.activities.testing.DockerLeftovers;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.database.DatabaseActivities;
import io.berth.workflows.database.DatabaseRecordActivities;
import io.berth.workflows.database.DatabaseStatus;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DatabaseActivitiesImpl} and {@link DatabaseRecordActivitiesImpl} as the worker finds them
 * (components of those names), on the real schema in a fresh PostgreSQL database and real customer
 * MariaDB servers.
 */
@SpringBootTest(
    classes = DatabaseActivitiesIT.Context.class,
    properties = {"berth.databases.memory-mb=192", "berth.databases.cpu-millis=500"})
class DatabaseActivitiesIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableJdbcRepositories(basePackages = "io.berth.persistence")
  @Import({
    DockerConfig.class,
    DatabaseConfig.class,
    DatabaseActivitiesImpl.class,
    DatabaseRecordActivitiesImpl.class
  })
  static class Context {}

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry properties) throws Exception {
    PlatformDatabase.createFor(properties, "berth_database_activities_it");
    String keyFile = Files.createTempDirectory("berth-secrets").resolve("secrets.key").toString();
    properties.add("berth.secrets.key-file", () -> keyFile);
  }

  @BeforeAll
  static void image() throws Exception {
    DatabaseFixture.buildImage();
  }

  @Autowired
  @Qualifier("databaseActivities")
  DatabaseActivities activities;

  @Autowired
  @Qualifier("databaseRecordActivities")
  DatabaseRecordActivities records;

  @Autowired CustomerDatabaseRepository databases;
  @Autowired SecretStore secrets;
  @Autowired DockerClient docker;
  @Autowired JdbcClient jdbc;

  private PlatformRows rows;
  private DatabaseFixture fixture;

  @BeforeEach
  void setUp() {
    rows = new PlatformRows(jdbc);
    fixture = new DatabaseFixture();
  }

  @AfterEach
  void tearDown() {
    DockerLeftovers.remove(docker, rows);
    fixture.close();
  }

  @Test
  void ensuringTwice_makesTheServerTheDatabaseAndOnePassword_andMarksItReady() {
    CustomerDatabase database = newDatabase(rows.customer(), "notes");

    activities.ensureDatabase(database.id());
    String password = secrets.read(database.passwordSecret()).orElseThrow();
    activities.ensureDatabase(database.id());

    assertThat(secrets.read(database.passwordSecret())).contains(password);
    assertThat(secrets.read(SecretNames.databaseServerRoot(database.customerId()))).isPresent();
    assertThat(status(database)).isEqualTo(DatabaseStatus.READY);
    ExecResult client = client(database, password, "SELECT DATABASE();");
    assertThat(client.exitCode()).isZero();
    assertThat(client.stdout()).isEqualTo("notes\n");
    var limits = fixture.inspectServer(database.customerId()).getHostConfig();
    assertThat(limits.getMemory()).isEqualTo(192L * 1024 * 1024);
    assertThat(limits.getNanoCPUs()).isEqualTo(500_000_000L);
  }

  @Test
  void resettingTwiceWithOneRequestId_setsOneNewPassword_andTheOldOneStopsWorking() {
    CustomerDatabase database = newDatabase(rows.customer(), "shop");
    activities.ensureDatabase(database.id());
    String old = secrets.read(database.passwordSecret()).orElseThrow();

    activities.resetPassword(database.id(), "req-1");
    String reset = secrets.read(database.passwordSecret()).orElseThrow();
    activities.resetPassword(database.id(), "req-1");

    assertThat(reset).isNotEqualTo(old);
    assertThat(secrets.read(database.passwordSecret())).contains(reset);
    assertThat(client(database, old, "SELECT 1;").stderr()).contains("1045");
    assertThat(client(database, reset, "SELECT 1;").exitCode()).isZero();
    assertThat(pendingResets(database)).isZero();

    activities.resetPassword(database.id(), "req-2");
    String second = secrets.read(database.passwordSecret()).orElseThrow();
    assertThat(second).isNotEqualTo(reset);
    assertThat(client(database, second, "SELECT 1;").exitCode()).isZero();
    assertThat(client(database, reset, "SELECT 1;").exitCode()).isNotZero();
  }

  @Test
  void aRetryAfterTheServerTookThePassword_setsTheSameOneAgain() {
    CustomerDatabase database = newDatabase(rows.customer(), "blog");
    activities.ensureDatabase(database.id());
    // The first attempt made the pending password and died before storing it as the database's.
    String pending =
        secrets.getOrCreate(
            DatabaseActivitiesImpl.pendingResetSecret(database.id(), "req-9"),
            () -> "pending-Password-1234");

    activities.resetPassword(database.id(), "req-9");

    assertThat(secrets.read(database.passwordSecret())).contains(pending);
    assertThat(client(database, pending, "SELECT 1;").exitCode()).isZero();
    assertThat(pendingResets(database)).isZero();
  }

  @Test
  void aBadRequestIdIsRefused() {
    CustomerDatabase database = newDatabase(rows.customer(), "any");

    assertThatThrownBy(() -> activities.resetPassword(database.id(), "a b"))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT));
  }

  @Test
  void droppingRemovesTheDataAndThePassword_andIsFinal() {
    CustomerDatabase database = newDatabase(rows.customer(), "gone");
    activities.ensureDatabase(database.id());
    String password = secrets.read(database.passwordSecret()).orElseThrow();

    activities.dropDatabase(database.id());
    activities.dropDatabase(database.id());

    assertThat(status(database)).isEqualTo(DatabaseStatus.DELETED);
    assertThat(secrets.read(database.passwordSecret())).isEmpty();
    assertThat(client(database, password, "SELECT 1;").exitCode()).isNotZero();
    assertThatThrownBy(() -> activities.ensureDatabase(database.id()))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND));
  }

  @Test
  void theLinkedSiteIsNamedWhileItLives() {
    long customer = rows.customer();
    long site = rows.site(customer, PlatformRows.uniqueName("app"), "php", null, 20_000);
    CustomerDatabase database = newDatabase(customer, "linked");
    assertThat(records.linkedSite(database.id())).isNull();

    databases.link(database.id(), site);
    assertThat(records.linkedSite(database.id())).isEqualTo(site);

    jdbc.sql("UPDATE site SET status = 'FAILED' WHERE id = :id").param("id", site).update();
    assertThat(records.linkedSite(database.id())).isNull();
  }

  @Test
  void statusesAreStored_longReasonsShortened_andDeletedIsFinal() {
    CustomerDatabase database = newDatabase(rows.customer(), "states");

    records.recordDatabaseStatus(database.id(), DatabaseStatus.FAILED, "x".repeat(1500));
    assertThat(databases.findById(database.id()).orElseThrow().failureReason()).hasSize(1000);
    records.recordDatabaseStatus(database.id(), DatabaseStatus.DELETED, null);
    records.recordDatabaseStatus(database.id(), DatabaseStatus.READY, null);

    assertThat(status(database)).isEqualTo(DatabaseStatus.DELETED);
    assertThat(AopUtils.isAopProxy(records)).as("runs in Spring transactions").isTrue();
  }

  private CustomerDatabase newDatabase(long customer, String name) {
    return databases.save(CustomerDatabase.creating(customer, name, name + "_user", null, false));
  }

  private DatabaseStatus status(CustomerDatabase database) {
    return databases.findById(database.id()).orElseThrow().status();
  }

  private long pendingResets(CustomerDatabase database) {
    return jdbc.sql("SELECT count(*) FROM secret WHERE name LIKE :prefix")
        .param("prefix", "database:" + database.id() + ":reset:%")
        .query(Long.class)
        .single();
  }

  private ExecResult client(CustomerDatabase database, String password, String sql) {
    return fixture.clientAs(
        database.customerId(),
        database.username(),
        Secret.of(password),
        "USE " + database.name() + "; " + sql);
  }
}
