package io.berth.panel.common;

import java.util.List;

/** The email and password do not match an account. */
public class UnauthenticatedException extends UserFacingException {

  public UnauthenticatedException(String message) {
    super(message, List.of());
  }
}
