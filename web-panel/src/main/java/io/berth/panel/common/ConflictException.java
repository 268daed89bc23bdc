package io.berth.panel.common;

import java.util.List;

/**
 * The input is well formed but clashes with the platform's state: a taken name or email, a used
 * trial, an order that is no longer open, a site that is not ready.
 */
public class ConflictException extends UserFacingException {

  public ConflictException(String message) {
    super(message, List.of());
  }

  public ConflictException(String field, String message) {
    super(message, List.of(new FieldProblem(field, message)));
  }
}
