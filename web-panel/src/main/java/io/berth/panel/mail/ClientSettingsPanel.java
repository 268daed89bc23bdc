package io.berth.panel.mail;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The settings a mail client needs for any mailbox of the domain. */
class ClientSettingsPanel extends Div {

  ClientSettingsPanel(ClientSettings settings, String domain) {
    setId("mail-client-settings");
    addClassName("instructions");
    DescriptionList list = new DescriptionList();
    list.addClassName("connection");
    list.add(
        new Term("Incoming mail (IMAP)"),
        new Description(
            "Server "
                + settings.imapHost()
                + ", port "
                + settings.imapPort()
                + ", security "
                + settings.imapSecurity()),
        new Term("Outgoing mail (SMTP)"),
        new Description(
            "Server "
                + settings.smtpHost()
                + ", port "
                + settings.smtpPort()
                + ", security "
                + settings.smtpSecurity()
                + ", authentication required (the same user name and password)"),
        new Term("User name"),
        new Description("The mailbox's full address, e.g. " + settings.username()),
        new Term("Password"),
        new Description("The mailbox's password"));
    add(
        new H2("Mail client settings"),
        new Paragraph("Set up any mail client (Thunderbird, Apple Mail, Outlook, …) with:"),
        list,
        new Paragraph(
            "Sending needs a signed-in mailbox; it may send as any of your mailboxes and aliases,"
                + " on "
                + domain
                + " and your other mail domains."));
  }
}
