package io.berth.panel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link HostAgent} over HTTP: finds the agent's address and bearer token in the host's row (kept
 * for a few seconds, read again when the agent refuses the token because its worker restarted), and
 * hands the answer's body over as it arrives. The token is never logged and never part of an error
 * message.
 */
@Component
class HttpHostAgent implements HostAgent {

  static final String UNREACHABLE =
      "The host's agent does not answer right now; try again in a moment.";
  private static final Duration KEEP_ENDPOINT = Duration.ofSeconds(10);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_PROBLEM_BYTES = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final HttpClient http;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  HttpHostAgent(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Where a host's agent listens and the token it wants, as read at {@code readAt}. */
  private record Endpoint(String url, String token, Instant readAt) {}

  @Override
  public InputStream open(String hostId, String pathAndQuery) {
    HttpResponse<InputStream> answer = send(endpoint(hostId, false), pathAndQuery);
    if (answer.statusCode() == 401) {
      // The worker restarted with a new token since the row was read: read it again, once.
      close(answer.body());
      answer = send(endpoint(hostId, true), pathAndQuery);
    }
    int status = answer.statusCode();
    if (status == 200) {
      return answer.body();
    }
    String detail = problemDetail(answer.body());
    if (status == 404) {
      throw new NotFoundException(
          detail != null ? detail : "The host's agent has no such object on its host.");
    }
    endpoints.remove(hostId);
    throw new ServiceUnavailableException(UNREACHABLE, null);
  }

  private HttpResponse<InputStream> send(Endpoint endpoint, String pathAndQuery) {
    URI uri;
    try {
      uri = URI.create(stripTrailingSlash(endpoint.url()) + "/" + stripLeadingSlash(pathAndQuery));
    } catch (IllegalArgumentException e) {
      throw new ServiceUnavailableException(UNREACHABLE, e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + endpoint.token())
            .header("Accept", "application/x-ndjson, application/x-tar, application/problem+json")
            .timeout(ANSWER_TIMEOUT)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ServiceUnavailableException(UNREACHABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException(UNREACHABLE, e);
    }
  }

  private Endpoint endpoint(String hostId, boolean fresh) {
    Instant now = clock.instant();
    Endpoint known = fresh ? null : endpoints.get(hostId);
    if (known != null && known.readAt().plus(KEEP_ENDPOINT).isAfter(now)) {
      return known;
    }
    Endpoint read =
        read(hostId, now)
            .orElseThrow(
                () -> {
                  endpoints.remove(hostId);
                  return new ServiceUnavailableException(UNREACHABLE, null);
                });
    endpoints.put(hostId, read);
    return read;
  }

  private Optional<Endpoint> read(String hostId, Instant now) {
    if (hostId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT agent_url, agent_token FROM host WHERE id = :id")
        .param("id", hostId)
        .query(
            (row, n) -> new Endpoint(row.getString("agent_url"), row.getString("agent_token"), now))
        .optional()
        .filter(endpoint -> endpoint.url() != null && endpoint.token() != null);
  }

  /** The {@code detail} of a problem+json answer, or null when the body is no such thing. */
  private static String problemDetail(InputStream body) {
    try (body) {
      byte[] bytes = body.readNBytes(MAX_PROBLEM_BYTES);
      JsonNode problem = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      String detail = problem == null ? "" : problem.path("detail").asText("");
      return detail.isBlank() ? null : detail;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // The connection is dropped either way.
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String stripLeadingSlash(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
