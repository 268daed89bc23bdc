package io.berth.panel.common;

import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.site.SiteStatus;

/** Statuses and steps in the words a customer reads (lowercase, to fit inside a sentence). */
public final class Labels {

  private Labels() {}

  public static String order(OrderStatus status) {
    return switch (status) {
      case AWAITING_PAYMENT -> "awaiting payment";
      case PROVISIONING -> "being set up";
      case ACTIVE -> "active";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
    };
  }

  public static String site(SiteStatus status) {
    return switch (status) {
      case PROVISIONING -> "being set up";
      case RUNNING -> "running";
      case STOPPED -> "stopped";
      case SUSPENDED -> "suspended";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case DELETED -> "deleted";
    };
  }

  public static String database(DatabaseStatus status) {
    return switch (status) {
      case CREATING -> "being created";
      case READY -> "ready";
      case FAILED -> "failed";
      case DELETING -> "being deleted";
      case DELETED -> "deleted";
    };
  }

  public static String domain(DomainStatus status) {
    return switch (status) {
      case SETTING_UP -> "being set up";
      case WAITING_FOR_DNS -> "waiting for DNS";
      case ACTIVE -> "active";
      case DNS_NOT_SEEN -> "DNS not seen";
      case FAILED -> "failed";
      case REMOVING -> "being removed";
      case REMOVED -> "removed";
    };
  }

  /** "Hosted DNS" or "External DNS". */
  public static String domainMode(DomainMode mode) {
    return switch (mode) {
      case HOSTED -> "Hosted DNS";
      case EXTERNAL -> "External DNS";
    };
  }

  /** "pending", "running", "retrying (attempt 3)", … */
  public static String step(Step step) {
    return switch (step.state()) {
      case PENDING -> "pending";
      case RUNNING -> "running";
      case RETRYING -> "retrying (attempt " + step.attempt() + ")";
      case WAITING -> "waiting";
      case DONE -> "done";
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
      case CANCELLED -> "cancelled";
    };
  }

  /** The step's name with a capital, e.g. "Health check"; abbreviations spelled out. */
  public static String stepName(Step step) {
    return switch (step.name()) {
      case MailDomainWorkflow.STEP_DKIM -> "DKIM key";
      case MailDomainWorkflow.STEP_DNS -> "DNS records";
      case MailDomainWorkflow.STEP_SERVERS -> "Mail servers";
      default -> capitalize(step.name());
    };
  }

  public static String capitalize(String text) {
    return text == null || text.isEmpty()
        ? text
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
