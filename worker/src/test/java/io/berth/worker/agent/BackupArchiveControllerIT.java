package io.berth.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.activities.backup.BackupStorage;
import io.berth.activities.backup.DirectoryBackupStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /agent/v1/backups/{id}/archive} over HTTP: a backup stored on this host comes back as
 * a tar of its parts, byte for byte; a backup elsewhere, deleted or unknown is a 404 problem; no
 * token, no archive. The rows are in a fresh platform database with the real schema.
 */
@SpringBootTest(
    classes = BackupAgentTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "berth.host.id=agent-it-host"})
class BackupArchiveControllerIT {

  private static final String DATABASE = "berth_backup_agent_it";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path storageDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired AgentToken token;
  @Autowired JdbcClient jdbc;
  @Autowired DirectoryBackupStorage storage;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "berth", "berth");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(url);
    db.setUser("berth");
    db.setPassword("berth");
    Flyway.configure().dataSource(db).load().migrate();
    storageDir = Files.createTempDirectory("berth-agent-backups");
    properties.add("spring.datasource.url", () -> url);
    properties.add("spring.datasource.username", () -> "berth");
    properties.add("spring.datasource.password", () -> "berth");
    properties.add("spring.datasource.hikari.maximum-pool-size", () -> 2);
    properties.add("berth.backup.dir", () -> storageDir.toString());
  }

  @BeforeAll
  static void hosts(@Autowired JdbcClient jdbc) {
    jdbc.sql("INSERT INTO host (id) VALUES ('agent-it-host'), ('elsewhere')").update();
  }

  @Test
  void givenBackupStoredHere_whenDownloaded_itIsATarOfItsPartsByteForByte() throws Exception {
    long site = site();
    long backup = backupRow(site, "agent-it-host", "VERIFIED");
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put(BackupStorage.FILES, random(3_000_000));
    parts.put(BackupStorage.DATABASE, random(70_001));
    parts.put(BackupStorage.MANIFEST, "{\"backupId\":1}".getBytes(StandardCharsets.UTF_8));
    store(site, backup, parts);

    HttpResponse<byte[]> answer = get("/agent/v1/backups/" + backup + "/archive", token.value());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).contains("application/x-tar");
    assertThat(answer.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"backup-" + backup + ".tar\"");
    assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(answer.body().length);
    Map<String, byte[]> downloaded = new LinkedHashMap<>();
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(answer.body()))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        downloaded.put(entry.getName(), tar.readAllBytes());
      }
    }
    assertThat(downloaded.keySet()).containsExactlyElementsOf(parts.keySet());
    parts.forEach((name, bytes) -> assertThat(downloaded.get(name)).isEqualTo(bytes));
  }

  @Test
  void givenSiteWithoutDatabase_whenDownloaded_theTarHasNoDump() throws Exception {
    long site = site();
    long backup = backupRow(site, "agent-it-host", "VERIFIED");
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put(BackupStorage.FILES, random(512));
    parts.put(BackupStorage.MANIFEST, "{}".getBytes(StandardCharsets.UTF_8));
    store(site, backup, parts);

    HttpResponse<byte[]> answer = get("/agent/v1/backups/" + backup + "/archive", token.value());

    assertThat(answer.statusCode()).isEqualTo(200);
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(answer.body()))) {
      assertThat(tar.getNextEntry().getName()).isEqualTo(BackupStorage.FILES);
      assertThat(tar.getNextEntry().getName()).isEqualTo(BackupStorage.MANIFEST);
      assertThat(tar.getNextEntry()).isNull();
    }
  }

  @Test
  void givenBackupNotStoredHere_whenDownloaded_itIs404WithAProblem() throws Exception {
    long site = site();
    long elsewhere = backupRow(site, "elsewhere", "VERIFIED");
    store(
        site,
        elsewhere,
        Map.of(BackupStorage.FILES, random(10), BackupStorage.MANIFEST, random(2)));
    long deleted = backupRow(site, "agent-it-host", "DELETED");
    long notWritten = backupRow(site, "agent-it-host", "RUNNING");

    for (long id : new long[] {elsewhere, deleted, notWritten, 987_654_321L}) {
      HttpResponse<byte[]> answer = get("/agent/v1/backups/" + id + "/archive", token.value());
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(JSON.readTree(answer.body()).get("detail").asText())
          .isEqualTo("Backup " + id + " is not stored on this host.");
    }
  }

  @Test
  void givenNoToken_whenDownloading_itIs401() throws Exception {
    long site = site();
    long backup = backupRow(site, "agent-it-host", "VERIFIED");
    store(site, backup, Map.of(BackupStorage.FILES, random(10), BackupStorage.MANIFEST, random(2)));

    assertThat(get("/agent/v1/backups/" + backup + "/archive", null).statusCode()).isEqualTo(401);
    assertThat(get("/agent/v1/backups/" + backup + "/archive", "wrong").statusCode())
        .isEqualTo(401);
  }

  private long site() {
    long customer =
        jdbc.sql("INSERT INTO customer (email, password_hash) VALUES (:email, 'x') RETURNING id")
            .param(
                "email", "agent-" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.com")
            .query(Long.class)
            .single();
    long order =
        jdbc.sql(
                "INSERT INTO orders (customer_id, plan_id, site_name, app, payment_method, status)"
                    + " VALUES (:c, 1, :name, 'static', 'NONE', 'COMPLETED') RETURNING id")
            .param("c", customer)
            .param("name", "agent" + customer)
            .query(Long.class)
            .single();
    return jdbc.sql(
            """
            INSERT INTO site (customer_id, order_id, name, app, title, status, host_id, host_port)
            VALUES (:c, :o, :name, 'static', null, 'RUNNING', 'agent-it-host', :port) RETURNING id
            """)
        .param("c", customer)
        .param("o", order)
        .param("name", "agent" + customer)
        .param("port", 20000 + (int) (customer % 9000))
        .query(Long.class)
        .single();
  }

  private long backupRow(long site, String host, String status) {
    long id =
        jdbc.sql(
                """
                INSERT INTO backup (site_id, customer_id, kind, status, workflow_id, host_id)
                SELECT id, customer_id, 'MANUAL', :status, :workflow, :host FROM site WHERE id = :site
                RETURNING id
                """)
            .param("site", site)
            .param("status", status)
            .param("workflow", "backup-it-" + ThreadLocalRandom.current().nextLong(1L << 40))
            .param("host", host)
            .query(Long.class)
            .single();
    jdbc.sql("UPDATE backup SET location = :location WHERE id = :id")
        .param("location", BackupStorage.location(site, id))
        .param("id", id)
        .update();
    return id;
  }

  private void store(long site, long backup, Map<String, byte[]> parts) throws IOException {
    try (BackupStorage.PendingBackup pending =
        storage.begin(BackupStorage.location(site, backup))) {
      for (var part : parts.entrySet()) {
        try (OutputStream out = pending.create(part.getKey())) {
          out.write(part.getValue());
        }
      }
      pending.complete();
    }
  }

  private HttpResponse<byte[]> get(String path, String bearer)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
