package io.berth.panel.database;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.site.Site;
import io.berth.workflows.database.DatabaseRequest;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DatabasesViewTest extends ViewTest {

  @Autowired FakeDatabaseWorkflows workflows;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
  }

  @Test
  void givenNoLiveSite_itSaysADatabaseNeedsOneAndOffersNoCreate() {
    CustomerOrder order = orders.add(ada.id(), InMemoryPlans.STARTER, "soon", OrderStatus.ACTIVE);
    sites.add(ada.id(), order.id(), "soon", "php", SiteStatus.PROVISIONING);

    navigate("databases");

    assertThat(text("database-limit")).isEqualTo(DatabaseService.NO_LIVE_SITE);
    assertThat(createButton().isEnabled()).isFalse();
    assertThat(get_textRecursively(currentView())).contains("You have no databases yet.");
  }

  @Test
  void creatingOneStoresItStartsItsWorkflowOnTheSitesHostAndListsIt() {
    Site shop = liveSite("shop", "php", InMemoryPlans.STARTER);
    navigate("databases");
    assertThat(text("database-allowance"))
        .isEqualTo("Your Starter plan allows 3 databases; you have 0.");
    assertThat(nameField().getHelperText()).contains("A lower-case letter first");

    _setValue(nameField(), "shop_db");
    _click(createButton());

    CustomerDatabase created = databases.findLiveByCustomerId(ada.id()).get(0);
    assertThat(created.name()).isEqualTo("shop_db");
    assertThat(created.username()).isEqualTo("shop_db");
    assertThat(created.status()).isEqualTo(DatabaseStatus.CREATING);
    assertThat(workflows.started)
        .containsExactly(new DatabaseRequest(created.id(), ada.id(), shop.hostId(), false));
    assertThat(card(created))
        .contains(
            "shop_db", "Being created", "Host", "berth-db-" + ada.id(), "Port", "3306", "User");
    assertThat(nameField().getValue()).isEmpty();
    assertThat(text("database-allowance"))
        .isEqualTo("Your Starter plan allows 3 databases; you have 1.");
  }

  @Test
  void givenABadOrTakenName_itShowsTheRuleOnTheFieldAndCreatesNothing() {
    liveSite("shop", "php", InMemoryPlans.STARTER);
    databases.add(ada.id(), "taken", DatabaseStatus.READY);
    navigate("databases");

    _setValue(nameField(), "1shop");
    _click(createButton());
    assertThat(nameField().getErrorMessage()).isEqualTo("Start with a lower-case letter (a to z).");

    _setValue(nameField(), "shop-db");
    _click(createButton());
    assertThat(nameField().getErrorMessage()).isEqualTo("Use letters, digits and _ only.");

    _setValue(nameField(), "a234567890123456789012345678901234");
    _click(createButton());
    assertThat(nameField().getErrorMessage())
        .isEqualTo("A database name has at most 32 characters.");

    _setValue(nameField(), "mysql");
    _click(createButton());
    assertThat(nameField().getErrorMessage()).contains("reserved");

    _setValue(nameField(), "taken");
    _click(createButton());
    assertThat(nameField().isInvalid()).isTrue();
    assertThat(nameField().getErrorMessage())
        .isEqualTo("You already have a database or user named taken; choose another name.");

    assertThat(databases.count()).isEqualTo(1);
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void aNameAWordPressSitesDatabaseUserHasIsTaken() {
    Site blog = liveSite("blog", "wordpress", InMemoryPlans.BUSINESS);
    String user = "wp_a_site_name_far_too_long_for_";
    databases.save(CustomerDatabase.creating(ada.id(), user + "a_user", user, blog.id(), true));
    navigate("databases");

    _setValue(nameField(), user);
    _click(createButton());

    assertThat(nameField().getErrorMessage())
        .isEqualTo("You already have a database or user named " + user + "; choose another name.");
    assertThat(workflows.started).isEmpty();
  }

  @Test
  void givenThePlansLimitIsReached_itSaysSoAndOffersNoCreate() {
    liveSite("blog", "static", InMemoryPlans.TRIAL);
    databases.add(ada.id(), "only", DatabaseStatus.READY);

    navigate("databases");

    assertThat(text("database-limit"))
        .isEqualTo(
            "Your Trial plan allows 1 database and you have 1: delete one or order a bigger plan.");
    assertThat(createButton().isEnabled()).isFalse();
    assertThat(databases.count()).isEqualTo(1);
  }

  @Test
  void aWordPressSiteWaitingForItsDatabaseCountsAgainstTheLimit() {
    liveSite("shop", "php", InMemoryPlans.STARTER);
    CustomerOrder paid =
        orders.add(ada.id(), InMemoryPlans.STARTER, "blog", OrderStatus.AWAITING_PAYMENT);
    sites.add(ada.id(), paid.id(), "blog", "wordpress", SiteStatus.PROVISIONING);
    databases.add(ada.id(), "one", DatabaseStatus.READY);
    databases.add(ada.id(), "two", DatabaseStatus.CREATING);
    databases.add(ada.id(), "broken", DatabaseStatus.FAILED);

    navigate("databases");

    assertThat(text("database-allowance"))
        .isEqualTo(
            "Your Starter plan allows 3 databases; you have 3 (1 of them for a WordPress site"
                + " being set up).");
    assertThat(createButton().isEnabled()).isFalse();
  }

  @Test
  void deletingNeedsTheNameTypedAndThenAsksTheWorkflow() {
    liveSite("shop", "php", InMemoryPlans.STARTER);
    CustomerDatabase db = databases.add(ada.id(), "orders", DatabaseStatus.READY);
    navigate("databases");

    _click(button("database-delete-" + db.id()));
    Button confirm = button("database-delete-confirmed");
    TextField typed = _get(TextField.class, spec -> spec.withId("database-delete-confirm"));
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(typed, "order");
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(typed, "orders");
    assertThat(confirm.isEnabled()).isTrue();
    _click(confirm);

    assertThat(workflows.deleted).containsExactly(db.id());
    assertThat(databases.findById(db.id()).orElseThrow().status())
        .isEqualTo(DatabaseStatus.DELETING);
    assertThat(card(db)).contains("Being deleted");
    assertThat(button("database-delete-" + db.id()).isEnabled()).isFalse();
  }

  @Test
  void resettingAPasswordAsksFirstThenShowsTheNewOneOnceWithACopyButton() {
    liveSite("shop", "php", InMemoryPlans.STARTER);
    CustomerDatabase db = databases.add(ada.id(), "orders", DatabaseStatus.READY);
    navigate("databases");

    _click(button("database-reset-" + db.id()));
    assertThat(workflows.resets).isEmpty();
    _click(button("database-reset-confirm"));
    MockVaadin.runUIQueue();

    assertThat(workflows.resets).hasSize(1).allMatch(r -> r.startsWith(db.id() + ":"));
    assertThat(get_textRecursively(_get(Span.class, spec -> spec.withId("database-new-password"))))
        .isEqualTo(FakeDatabaseWorkflows.password(1));
    _get(Button.class, spec -> spec.withId("database-new-password-copy"));
    _click(button("database-new-password-done"));
    assertThat(_find(Dialog.class)).isEmpty();
    assertThat(get_textRecursively(currentView()))
        .doesNotContain(FakeDatabaseWorkflows.password(1));
  }

  @Test
  void givenADatabaseStillBeingCreated_resettingSaysSoWithoutAsking() {
    liveSite("shop", "php", InMemoryPlans.STARTER);
    CustomerDatabase db = databases.add(ada.id(), "orders", DatabaseStatus.CREATING);
    navigate("databases");

    _click(button("database-reset-" + db.id()));

    NotificationsKt.expectNotifications(
        "orders is still being created; reset its password once it is ready.");
    assertThat(_find(Dialog.class)).isEmpty();
    assertThat(workflows.resets).isEmpty();
  }

  @Test
  void aWordPressSitesOwnDatabaseIsListedButCannotBeResetOrDeletedHere() {
    Site blog = liveSite("blog", "wordpress", InMemoryPlans.STARTER);
    CustomerDatabase own = databases.addOwned(ada.id(), blog.id(), "wp_blog");
    navigate("databases");
    assertThat(card(own)).contains("wp_blog", "The database of your WordPress site blog");

    _click(button("database-reset-" + own.id()));
    _click(button("database-delete-" + own.id()));

    NotificationsKt.expectNotifications(
        "wp_blog is the database of your WordPress site blog: WordPress keeps its password, so it"
            + " cannot be reset here.",
        "wp_blog belongs to your WordPress site blog: it goes with the site.");
    assertThat(workflows.resets).isEmpty();
    assertThat(workflows.deleted).isEmpty();
    assertThat(_find(Dialog.class)).isEmpty();
  }

  @Test
  void linkingToAPhpSiteTellsTheSiteAndShowsIt() {
    Site app = liveSite("shop", "php", InMemoryPlans.STARTER);
    liveSite("blog", "static", InMemoryPlans.STARTER);
    CustomerDatabase db = databases.add(ada.id(), "orders", DatabaseStatus.READY);
    navigate("databases");

    @SuppressWarnings("unchecked")
    Select<LinkableSite> select =
        _get(Select.class, spec -> spec.withId("database-site-" + db.id()));
    assertThat(select.getListDataView().getItems().map(LinkableSite::name)).containsExactly("shop");
    _setValue(select, new LinkableSite(app.id(), "shop"));

    assertThat(databases.findById(db.id()).orElseThrow().siteId()).isEqualTo(app.id());
    assertThat(workflows.sitesTold).containsExactly(app.id());
    NotificationsKt.expectNotifications("shop now uses orders; it restarts with it.");
  }

  @Test
  void anotherCustomersDatabasesAreNotListed() {
    liveSite("shop", "php", InMemoryPlans.STARTER);
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    databases.add(grace.id(), "theirs", DatabaseStatus.READY);
    CustomerDatabase gone = databases.add(ada.id(), "gone", DatabaseStatus.READY);
    databases.updateStatus(gone.id(), DatabaseStatus.DELETED, null);

    navigate("databases");

    assertThat(_find(Div.class, spec -> spec.withClasses("database-card"))).isEmpty();
    assertThat(get_textRecursively(currentView())).doesNotContain("theirs", "gone");
  }

  private Site liveSite(String name, String app, long planId) {
    CustomerOrder order = orders.add(ada.id(), planId, name, OrderStatus.ACTIVE);
    return sites.add(ada.id(), order.id(), name, app, SiteStatus.RUNNING);
  }

  private static TextField nameField() {
    return _get(TextField.class, spec -> spec.withId("database-name"));
  }

  private static Button createButton() {
    return button("database-create");
  }

  private static Button button(String id) {
    return _get(Button.class, spec -> spec.withId(id));
  }

  private static String text(String id) {
    return get_textRecursively(
        _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)));
  }

  private static String card(CustomerDatabase database) {
    return get_textRecursively(_get(Div.class, spec -> spec.withId("database-" + database.id())));
  }
}
