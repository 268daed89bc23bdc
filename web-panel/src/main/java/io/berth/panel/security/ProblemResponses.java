package io.berth.panel.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Writes the API's 401 and 403 answers as {@code application/problem+json}, like every error. */
@Component
class ProblemResponses {

  static final String MISSING_TOKEN =
      "Sign in first: send \"Authorization: Bearer <token>\"; get a token with POST"
          + " /api/v1/tokens.";
  static final String BAD_TOKEN =
      "The token is unknown or has expired; get a new one with POST /api/v1/tokens.";

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  void unauthorized(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    unauthorized(request, response, MISSING_TOKEN);
  }

  void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    write(request, response, HttpStatus.UNAUTHORIZED, detail);
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "This call is for support staff only.");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
