package io.berth.devstack;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The services {@code ./berth run} needs when nothing else provides them, in one process:
 *
 * <ul>
 *   <li>{@code postgres}: an embedded PostgreSQL whose data lives in {@code <home>/pg}, so orders
 *       survive a restart; database and role {@code berth}.
 *   <li>{@code temporal}: Temporal's in-process test server on a port, used only when no {@code
 *       temporal} CLI is available. It keeps nothing across restarts and has no Web UI.
 * </ul>
 *
 * Usage: {@code DevStack <home> postgres <port>} or {@code DevStack <home> temporal <port>}.
 */
public final class DevStack {

  private DevStack() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: DevStack <home> postgres|temporal <port>");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[2]);
    switch (args[1]) {
      case "postgres" -> postgres(home, port);
      case "temporal" -> temporal(port);
      default -> {
        System.err.println("unknown service " + args[1]);
        System.exit(2);
      }
    }
    new CountDownLatch(1).await();
  }

  private static void postgres(Path home, int port) throws IOException, SQLException {
    Path data = home.resolve("pg");
    Files.createDirectories(data);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(home.resolve("pg-bin").toFile())
            .start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = 'berth'")) {
        s.execute("CREATE ROLE berth LOGIN PASSWORD 'berth'");
      }
      if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = 'berth'")) {
        s.execute("CREATE DATABASE berth OWNER berth");
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
    System.out.println("Embedded PostgreSQL ready: jdbc:postgresql://127.0.0.1:" + port + "/berth");
  }

  private static void temporal(int port) throws IOException {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    services.getServices().forEach(builder::addService);
    builder.build().start();
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port)
                .validateAndBuildWithDefaults());
    operator
        .blockingStub()
        .addSearchAttributes(
            AddSearchAttributesRequest.newBuilder()
                .setNamespace("default")
                .putSearchAttributes("BerthCustomerId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .putSearchAttributes("BerthOrderId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .putSearchAttributes("BerthSiteId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .putSearchAttributes("BerthDomain", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .putSearchAttributes("BerthStep", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .build());
    System.out.println(
        """
        ********************************************************************************
        WARNING: no `temporal` CLI found, so Berth runs on Temporal's in-process test
        server on 127.0.0.1:%d. Nothing is durable (orders in flight are lost when it
        stops) and there is no Temporal Web UI. Run `./berth services install` to get the
        real dev server.
        ********************************************************************************
        """
            .formatted(port));
  }

  private static boolean exists(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      return rs.next();
    }
  }

  private static void close(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
