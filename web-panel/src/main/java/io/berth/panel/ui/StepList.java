package io.berth.panel.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.common.Labels;
import io.berth.workflows.progress.Step;
import java.util.List;
import java.util.Locale;

/**
 * One row per step of a journey (an order, a domain): its name, its state, and what went wrong or
 * what it waits for. Each row has the id {@code step-<name with dashes>}.
 */
public class StepList extends Div {

  public StepList() {
    addClassName("steps");
  }

  public void show(List<Step> steps) {
    removeAll();
    steps.forEach(step -> add(createRow(step)));
  }

  private Div createRow(Step step) {
    Div row = new Div();
    row.addClassNames("step", step.state().name().toLowerCase(Locale.ROOT));
    row.setId("step-" + step.name().replace(' ', '-'));
    Span name = new Span(Labels.stepName(step));
    name.addClassName("step-name");
    row.add(name, Badges.step(step));
    String detail = detail(step);
    if (detail != null) {
      Span text = new Span(detail);
      text.addClassName("step-detail");
      row.add(text);
    }
    return row;
  }

  private static String detail(Step step) {
    if (step.error() == null || step.error().isBlank()) {
      return null;
    }
    return switch (step.state()) {
      case RETRYING -> "Last error: " + step.error();
      case FAILED -> "Reason: " + step.error();
      case WAITING -> step.error();
      default -> null;
    };
  }
}
