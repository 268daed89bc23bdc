package io.berth.panel.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.billing.BankTransferProperties;
import io.berth.panel.billing.BillingFormat;
import io.berth.panel.billing.BillingService;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.plan.PlanFormat;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.MainLayout;
import io.berth.panel.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/**
 * Support: the renewal invoices Berth opened for bank transfers, "Mark paid" once the money has
 * arrived (the subscription is paid up for another period, and resumes if it was suspended), and
 * links to each subscription's workflow in Temporal.
 */
@Route(value = "admin/invoices", layout = MainLayout.class)
@PageTitle("Bank-transfer invoices · Berth support")
@RolesAllowed("SUPPORT")
public class AdminInvoicesView extends VerticalLayout {

  private final BillingService billing;
  private final CurrentUser user;
  private final TemporalUiLinks links;
  private final Grid<AdminInvoiceRow> grid = new Grid<>();

  AdminInvoicesView(
      AdminInvoices adminInvoices,
      BillingService billing,
      CurrentUser user,
      TemporalUiLinks links) {
    this.billing = billing;
    this.user = user;
    this.links = links;
    setSizeFull();
    configureGrid();
    grid.setItems(
        query -> adminInvoices.page(query.getOffset(), query.getLimit()).stream(),
        query -> adminInvoices.count());
    add(
        new H1("Bank-transfer invoices"),
        new Paragraph(
            "Renewals of subscriptions paid by bank transfer. Mark one paid once its transfer"
                + " has arrived; Stripe confirms card payments itself."),
        grid);
  }

  private void configureGrid() {
    grid.addColumn(row -> BankTransferProperties.invoiceReference(row.id()))
        .setHeader("Reference")
        .setAutoWidth(true);
    grid.addColumn(AdminInvoiceRow::customerEmail).setHeader("Customer").setAutoWidth(true);
    grid.addColumn(AdminInvoiceRow::planName).setHeader("Plan").setAutoWidth(true);
    grid.addColumn(row -> PlanFormat.money(row.amountCents(), row.currency()))
        .setHeader("Amount")
        .setAutoWidth(true);
    grid.addColumn(row -> BillingFormat.invoiceStatus(row.status()))
        .setHeader("Status")
        .setAutoWidth(true);
    grid.addColumn(row -> BillingFormat.day(row.createdAt()))
        .setHeader("Opened")
        .setAutoWidth(true);
    grid.addComponentColumn(this::createActions).setHeader("").setAutoWidth(true);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
  }

  private Component createActions(AdminInvoiceRow row) {
    HorizontalLayout actions = new HorizontalLayout();
    actions.setAlignItems(Alignment.CENTER);
    if (row.open()) {
      Button markPaid = new Button("Mark paid", e -> markPaid(row));
      markPaid.setId("invoice-mark-paid-" + row.id());
      markPaid.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      actions.add(markPaid);
    }
    actions.add(
        new Anchor(
            links.subscription(row.subscriptionId()), "Subscription workflow", AnchorTarget.BLANK));
    return actions;
  }

  private void markPaid(AdminInvoiceRow row) {
    try {
      billing.markInvoicePaid(user.caller(), row.id());
      Notices.success(
          BankTransferProperties.invoiceReference(row.id())
              + " is marked paid; the subscription is paid up for another period.");
    } catch (UserFacingException e) {
      Notices.error(e.getMessage());
    }
    grid.getDataProvider().refreshAll();
  }
}
