package io.berth.panel.domain;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** Hosted DNS: the name servers the customer sets at their registrar. */
class NameServerList extends Div {

  NameServerList(String domain, List<String> nameServers) {
    setId("name-servers");
    addClassName("instructions");
    UnorderedList list = new UnorderedList();
    nameServers.forEach(ns -> list.add(new ListItem(ns)));
    add(
        new H2("Name servers"),
        new Paragraph(
            "Berth runs DNS for "
                + domain
                + ". At your registrar, set the name servers of "
                + domain
                + " to:"),
        list,
        new Paragraph(
            "Registrars take from minutes to a day to publish the change; the check below shows"
                + " when it is seen."));
  }
}
