package io.berth.panel.common;

import java.util.List;

/** A service the panel depends on (the workflow service) cannot be reached right now. */
public class ServiceUnavailableException extends UserFacingException {

  public static final String WORKFLOWS_UNREACHABLE =
      "The workflow service is unreachable; try again in a moment.";

  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, List.of());
    initCause(cause);
  }
}
