package io.berth.panel.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.berth.panel.plan.PlanFormat;
import io.berth.persistence.plan.Plan;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists the other paid plans with their price and limits; "Change plan" moves the subscription to
 * the chosen one. What refuses the change (a downgrade below what the customer holds) is shown in
 * the dialog, which then stays open. Ids: {@code plan-choice}, {@code plan-change-confirm}, {@code
 * plan-change-problem}.
 */
class ChangePlanDialog extends Dialog {

  private final RadioButtonGroup<Plan> choice = new RadioButtonGroup<>();
  private final Div problem = new Div();

  ChangePlanDialog(SubscriptionSummary subscription, List<Plan> plans, Consumer<Plan> onChange) {
    setHeaderTitle("Change your " + subscription.planName() + " plan");
    choice.setId("plan-choice");
    choice.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
    choice.setItems(plans);
    choice.setRenderer(new ComponentRenderer<>(ChangePlanDialog::describe));
    problem.setId("plan-change-problem");
    problem.addClassName("banner");
    problem.setVisible(false);
    Button change = new Button("Change plan", e -> onChange.accept(choice.getValue()));
    change.setId("plan-change-confirm");
    change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    change.setEnabled(false);
    choice.addValueChangeListener(
        e -> {
          change.setEnabled(e.getValue() != null);
          problem.setVisible(false);
        });
    add(
        new Paragraph(
            "Stripe charges or credits the difference for the rest of the period; your sites get"
                + " the new plan's limits without losing anything."),
        choice,
        problem);
    getFooter().add(new Button("Stay on " + subscription.planName(), e -> close()), change);
  }

  /** Says why the change was refused, keeping the dialog open. */
  void refused(String reason) {
    problem.setText(reason);
    problem.setVisible(true);
  }

  private static Div describe(Plan plan) {
    Span name = new Span(plan.name() + " · " + PlanFormat.price(plan));
    name.addClassName("plan-choice-name");
    Span limits = new Span(String.join(" · ", PlanFormat.limits(plan)));
    limits.addClassName("plan-choice-limits");
    Div option = new Div(name, limits);
    option.addClassName("plan-choice");
    option.setId("plan-choice-" + plan.code());
    return option;
  }
}
