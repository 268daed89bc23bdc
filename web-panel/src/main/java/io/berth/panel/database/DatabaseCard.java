package io.berth.panel.database;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.berth.panel.ui.Badges;
import io.berth.workflows.database.DatabaseStatus;
import java.util.List;
import java.util.function.Consumer;

/**
 * One database: where to connect (host, port, name, user), its status, the site it serves, and
 * reset password / delete / link to a site.
 */
class DatabaseCard extends Div {

  /** What the customer can do from a card. */
  interface Actions {
    void reset(DatabaseSummary database);

    void delete(DatabaseSummary database);

    void link(DatabaseSummary database, Long siteId);
  }

  DatabaseCard(DatabaseSummary database, List<LinkableSite> sites, Actions actions) {
    addClassName("database-card");
    setId("database-" + database.id());
    add(new H2(database.name()), Badges.database(database.status()), createDetails(database));
    if (database.status() == DatabaseStatus.FAILED && database.failureReason() != null) {
      add(new Paragraph("Could not be created: " + database.failureReason()));
    }
    if (database.ownedBySite()) {
      add(
          new Paragraph(
              "The database of your WordPress site "
                  + database.siteName()
                  + ": WordPress keeps its password, and it goes with the site."));
    } else if (database.status() != DatabaseStatus.DELETING) {
      add(createSiteSelect(database, sites, site -> actions.link(database, site)));
    }
    add(createButtons(database, actions::reset, actions::delete));
  }

  private static Component createDetails(DatabaseSummary database) {
    DescriptionList details = new DescriptionList();
    details.add(
        new Term("Host"),
        new Description(database.host()),
        new Term("Port"),
        new Description(Integer.toString(database.port())),
        new Term("Database"),
        new Description(database.name()),
        new Term("User"),
        new Description(database.user()));
    details.addClassName("connection");
    return details;
  }

  private static Component createSiteSelect(
      DatabaseSummary database, List<LinkableSite> sites, Consumer<Long> onLink) {
    Select<LinkableSite> select = new Select<>();
    select.setId("database-site-" + database.id());
    select.setLabel("Used by");
    select.setItems(sites);
    select.setItemLabelGenerator(s -> s == null ? "" : s.name());
    select.setEmptySelectionAllowed(true);
    select.setEmptySelectionCaption("No site");
    select.setHelperText(
        sites.isEmpty()
            ? "Order a PHP or Node.js site to use it from there."
            : "The site gets BERTH_DB_HOST, _NAME, _USER and _PASSWORD (it restarts).");
    sites.stream()
        .filter(s -> database.siteId() != null && s.id() == database.siteId())
        .findFirst()
        .ifPresent(select::setValue);
    select.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            onLink.accept(e.getValue() == null ? null : e.getValue().id());
          }
        });
    return select;
  }

  private static Component createButtons(
      DatabaseSummary database,
      Consumer<DatabaseSummary> onReset,
      Consumer<DatabaseSummary> onDelete) {
    Button reset = new Button("Reset password", e -> onReset.accept(database));
    reset.setId("database-reset-" + database.id());
    Button delete = new Button("Delete", e -> onDelete.accept(database));
    delete.setId("database-delete-" + database.id());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    boolean deleting = database.status() == DatabaseStatus.DELETING;
    reset.setEnabled(!deleting);
    delete.setEnabled(!deleting);
    return new HorizontalLayout(reset, delete);
  }
}
