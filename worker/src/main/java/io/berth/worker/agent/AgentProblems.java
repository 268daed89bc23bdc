package io.berth.worker.agent;

import io.berth.activities.logs.SiteNotOnHostException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The agent's errors as {@code application/problem+json}. */
@RestControllerAdvice(assignableTypes = SiteLogsController.class)
class AgentProblems {

  @ExceptionHandler(SiteNotOnHostException.class)
  ProblemDetail notOnHost(SiteNotOnHostException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(BadAgentRequestException.class)
  ProblemDetail badRequest(BadAgentRequestException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        e.getName() + " has a value the agent cannot read: " + e.getValue());
  }
}
