package io.berth.panel.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.certificate.CertificateService;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.order.OrderService;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Support: every order, marking bank transfers paid, links to the workflows in Temporal, the
 * platform certificate's status, and the way to the bank-transfer renewal invoices.
 */
@Route(value = "admin/orders", layout = MainLayout.class)
@PageTitle("All orders · Berth support")
@RolesAllowed("SUPPORT")
public class AdminOrdersView extends VerticalLayout {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final OrderService orders;
  private final CurrentUser user;
  private final TemporalUiLinks links;
  private final Grid<AdminOrderRow> grid = new Grid<>();

  AdminOrdersView(
      AdminOrders adminOrders,
      OrderService orders,
      CurrentUser user,
      TemporalUiLinks links,
      CertificateService certificates) {
    this.orders = orders;
    this.user = user;
    this.links = links;
    setSizeFull();
    configureGrid();
    grid.setItems(
        query -> adminOrders.page(query.getOffset(), query.getLimit()).stream(),
        query -> adminOrders.count());
    Anchor invoices = new Anchor("admin/invoices", "Bank-transfer invoices");
    invoices.setId("admin-invoices-link");
    invoices.getElement().setAttribute("router-link", true);
    add(
        new H1("All orders"),
        new PlatformCertificateLine(certificates, user.caller(), links.platformCertificate()),
        invoices,
        grid);
  }

  private void configureGrid() {
    grid.addComponentColumn(this::createOrderLink).setHeader("Order").setAutoWidth(true);
    grid.addColumn(AdminOrderRow::customerEmail).setHeader("Customer").setAutoWidth(true);
    grid.addColumn(AdminOrderRow::planName).setHeader("Plan").setAutoWidth(true);
    grid.addColumn(AdminOrderRow::siteName).setHeader("Site").setAutoWidth(true);
    grid.addComponentColumn(row -> Badges.order(row.status()))
        .setHeader("Status")
        .setAutoWidth(true);
    grid.addColumn(row -> WHEN.format(row.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.addComponentColumn(this::createActions).setHeader("").setAutoWidth(true);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
  }

  private Component createOrderLink(AdminOrderRow row) {
    return new Anchor("orders/" + row.id(), "#" + row.id());
  }

  private Component createActions(AdminOrderRow row) {
    HorizontalLayout actions = new HorizontalLayout();
    actions.setAlignItems(Alignment.CENTER);
    if (row.awaitsTransfer()) {
      Button markPaid = new Button("Mark paid", e -> markPaid(row));
      markPaid.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      actions.add(markPaid);
    }
    actions.add(new Anchor(links.order(row.id()), "Order workflow", AnchorTarget.BLANK));
    if (row.siteId() != null) {
      actions.add(new Anchor(links.site(row.siteId()), "Site workflow", AnchorTarget.BLANK));
    }
    return actions;
  }

  private void markPaid(AdminOrderRow row) {
    try {
      orders.markPaid(user.caller(), row.id());
      Notices.success("Order #" + row.id() + " is marked paid; setting up starts now.");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    grid.getDataProvider().refreshAll();
  }
}
