package io.berth.panel.common;

import java.util.List;

/** The input can never succeed as given (malformed email, bad site name, unknown plan, …). */
public class InvalidInputException extends UserFacingException {

  public InvalidInputException(List<FieldProblem> fields) {
    super(summary(fields), fields);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldProblem(field, message)));
  }

  private static String summary(List<FieldProblem> fields) {
    return fields.size() == 1
        ? fields.get(0).message()
        : "Some fields need attention: "
            + String.join(" ", fields.stream().map(FieldProblem::message).toList());
  }
}
