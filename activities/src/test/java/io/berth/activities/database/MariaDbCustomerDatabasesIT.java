package io.berth.activities.database;

import static io.berth.activities.database.DatabaseFixture.LARGER;
import static io.berth.activities.database.DatabaseFixture.SMALL;
import static io.berth.activities.database.DatabaseFixture.newPassword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.HostConfig;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.DockerNames;
import io.berth.workflows.common.FailureType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MariaDB adapter on real containers of the real engine. */
class MariaDbCustomerDatabasesIT {

  private DatabaseFixture fixture;
  private MariaDbCustomerDatabases databases;

  @BeforeAll
  static void image() throws Exception {
    DatabaseFixture.buildImage();
  }

  @BeforeEach
  void setUp() {
    fixture = new DatabaseFixture();
    databases = fixture.databases;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void givenDatabaseEnsuredTwice_thereIsOneDatabaseAndOneUser_scopedToIt() {
    long customer = fixture.newCustomerId();
    Secret root = newPassword();
    DatabaseServer server = databases.ensureServer(customer, SMALL, root);
    assertThat(server)
        .isEqualTo(
            new DatabaseServer(
                DatabaseNames.container(customer), 3306, DockerNames.network(customer)));

    Secret first = newPassword();
    Secret second = newPassword();
    databases.ensureDatabase(customer, "shop_db", "shop_user", first);
    databases.ensureDatabase(customer, "shop_db", "shop_user", second);
    databases.ensureServer(customer, SMALL, root);

    assertThat(
            databases.sql(
                customer,
                "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'shop_db';"))
        .isEqualTo("1\n");
    assertThat(databases.sql(customer, "SELECT COUNT(*) FROM mysql.user WHERE User = 'shop_user';"))
        .isEqualTo("1\n");
    assertThat(databases.sql(customer, "SHOW GRANTS FOR 'shop_user'@'%';").lines().toList())
        .hasSize(2)
        .anySatisfy(grant -> assertThat(grant).startsWith("GRANT USAGE ON *.*"))
        .anySatisfy(
            grant ->
                assertThat(grant)
                    .startsWith("GRANT ALL PRIVILEGES ON `shop\\_db`.* TO `shop_user`@`%`"));

    // The latest password is the one that works, over the network as the apps connect.
    assertThat(fixture.clientAs(customer, "shop_user", second, "SELECT DATABASE();").exitCode())
        .isZero();
    var stale = fixture.clientAs(customer, "shop_user", first, "SELECT 1;");
    assertThat(stale.exitCode()).isNotZero();
    assertThat(stale.stderr()).contains("1045");
    assertThat(
            fixture
                .clientAs(
                    customer,
                    "shop_user",
                    second,
                    "CREATE TABLE shop_db.t (id INT); INSERT INTO shop_db.t VALUES (1);"
                        + " SELECT COUNT(*) FROM shop_db.t;")
                .stdout())
        .isEqualTo("1\n");

    // Root takes its password on the server's socket only, never over the network.
    var rootLocal =
        fixture.exec(
            DatabaseNames.container(customer),
            List.of("MYSQL_PWD=" + root.reveal()),
            "mariadb",
            "--user=root",
            "--batch",
            "--skip-column-names",
            "--execute=SELECT CURRENT_USER();");
    assertThat(rootLocal.stdout()).isEqualTo("root@localhost\n");
    assertThat(fixture.clientAs(customer, "root", root, "SELECT 1;").exitCode()).isNotZero();

    // No secret in the container's configuration.
    String config = Arrays.toString(fixture.inspectServer(customer).getConfig().getEnv());
    assertThat(config).doesNotContain(root.reveal()).doesNotContain(second.reveal());

    databases.resetPassword(customer, "shop_user", first);
    assertThat(fixture.clientAs(customer, "shop_user", first, "SELECT 1;").exitCode()).isZero();

    databases.dropDatabase(customer, "shop_db", "shop_user");
    databases.dropDatabase(customer, "shop_db", "shop_user");
    assertThat(
            databases.sql(
                customer,
                "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'shop_db';"
                    + " SELECT COUNT(*) FROM mysql.user WHERE User = 'shop_user';"))
        .isEqualTo("0\n0\n");
    assertThatThrownBy(() -> databases.resetPassword(customer, "shop_user", first))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND));
  }

  @Test
  void givenTwoCustomers_oneCustomersUserCannotReadTheOthersDatabase() {
    long customerA = fixture.newCustomerId();
    long customerB = fixture.newCustomerId();
    databases.ensureServer(customerA, SMALL, newPassword());
    databases.ensureServer(customerB, SMALL, newPassword());
    Secret passwordA = newPassword();
    Secret passwordB = newPassword();
    databases.ensureDatabase(customerA, "app", "app_user", passwordA);
    databases.ensureDatabase(customerB, "app", "app_user", passwordB);
    databases.sql(
        customerB,
        "CREATE TABLE app.secrets (v VARCHAR(20)); INSERT INTO app.secrets VALUES ('b');");

    // Same user name, A's password: B's server does not let A in.
    var wrongServer =
        fixture.clientAs(customerB, "app_user", passwordA, "SELECT * FROM app.secrets;");
    assertThat(wrongServer.exitCode()).isNotZero();
    assertThat(wrongServer.stderr()).contains("1045").doesNotContain("b\n");

    // Even connected, a user reads only its own database: a second database on the same server,
    // whose name the first one's would match if the grant's "_" were a wildcard, stays closed.
    databases.ensureDatabase(customerB, "shop_1", "shop_user", passwordB);
    databases.ensureDatabase(customerB, "shopx1", "other_user", passwordA);
    databases.sql(customerB, "CREATE TABLE shopx1.t (v INT); INSERT INTO shopx1.t VALUES (7);");
    var other = fixture.clientAs(customerB, "shop_user", passwordB, "SELECT * FROM shopx1.t;");
    assertThat(other.exitCode()).isNotZero();
    assertThat(other.stderr()).containsAnyOf("1142", "1044");
    var foreign = fixture.clientAs(customerB, "shop_user", passwordB, "SELECT * FROM app.secrets;");
    assertThat(foreign.exitCode()).isNotZero();
    assertThat(
            fixture.clientAs(customerB, "shop_user", passwordB, "SHOW DATABASES;").stdout().lines())
        .containsExactlyInAnyOrder("information_schema", "shop_1");
    assertThat(
            fixture
                .clientAs(customerB, "app_user", passwordB, "SELECT v FROM app.secrets;")
                .stdout())
        .isEqualTo("b\n");
  }

  @Test
  void givenTwoCustomers_aContainerOnOnesNetworkReachesOnlyItsOwnDatabaseServer() {
    long customerA = fixture.newCustomerId();
    long customerB = fixture.newCustomerId();
    DatabaseServer serverA = databases.ensureServer(customerA, SMALL, newPassword());
    databases.ensureServer(customerB, SMALL, newPassword());
    String probeA = fixture.startProbe(customerA);

    // Positive control: by name and by address on A's own network.
    assertThat(fixture.canConnect(probeA, serverA.host(), serverA.port())).isTrue();
    assertThat(fixture.canConnect(probeA, fixture.serverIp(customerA), 3306)).isTrue();

    String ipB = fixture.serverIp(customerB);
    assertThat(fixture.canConnect(probeA, ipB, 3306))
        .as("A's container reaches B's database server at %s", ipB)
        .isFalse();
    assertThat(fixture.canConnect(probeA, DatabaseNames.container(customerB), 3306))
        .as("A's container resolves and reaches B's database server by name")
        .isFalse();

    // Nor through the host: no port of either server is published.
    for (long customer : List.of(customerA, customerB)) {
      var container = fixture.inspectServer(customer);
      var bindings = container.getHostConfig().getPortBindings();
      assertThat(bindings == null ? java.util.Map.of() : bindings.getBindings()).isEmpty();
      assertThat(container.getNetworkSettings().getPorts().getBindings().values())
          .allSatisfy(binding -> assertThat(binding).isNull());
    }
  }

  @Test
  void givenLimits_theServerRunsWithThemHardened_andReplacingItForNewLimitsKeepsTheData() {
    long customer = fixture.newCustomerId();
    Secret root = newPassword();
    databases.ensureServer(customer, SMALL, root);

    HostConfig host = fixture.inspectServer(customer).getHostConfig();
    assertThat(host.getMemory()).isEqualTo(SMALL.memoryBytes());
    assertThat(host.getMemorySwap()).isEqualTo(SMALL.memoryBytes());
    assertThat(host.getNanoCPUs()).isEqualTo(SMALL.nanoCpus());
    assertThat(host.getPidsLimit()).isPositive();
    assertThat(Arrays.toString(host.getCapDrop())).isEqualTo("[ALL]");
    assertThat(host.getCapAdd()).isNullOrEmpty();
    assertThat(host.getSecurityOpts()).contains("no-new-privileges:true");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(fixture.inspectServer(customer).getConfig().getUser()).isEqualTo("mysql");
    assertThat(fixture.inspectServer(customer).getMounts())
        .anySatisfy(
            mount -> {
              assertThat(mount.getName()).isEqualTo(DatabaseNames.volume(customer));
              assertThat(mount.getDestination().getPath()).isEqualTo("/var/lib/mysql");
            });

    databases.ensureDatabase(customer, "keep", "keep_user", newPassword());
    databases.sql(
        customer, "CREATE TABLE keep.t (v VARCHAR(20)); INSERT INTO keep.t VALUES ('x');");
    String firstId = fixture.inspectServer(customer).getId();

    databases.ensureServer(customer, LARGER, root);
    var replaced = fixture.inspectServer(customer);
    assertThat(replaced.getId()).isNotEqualTo(firstId);
    assertThat(replaced.getHostConfig().getMemory()).isEqualTo(LARGER.memoryBytes());
    assertThat(replaced.getHostConfig().getNanoCPUs()).isEqualTo(LARGER.nanoCpus());
    assertThat(databases.sql(customer, "SELECT v FROM keep.t;")).isEqualTo("x\n");
  }

  @Test
  void givenServerRemoved_ensuringItAgainKeepsTheData() {
    long customer = fixture.newCustomerId();
    Secret root = newPassword();
    databases.ensureServer(customer, SMALL, root);
    databases.ensureDatabase(customer, "keep", "keep_user", newPassword());
    databases.sql(
        customer, "CREATE TABLE keep.t (v VARCHAR(20)); INSERT INTO keep.t VALUES ('y');");

    databases.removeServer(customer);
    databases.removeServer(customer);
    assertThat(
            fixture
                .docker
                .listContainersCmd()
                .withShowAll(true)
                .withNameFilter(List.of(DatabaseNames.container(customer)))
                .exec())
        .isEmpty();

    databases.ensureServer(customer, SMALL, root);
    assertThat(databases.sql(customer, "SELECT v FROM keep.t;")).isEqualTo("y\n");
  }

  @Test
  void givenBadNamesOrPasswords_itRefusesBeforeAnySql_andNeverShowsThePassword() {
    long customer = fixture.newCustomerId();
    Secret password = newPassword();
    for (String bad :
        List.of("", "1abc", "a-b", "a b", "x'; DROP DATABASE mysql; --", "mysql", "a".repeat(65))) {
      assertThatThrownBy(() -> databases.ensureDatabase(customer, bad, "user_ok", password))
          .isInstanceOfSatisfying(
              PermanentException.class,
              e -> {
                assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT);
                assertThat(e.getMessage()).doesNotContain(password.reveal());
              });
    }
    for (String bad : List.of("root", "u-1", "a".repeat(33))) {
      assertThatThrownBy(() -> databases.ensureDatabase(customer, "db_ok", bad, password))
          .isInstanceOfSatisfying(
              PermanentException.class,
              e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT));
    }
    assertThatThrownBy(() -> Secret.of("short"))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT);
              assertThat(e.getMessage()).doesNotContain("short");
            });
    assertThatThrownBy(() -> Secret.of("has a space in it"))
        .isInstanceOf(PermanentException.class)
        .hasMessageNotContaining("space in it");
    assertThat(password.toString()).doesNotContain(password.reveal());

    // No server yet: a clear, permanent answer.
    assertThatThrownBy(() -> databases.ensureDatabase(customer, "db_ok", "user_ok", password))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.type()).isEqualTo(FailureType.NOT_FOUND));
    databases.dropDatabase(customer, "db_ok", "user_ok");
  }
}
