package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site's usage through the API against PostgreSQL. No worker runs: the samples are stored as the
 * workers' samplers store them.
 */
class UsageApiIT extends ApiTestSupport {

  private static final long MIB = 1024L * 1024;

  @Autowired JdbcClient jdbc;

  @Test
  void withoutAToken_itIs401() {
    get("/api/v1/sites/1/usage", null).assertProblem(401);
  }

  @Test
  void itAnswersTheRangesPointsThePlansLimitsAndTheWarnings() {
    Account ada = newCustomer();
    long siteId = site(ada);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    sample(siteId, "RAW", now.minusSeconds(20), 120, 100 * MIB, 3000, 4500, 200 * MIB);
    sample(siteId, "RAW", now.minusSeconds(10), 480, 240 * MIB, 1000, 1500, 300 * MIB);
    sample(siteId, "MINUTE", now.minus(Duration.ofHours(5)), 300, 150 * MIB, 0, 0, 250 * MIB);

    Answer answer = get("/api/v1/sites/" + siteId + "/usage?range=hour", ada.token());

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    JsonNode body = answer.body();
    assertThat(body.path("siteId").asLong()).isEqualTo(siteId);
    assertThat(body.path("range").asText()).isEqualTo("hour");
    assertThat(body.path("limits").path("cpuMillis").asInt()).isEqualTo(500);
    assertThat(body.path("limits").path("memoryBytes").asLong()).isEqualTo(256 * MIB);
    assertThat(body.path("limits").path("diskBytes").asLong()).isEqualTo(5120 * MIB);
    assertThat(body.path("points")).hasSize(2);
    JsonNode newest = body.path("points").get(1);
    assertThat(Instant.parse(newest.path("at").asText())).isEqualTo(now.minusSeconds(10));
    assertThat(newest.path("cpuMillis").asInt()).isEqualTo(480);
    assertThat(newest.path("memoryBytes").asLong()).isEqualTo(240 * MIB);
    assertThat(newest.path("netRxBps").asLong()).isEqualTo(1000);
    assertThat(newest.path("netTxBps").asLong()).isEqualTo(1500);
    assertThat(newest.path("diskBytes").asLong()).isEqualTo(300 * MIB);
    assertThat(body.path("warnings")).hasSize(1);
    assertThat(body.path("warnings").get(0).asText())
        .isEqualTo("Memory is at 93 % of your plan's 256 MiB.");
  }

  @Test
  void theDayReadsMinuteAverages_andNoRangeMeansTheLastHour() {
    Account ada = newCustomer();
    long siteId = site(ada);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    sample(siteId, "RAW", now.minusSeconds(10), 100, 10 * MIB, 0, 0, 10 * MIB);
    sample(siteId, "MINUTE", now.minus(Duration.ofHours(5)), 300, 30 * MIB, 0, 0, 30 * MIB);
    sample(siteId, "MINUTE", now.minus(Duration.ofHours(4)), 400, 40 * MIB, 0, 0, 40 * MIB);

    JsonNode day = get("/api/v1/sites/" + siteId + "/usage?range=day", ada.token()).body();
    JsonNode plain = get("/api/v1/sites/" + siteId + "/usage", ada.token()).body();

    assertThat(day.path("range").asText()).isEqualTo("day");
    assertThat(day.path("points").findValuesAsText("cpuMillis")).containsExactly("300", "400");
    assertThat(plain.path("range").asText()).isEqualTo("hour");
    assertThat(plain.path("points").findValuesAsText("cpuMillis")).containsExactly("100");
    assertThat(plain.path("warnings")).isEmpty();
  }

  @Test
  void anUnknownRangeIsA400ThatSaysWhichOnesExist() {
    Account ada = newCustomer();
    long siteId = site(ada);

    Answer answer =
        get("/api/v1/sites/" + siteId + "/usage?range=week", ada.token()).assertProblem(400);

    assertThat(answer.detail()).contains("hour, day or month");
    assertThat(answer.fieldError("range")).isNotNull();
  }

  @Test
  void anotherCustomersSiteIsNotFound() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    long siteId = site(ada);
    sample(siteId, "RAW", Instant.now(), 100, 10 * MIB, 0, 0, 10 * MIB);

    Answer read = get("/api/v1/sites/" + siteId + "/usage", bob.token()).assertProblem(404);
    Answer unknown = get("/api/v1/sites/987654321/usage", bob.token()).assertProblem(404);

    assertThat(read.detail().replace(Long.toString(siteId), "N"))
        .isEqualTo(unknown.detail().replace("987654321", "N"));
    assertThat(read.body().toString()).doesNotContain("memoryBytes");
  }

  @Test
  void theOpenApiDescriptionListsTheCallUnderUsage() {
    JsonNode usage =
        get("/v3/api-docs", null).body().path("paths").path("/api/v1/sites/{id}/usage");

    assertThat(usage.path("get").path("tags").toString()).contains("Usage");
    assertThat(usage.path("get").path("parameters").findValuesAsText("name"))
        .contains("id", "range");
  }

  private long site(Account account) {
    Answer placed = order(account, planId("starter"), unique("use"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    long orderId = placed.body().path("id").asLong();
    return get("/api/v1/orders/" + orderId, account.token()).body().path("siteId").asLong();
  }

  private void sample(
      long siteId,
      String resolution,
      Instant at,
      int cpuMillis,
      long memoryBytes,
      long rxBps,
      long txBps,
      long diskBytes) {
    jdbc.sql(
            """
            INSERT INTO usage_sample
              (site_id, resolution, at, cpu_millis, memory_bytes, net_rx_bps, net_tx_bps, disk_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            siteId, resolution, Timestamp.from(at), cpuMillis, memoryBytes, rxBps, txBps, diskBytes)
        .update();
  }
}
