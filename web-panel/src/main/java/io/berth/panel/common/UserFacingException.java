package io.berth.panel.common;

import java.util.List;

/**
 * A request the platform refuses for a reason the customer can read and act on. The message is
 * shown as is in the panel and as the {@code detail} of the API's problem response.
 */
public abstract class UserFacingException extends RuntimeException {

  private final List<FieldProblem> fields;

  protected UserFacingException(String message, List<FieldProblem> fields) {
    super(message);
    this.fields = List.copyOf(fields);
  }

  public List<FieldProblem> fields() {
    return fields;
  }

  /** The problem with one field, if it has one. */
  public String problemWith(String field) {
    return fields.stream()
        .filter(f -> f.field().equals(field))
        .map(FieldProblem::message)
        .findFirst()
        .orElse(null);
  }
}
