package io.berth.panel.database;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.berth.panel.common.Caller;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Background;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import io.berth.workflows.database.DatabaseStatus;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The customer's databases with where to connect, and creating, resetting a password (shown once),
 * deleting (typed confirmation) and linking one to a PHP or Node.js site. While one is being
 * created or deleted the page looks again every few seconds.
 */
@Route(value = "databases", layout = MainLayout.class)
@PageTitle("Your databases · Berth")
@PermitAll
public class DatabasesView extends VerticalLayout implements DatabaseCard.Actions {

  static final int POLL_MS = 2000;

  private final DatabaseService databases;
  private final CurrentUser user;
  private final Executor executor;
  private final Div list = new Div();
  private final Paragraph allowance = new Paragraph();
  private final Div refusal = new Div();
  private final TextField name = createNameField();
  private final Button create = new Button("Create database", e -> create());
  private List<DatabaseSummary> shown = List.of();
  private Registration polling;

  DatabasesView(
      DatabaseService databases,
      CurrentUser user,
      @Qualifier("applicationTaskExecutor") Executor executor) {
    this.databases = databases;
    this.user = user;
    this.executor = executor;
    list.addClassName("database-cards");
    allowance.setId("database-allowance");
    refusal.setId("database-limit");
    refusal.addClassName("banner");
    create.setId("database-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H1("Your databases"),
        new Paragraph(
            "MariaDB databases on your own server, reachable from your sites only, at the host"
                + " and port each one shows."),
        list,
        new H2("Create a database"),
        allowance,
        refusal,
        name,
        create);
    refresh();
  }

  private static TextField createNameField() {
    TextField field = new TextField("Database name");
    field.setId("database-name");
    field.setPlaceholder("shop");
    field.setWidth("32em");
    field.setMaxLength(DatabaseNames.MAX_LENGTH + 1);
    field.setRequiredIndicatorVisible(true);
    field.setHelperText(DatabaseNames.RULES);
    return field;
  }

  @Override
  protected void onAttach(AttachEvent event) {
    polling = event.getUI().addPollListener(e -> refreshIfChanged());
    updatePolling();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (polling != null) {
      polling.remove();
      polling = null;
    }
    event.getUI().setPollInterval(-1);
  }

  private void refresh() {
    Caller caller = user.caller();
    shown = databases.databasesOf(caller);
    List<LinkableSite> sites = databases.linkableSites(caller);
    list.removeAll();
    if (shown.isEmpty()) {
      list.add(new Paragraph("You have no databases yet."));
    }
    shown.forEach(database -> list.add(new DatabaseCard(database, sites, this)));
    allowance.setText(databases.allowance(caller));
    Optional<String> problem = databases.createProblem(caller);
    refusal.setText(problem.orElse(""));
    refusal.setVisible(problem.isPresent());
    create.setEnabled(problem.isEmpty());
    updatePolling();
  }

  private void refreshIfChanged() {
    if (!databases.databasesOf(user.caller()).equals(shown)) {
      refresh();
    }
  }

  /** Looks again every few seconds while a database is being created or deleted. */
  private void updatePolling() {
    boolean moving = shown.stream().anyMatch(DatabaseSummary::transitional);
    getUI().ifPresent(ui -> ui.setPollInterval(moving ? POLL_MS : -1));
  }

  private void create() {
    try {
      DatabaseSummary created = databases.create(user.caller(), name.getValue());
      name.clear();
      show(null);
      Notices.success(created.name() + " is being created; it is ready in a few seconds.");
    } catch (UserFacingException e) {
      String problem = e.problemWith(DatabaseNames.FIELD);
      show(problem);
      if (problem == null) {
        Notices.error(e.getMessage());
      }
    }
    refresh();
  }

  private void show(String problem) {
    name.setInvalid(problem != null);
    name.setErrorMessage(problem);
  }

  @Override
  public void reset(DatabaseSummary database) {
    if (database.ownedBySite() || database.status() != DatabaseStatus.READY) {
      // The service says why not, in the same words as the API, without asking first.
      act(() -> databases.resetPassword(user.caller(), database.id()));
      return;
    }
    new ResetPasswordDialog(database, () -> resetPassword(database)).open();
  }

  private void resetPassword(DatabaseSummary database) {
    Caller caller = user.caller();
    Notices.info("Setting a new password for " + database.user() + "…");
    Background.run(
        executor,
        () -> databases.resetPassword(caller, database.id()),
        password -> new NewPasswordDialog(password).open(),
        failure -> Notices.error(Notices.reason(failure)));
  }

  @Override
  public void delete(DatabaseSummary database) {
    if (database.ownedBySite()) {
      act(() -> databases.delete(user.caller(), database.id()));
      return;
    }
    new DeleteDatabaseDialog(
            database,
            () -> {
              if (act(() -> databases.delete(user.caller(), database.id()))) {
                Notices.info("Deleting " + database.name() + "…");
              }
            })
        .open();
  }

  @Override
  public void link(DatabaseSummary database, Long siteId) {
    boolean done = act(() -> databases.link(user.caller(), database.id(), siteId));
    if (done) {
      DatabaseSummary linked = databases.database(user.caller(), database.id());
      Notices.success(
          linked.siteName() == null
              ? database.name() + " is no longer used by a site."
              : linked.siteName() + " now uses " + database.name() + "; it restarts with it.");
    }
  }

  /** Runs a service call, says why if it is refused, and shows the list as it is now. */
  private boolean act(Runnable call) {
    try {
      call.run();
      return true;
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
      return false;
    } finally {
      refresh();
    }
  }
}
