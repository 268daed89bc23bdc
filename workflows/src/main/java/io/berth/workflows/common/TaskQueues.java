package io.berth.workflows.common;

/** Task-queue names: the one place they are spelled. */
public final class TaskQueues {

  /** All workflows, and activities that talk to shared services (platform DB, DNS, ACME, …). */
  public static final String CONTROL = "berth-control";

  /** Activities on the mail servers' own files, polled by the worker that runs beside them. */
  public static final String MAIL = "berth-mail";

  private static final String HOST_PREFIX = "berth-host-";

  private TaskQueues() {}

  /** The queue polled by the worker on one Docker host. */
  public static String host(String hostId) {
    return HOST_PREFIX + hostId;
  }
}
