package io.berth.panel.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.UnauthenticatedException;
import io.berth.panel.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} (RFC 9457): a {@code detail} a person can act
 * on, the fields at fault under {@code errors}, and never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(UserFacingException.class)
  ResponseEntity<ProblemDetail> refused(UserFacingException e) {
    HttpStatus status = statusOf(e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    if (!e.fields().isEmpty()) {
      problem.setProperty("errors", e.fields());
    }
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return answer.body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error in an API call", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Try again; if it keeps failing, contact support.");
    return ResponseEntity.internalServerError()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e));
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String unreadable(HttpMessageNotReadableException e) {
    String where = "";
    if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation at = json.getLocation();
      where = " (near line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    return "The request body is not a JSON object of the documented shape"
        + where
        + "; check the syntax and the field types.";
  }

  private static HttpStatus statusOf(UserFacingException e) {
    if (e instanceof InvalidInputException) {
      return HttpStatus.BAD_REQUEST;
    }
    if (e instanceof ConflictException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof UnauthenticatedException) {
      return HttpStatus.UNAUTHORIZED;
    }
    if (e instanceof ServiceUnavailableException) {
      return HttpStatus.SERVICE_UNAVAILABLE;
    }
    return HttpStatus.BAD_REQUEST;
  }
}
