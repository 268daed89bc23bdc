package io.berth.panel.mail;

import io.berth.panel.plan.PlanFormat;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Email in the words a customer reads: statuses, sizes, dates. */
final class MailFormat {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
  private static final double MB = 1024.0 * 1024.0;

  private MailFormat() {}

  /** Lowercase, to fit inside a sentence. */
  static String mailDomain(MailDomainStatus status) {
    return switch (status) {
      case CREATING -> "being set up";
      case ACTIVE -> "on";
      case FAILED -> "failed";
      case REMOVING -> "being turned off";
      case REMOVED -> "off";
    };
  }

  static String mailbox(MailboxStatus status) {
    return switch (status) {
      case CREATING -> "being created";
      case ACTIVE -> "active";
      case FAILED -> "failed";
      case DELETED -> "deleted";
      case PURGED -> "removed";
    };
  }

  /** "12.3 MB of 500 MB". */
  static String usage(long usedBytes, int quotaMb) {
    return megabytes(usedBytes) + " of " + PlanFormat.size(quotaMb);
  }

  /** How full the mailbox is, from 0 to 1. */
  static double fill(long usedBytes, int quotaMb) {
    return quotaMb <= 0 ? 0 : Math.min(1.0, usedBytes / (quotaMb * MB));
  }

  /** "0 MB", "0.1 MB", "12.3 MB", "1.5 GB". */
  static String megabytes(long bytes) {
    if (bytes == 0) {
      return "0 MB";
    }
    double mb = bytes / MB;
    if (mb >= 1024) {
      return String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }
    return String.format(Locale.ROOT, "%.1f MB", Math.max(mb, 0.1));
  }

  /** The day a deleted mailbox's mail is kept until ({@code 2026-12-26}). */
  static String date(Instant instant) {
    return instant == null ? "its removal" : DATE.format(instant);
  }
}
