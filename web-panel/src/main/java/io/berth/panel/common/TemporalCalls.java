package io.berth.panel.common;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** Runs a call to the Temporal service and turns "cannot reach it" into one exception type. */
public final class TemporalCalls {

  private static final Set<Status.Code> UNREACHABLE =
      EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

  private TemporalCalls() {}

  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      if (isUnreachable(e)) {
        throw new ServiceUnavailableException(ServiceUnavailableException.WORKFLOWS_UNREACHABLE, e);
      }
      throw e;
    }
  }

  public static void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  /** True if the failure says the Temporal service could not be reached or did not answer. */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status
          && UNREACHABLE.contains(status.getStatus().getCode())) {
        return true;
      }
    }
    return false;
  }
}
