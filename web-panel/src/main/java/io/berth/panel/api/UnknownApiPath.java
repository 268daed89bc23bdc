package io.berth.panel.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers paths under {@code /api/} that match no call with a 404 problem, not the panel. */
@RestController
@Hidden
class UnknownApiPath {

  @RequestMapping("/api/**")
  ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "There is no API call "
                + request.getMethod()
                + " "
                + request.getRequestURI()
                + "; see /v3/api-docs for the calls there are.");
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
