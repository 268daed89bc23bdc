package io.berth.worker.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to {@code /agent/**} through only with {@code Authorization: Bearer <token>} of
 * this worker's {@link AgentToken}; anything else gets a 401 problem.
 */
final class AgentAuthFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final AgentToken token;
  private final ObjectMapper json;

  AgentAuthFilter(AgentToken token, ObjectMapper json) {
    this.token = token;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && token.matches(authorization.substring(BEARER.length()).trim())) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Unauthorized");
    problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
    problem.put(
        "detail",
        "The agent answers only with the bearer token its worker published in the host's row.");
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
