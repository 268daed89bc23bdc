package io.berth.panel.domain;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/** External DNS: the exact records the customer creates at their DNS provider. */
class RecordsToCreate extends Div {

  private final Grid<RequiredRecord> grid = new Grid<>();

  RecordsToCreate(String domain) {
    addClassName("instructions");
    grid.setId("records-to-create");
    grid.addColumn(RequiredRecord::name).setKey("name").setHeader("Name").setAutoWidth(true);
    grid.addColumn(RequiredRecord::type).setKey("type").setHeader("Type").setAutoWidth(true);
    grid.addColumn(RequiredRecord::value).setKey("value").setHeader("Value").setFlexGrow(1);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    add(
        new H2("Records to create"),
        new Paragraph(
            "You keep DNS for "
                + domain
                + " where it is. At your DNS provider, create these records:"),
        grid);
  }

  void show(List<RequiredRecord> records) {
    grid.setItems(records);
  }
}
