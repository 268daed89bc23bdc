package io.berth.panel.mail;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.common.UserFacingException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A mail domain's aliases (forwarders) and catch-all, each with "Delete", and the form to make one:
 * a name (or {@code *}) and the addresses to forward to, one a line.
 */
class AliasSection extends Div {

  /** What the customer asks for. */
  record Request(String localPart, List<String> destinations) {}

  private final Div list = new Div();
  private final TextField localPart = new TextField("Alias");
  private final TextArea destinations = new TextArea("Forward to");
  private final Button create;
  private final Consumer<AliasSummary> onDelete;

  AliasSection(String domain, Consumer<Request> onCreate, Consumer<AliasSummary> onDelete) {
    this.onDelete = onDelete;
    setId("aliases");
    addClassName("aliases");
    list.addClassName("alias-list");
    localPart.setId("alias-local-part");
    localPart.setPlaceholder("sales");
    localPart.setSuffixComponent(new Span("@" + domain));
    localPart.setHelperText(
        "A name, or * for a catch-all: mail to any address of "
            + domain
            + " that is neither a mailbox nor another alias.");
    localPart.setWidth("32em");
    destinations.setId("alias-destinations");
    destinations.setPlaceholder("info@" + domain + "\nyou@example.com");
    destinations.setHelperText(
        "One address a line: your mailboxes, your other aliases, or addresses elsewhere.");
    destinations.setWidth("32em");
    create =
        new Button(
            "Create alias",
            e ->
                onCreate.accept(new Request(localPart.getValue(), lines(destinations.getValue()))));
    create.setId("alias-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H2("Aliases and forwarding"),
        new Paragraph(
            "An alias forwards its mail to one or more addresses; it has no mailbox of its own."),
        list,
        new H3("New alias"),
        localPart,
        destinations,
        create);
  }

  void show(List<AliasSummary> aliases, boolean open) {
    list.removeAll();
    if (aliases.isEmpty()) {
      list.add(new Paragraph("No aliases yet."));
    }
    aliases.forEach(alias -> list.add(createRow(alias, open)));
    create.setEnabled(open);
  }

  /** Shows the problems that concern the form's fields; false if there were none. */
  boolean showProblems(UserFacingException e) {
    String localProblem = e.problemWith(AliasService.LOCAL_PART_FIELD);
    localPart.setErrorMessage(localProblem);
    localPart.setInvalid(localProblem != null);
    String destinationProblem = e.problemWith(AliasService.DESTINATIONS_FIELD);
    destinations.setErrorMessage(destinationProblem);
    destinations.setInvalid(destinationProblem != null);
    return !e.fields().isEmpty();
  }

  void clear() {
    localPart.clear();
    destinations.clear();
    localPart.setInvalid(false);
    destinations.setInvalid(false);
  }

  private Component createRow(AliasSummary alias, boolean open) {
    Span source = new Span(alias.label());
    source.addClassName("alias-source");
    Span targets = new Span("→ " + String.join(", ", alias.destinations()));
    targets.addClassName("alias-destinations");
    Button delete = new Button("Delete", e -> onDelete.accept(alias));
    delete.setId("alias-delete-" + alias.id());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
    delete.setEnabled(open);
    Div row = new Div(source, targets, delete);
    row.addClassName("alias-row");
    row.setId("alias-" + alias.id());
    return row;
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("[\\n,;]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
