package io.berth.panel.common;

import java.util.List;

/**
 * The object does not exist, or it belongs to another customer: both look the same from outside, so
 * nobody learns which ids exist.
 */
public class NotFoundException extends UserFacingException {

  public NotFoundException(String what, long id) {
    super("There is no " + what + " " + id + " in your account.", List.of());
  }

  /** Not found, in the words of the workflow step that looked (e.g. "Site 7 is not live."). */
  public NotFoundException(String message) {
    super(message, List.of());
  }
}
