package io.berth.panel.ui;

import com.vaadin.flow.component.html.Span;
import io.berth.panel.common.Labels;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.site.SiteStatus;

/** Small coloured labels for statuses (styled in {@code styles/berth.css}). */
public final class Badges {

  private Badges() {}

  public static Span order(OrderStatus status) {
    String tone =
        switch (status) {
          case ACTIVE -> "success";
          case FAILED -> "error";
          case CANCELLED -> "contrast";
          case AWAITING_PAYMENT, PROVISIONING -> "info";
        };
    return badge(Labels.capitalize(Labels.order(status)), tone);
  }

  public static Span site(SiteStatus status) {
    String tone =
        switch (status) {
          case RUNNING -> "success";
          case FAILED -> "error";
          case STOPPED, SUSPENDED, CANCELLED, DELETED -> "contrast";
          case PROVISIONING -> "info";
        };
    return badge(Labels.capitalize(Labels.site(status)), tone);
  }

  public static Span step(Step step) {
    String tone =
        switch (step.state()) {
          case DONE -> "success";
          case FAILED -> "error";
          case RETRYING -> "warning";
          case RUNNING, WAITING -> "info";
          case PENDING, SKIPPED, CANCELLED -> "contrast";
        };
    return badge(Labels.capitalize(Labels.step(step)), tone);
  }

  public static Span domain(DomainStatus status) {
    String tone =
        switch (status) {
          case ACTIVE -> "success";
          case FAILED -> "error";
          case DNS_NOT_SEEN -> "warning";
          case REMOVING, REMOVED -> "contrast";
          case SETTING_UP, WAITING_FOR_DNS -> "info";
        };
    return badge(Labels.capitalize(Labels.domain(status)), tone);
  }

  public static Span database(DatabaseStatus status) {
    String tone =
        switch (status) {
          case READY -> "success";
          case FAILED -> "error";
          case DELETING, DELETED -> "contrast";
          case CREATING -> "info";
        };
    return badge(Labels.capitalize(Labels.database(status)), tone);
  }

  private static Span badge(String text, String tone) {
    Span badge = new Span(text);
    badge.addClassNames("badge", tone);
    return badge;
  }
}
