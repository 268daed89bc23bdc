package io.berth.panel.domain;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.berth.panel.common.Labels;
import io.berth.panel.common.UserFacingException;
import io.berth.workflows.domain.DomainMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The "Add domain" form: the name, how DNS is run, and optionally the site to attach it to. */
class AddDomainForm extends Div {

  /** What the customer asks for; {@code siteId} null for no site. */
  record Request(String name, DomainMode mode, Long siteId) {}

  private final TextField name = createNameField();
  private final RadioButtonGroup<DomainMode> mode = createModeGroup();
  private final Select<SiteChoice> site;

  AddDomainForm(List<SiteChoice> sites, Consumer<Request> onAdd) {
    this.site = createSiteSelect(sites);
    addClassName("domain-form");
    Button add = new Button("Add domain", e -> onAdd.accept(request()));
    add.setId("domain-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(name, mode, site, add);
  }

  /**
   * Shows the problems that concern this form's fields; false if there were none (the caller tells
   * the customer another way).
   */
  boolean showProblems(UserFacingException e) {
    show(name, e.problemWith(DomainService.NAME_FIELD));
    String modeProblem = e.problemWith(DomainService.MODE_FIELD);
    mode.setInvalid(modeProblem != null);
    mode.setErrorMessage(modeProblem);
    String siteProblem = e.problemWith(DomainService.SITE_FIELD);
    site.setInvalid(siteProblem != null);
    site.setErrorMessage(siteProblem);
    return !e.fields().isEmpty();
  }

  void clear() {
    name.clear();
    show(name, null);
    mode.setInvalid(false);
    site.clear();
    site.setInvalid(false);
  }

  private Request request() {
    SiteChoice chosen = site.getValue();
    return new Request(name.getValue(), mode.getValue(), chosen == null ? null : chosen.id());
  }

  private static void show(TextField field, String problem) {
    field.setInvalid(problem != null);
    field.setErrorMessage(problem);
  }

  private static TextField createNameField() {
    TextField field = new TextField("Domain name");
    field.setId("domain-name");
    field.setPlaceholder("example.com");
    field.setWidth("32em");
    field.setMaxLength(DomainNames.MAX_LENGTH + 1);
    field.setRequiredIndicatorVisible(true);
    field.setHelperText(DomainNames.RULES);
    return field;
  }

  private static RadioButtonGroup<DomainMode> createModeGroup() {
    RadioButtonGroup<DomainMode> group = new RadioButtonGroup<>("DNS");
    group.setId("domain-mode");
    group.setItems(DomainMode.values());
    group.setRenderer(new ComponentRenderer<>(AddDomainForm::describe));
    group.setValue(DomainMode.HOSTED);
    return group;
  }

  private static Component describe(DomainMode mode) {
    Span title = new Span(Labels.domainMode(mode));
    title.addClassName("mode-title");
    Span text =
        new Span(
            mode == DomainMode.HOSTED
                ? "Berth runs DNS; set our name servers at your registrar."
                : "Keep your DNS; we show the records to create.");
    text.addClassName("mode-text");
    Div option = new Div(title, text);
    option.addClassName("mode-option");
    option.setId("domain-mode-" + mode.name().toLowerCase(Locale.ROOT));
    return option;
  }

  private static Select<SiteChoice> createSiteSelect(List<SiteChoice> sites) {
    Select<SiteChoice> select = new Select<>();
    select.setId("domain-site");
    select.setLabel("Site (optional)");
    select.setItems(sites);
    select.setItemLabelGenerator(s -> s == null ? "" : s.name());
    select.setEmptySelectionAllowed(true);
    select.setEmptySelectionCaption("No site for now");
    select.setHelperText(
        sites.isEmpty()
            ? "You have no live site yet; attach one later on the domain's page."
            : "The domain and its www. will show this site; it keeps its own address too.");
    select.setWidth("32em");
    return select;
  }
}
