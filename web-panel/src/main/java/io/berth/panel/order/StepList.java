package io.berth.panel.order;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.common.Labels;
import io.berth.panel.ui.Badges;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import java.util.List;
import java.util.Locale;

/** One row per step of an order: its name, its state, and what went wrong if anything did. */
class StepList extends Div {

  StepList() {
    addClassName("steps");
  }

  void show(List<Step> steps) {
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
    return step.state() == StepState.RETRYING
        ? "Last error: " + step.error()
        : step.state() == StepState.FAILED ? "Reason: " + step.error() : null;
  }
}
