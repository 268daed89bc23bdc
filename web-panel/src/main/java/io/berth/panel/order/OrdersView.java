package io.berth.panel.order;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.berth.panel.security.CurrentUser;
import io.berth.panel.ui.Badges;
import io.berth.panel.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The customer's orders, newest first; a row opens the order's live page. */
@Route(value = "orders", layout = MainLayout.class)
@PageTitle("Your orders · Berth")
@PermitAll
public class OrdersView extends VerticalLayout {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  OrdersView(OrderService orders, CurrentUser user) {
    add(new H1("Your orders"));
    List<OrderSummary> all = orders.ordersOf(user.caller());
    if (all.isEmpty()) {
      add(new Paragraph("You have not ordered anything yet."), new Anchor(".", "Choose a plan"));
    } else {
      add(createGrid(all));
    }
  }

  private Grid<OrderSummary> createGrid(List<OrderSummary> all) {
    Grid<OrderSummary> grid = new Grid<>();
    grid.addColumn(o -> "#" + o.id()).setHeader("Order").setAutoWidth(true);
    grid.addColumn(OrderSummary::planName).setHeader("Plan");
    grid.addColumn(OrderSummary::siteName).setHeader("Site");
    grid.addComponentColumn(o -> Badges.order(o.status())).setHeader("Status");
    grid.addColumn(o -> WHEN.format(o.createdAt())).setHeader("Ordered");
    grid.addItemClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate("orders/" + e.getItem().id())));
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.setItems(all);
    return grid;
  }
}
