package io.berth.panel.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.TemporalCalls;
import io.berth.panel.common.UserFacingException;
import io.berth.workflows.common.FailureReasons;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Short messages in the corner of the page. */
public final class Notices {

  private static final int DURATION_MS = 5000;

  private Notices() {}

  public static void info(String message) {
    Notification.show(message, DURATION_MS, Notification.Position.BOTTOM_START);
  }

  public static void success(String message) {
    Notification.show(message, DURATION_MS, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  public static void error(String message) {
    Notification.show(message, 2 * DURATION_MS, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  /** What to tell the customer about a failure: its own words if it has some, never a trace. */
  public static String reason(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof UserFacingException userFacing) {
      return userFacing.getMessage();
    }
    if (TemporalCalls.isUnreachable(cause)) {
      return ServiceUnavailableException.WORKFLOWS_UNREACHABLE;
    }
    return "That did not work: " + FailureReasons.of(cause);
  }
}
