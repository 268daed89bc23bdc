package io.berth.panel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.panel.PanelApplication;
import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The panel's metrics as a Prometheus scraper and people elsewhere see them, on the test database
 * ({@code berth_test}): open from loopback, support staff only from any other address.
 */
@SpringBootTest(
    classes = PanelApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// Spring Boot's tests turn metrics export off unless asked: the panel exports them.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("it")
class MetricsIT {

  private static final String PASSWORD = "Correct horse 42";
  private static final String ELSEWHERE = "192.0.2.10";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired CustomerRepository customers;
  @Autowired PasswordEncoder passwords;
  @Autowired JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void givenAScraperOnThePanelsMachine_whenItScrapes_itGetsOrdersAndSitesByStatus()
      throws Exception {
    HttpResponse<String> scrape = loopbackGet("/actuator/prometheus");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    for (OrderStatus status : OrderStatus.values()) {
      assertThat(gauge(scrape.body(), "berth_orders", status.name())).isNotNegative();
    }
    double sitesByStatus = 0;
    for (SiteStatus status : SiteStatus.values()) {
      double sites = gauge(scrape.body(), "berth_sites", status.name());
      assertThat(sites).isNotNegative();
      sitesByStatus += sites;
    }
    long allSites = jdbc.sql("SELECT count(*) FROM site").query(Long.class).single();
    assertThat(sitesByStatus).as("every site is counted under its status").isEqualTo(allSites);
  }

  @Test
  void givenAScraperOnThePanelsMachine_whenItAsksForHealth_itIsUp() throws Exception {
    HttpResponse<String> health = loopbackGet("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void givenARequestFromAnotherAddress_withoutSignIn_itIsRefused() throws Exception {
    MockHttpServletResponse answer =
        mvc.perform(from(ELSEWHERE, get("/actuator/prometheus"))).andReturn().getResponse();

    assertThat(answer.getStatus()).isEqualTo(401);
    assertThat(answer.getContentType()).startsWith("application/problem+json");
    assertThat(answer.getContentAsString()).doesNotContain("berth_orders");
  }

  @Test
  void givenACustomerFromAnotherAddress_whenScraping_itIsForbidden() throws Exception {
    String email = "metrics" + System.nanoTime() + "@example.test";
    MockHttpServletResponse signup =
        mvc.perform(
                post("/api/v1/signup")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
            .andReturn()
            .getResponse();
    assertThat(signup.getStatus()).isEqualTo(201);

    MockHttpServletResponse answer =
        mvc.perform(
                from(ELSEWHERE, get("/actuator/prometheus"))
                    .header("Authorization", "Bearer " + token(email)))
            .andReturn()
            .getResponse();

    assertThat(answer.getStatus()).isEqualTo(403);
    assertThat(answer.getContentType()).startsWith("application/problem+json");
  }

  @Test
  void givenSupportStaffFromAnotherAddress_whenScraping_theyGetTheMetrics() throws Exception {
    String email = "metrics-support" + System.nanoTime() + "@example.test";
    customers.save(
        Customer.create(email, passwords.encode(PASSWORD), Customer.ROLE_SUPPORT, Instant.now()));

    MockHttpServletResponse answer =
        mvc.perform(
                from(ELSEWHERE, get("/actuator/prometheus"))
                    .header("Authorization", "Bearer " + token(email)))
            .andReturn()
            .getResponse();

    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(gauge(answer.getContentAsString(), "berth_sites", "RUNNING")).isNotNegative();
  }

  private static MockHttpServletRequestBuilder from(
      String address, MockHttpServletRequestBuilder request) {
    return request.with(
        r -> {
          r.setRemoteAddr(address);
          return r;
        });
  }

  private String token(String email) throws Exception {
    MockHttpServletResponse answer =
        mvc.perform(
                post("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
            .andReturn()
            .getResponse();
    assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
    JsonNode body = json.readTree(answer.getContentAsString());
    return body.path("token").asText();
  }

  private HttpResponse<String> loopbackGet(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The value of {@code name{status="…"}} in a Prometheus text exposition. */
  private static double gauge(String exposition, String name, String status) {
    Matcher line =
        Pattern.compile(
                "^" + name + "\\{status=\"" + status + "\"[^}]*\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(exposition);
    assertThat(line.find()).as("%s{status=\"%s\"} in%n%s", name, status, exposition).isTrue();
    return Double.parseDouble(line.group(1));
  }
}
