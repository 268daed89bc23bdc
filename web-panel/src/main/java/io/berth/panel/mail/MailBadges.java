package io.berth.panel.mail;

import com.vaadin.flow.component.html.Span;
import io.berth.panel.common.Labels;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxStatus;

/** Coloured labels for email statuses (the {@code badge} styles of {@code styles/berth.css}). */
final class MailBadges {

  private MailBadges() {}

  /** Email on a domain; null for a domain without email. */
  static Span mailDomain(MailDomainStatus status) {
    if (status == null) {
      return badge("Email off", "contrast");
    }
    String tone =
        switch (status) {
          case ACTIVE -> "success";
          case FAILED -> "error";
          case REMOVING, REMOVED -> "contrast";
          case CREATING -> "info";
        };
    return badge("Email " + MailFormat.mailDomain(status), tone);
  }

  static Span mailbox(MailboxStatus status) {
    String tone =
        switch (status) {
          case ACTIVE -> "success";
          case FAILED -> "error";
          case DELETED, PURGED -> "contrast";
          case CREATING -> "info";
        };
    return badge(Labels.capitalize(MailFormat.mailbox(status)), tone);
  }

  private static Span badge(String text, String tone) {
    Span badge = new Span(text);
    badge.addClassNames("badge", tone);
    return badge;
  }
}
