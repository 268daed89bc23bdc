package io.berth.panel.mail;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.berth.panel.ui.CopyButton;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainStatus;

/**
 * The DNS records email needs (MX, SPF, DKIM, DMARC): published for the customer on hosted DNS, or
 * to be added at their DNS provider, with copy buttons; and how to tighten DMARC later.
 */
class MailDnsSection extends Div {

  static final String DMARC_NOTE =
      "DMARC starts with p=none, which only reports; once the reports show only your own servers"
          + " sending, tighten it to p=quarantine, then p=reject.";

  private final Paragraph intro = new Paragraph();
  private final Div records = new Div();
  private final Paragraph dmarc = new Paragraph();

  MailDnsSection() {
    setId("mail-dns");
    addClassName("instructions");
    intro.setId("mail-dns-intro");
    records.setId("mail-dns-records");
    records.addClassName("mail-records");
    dmarc.setId("mail-dmarc-note");
    add(new H2("DNS records for email"), intro, records, dmarc);
  }

  void show(MailDomainDetails details) {
    MailDomainSummary mailDomain = details.mailDomain();
    records.removeAll();
    setVisible(mailDomain.status() != MailDomainStatus.FAILED && mailDomain.live());
    dmarc.removeAll();
    boolean listed = !details.dnsRecords().isEmpty();
    dmarc.setVisible(listed);
    if (mailDomain.status() != MailDomainStatus.ACTIVE) {
      intro.setText("The records appear here once email is set up.");
      return;
    }
    if (!details.dnsRecordsAvailable()) {
      intro.setText(
          "The records cannot be shown right now: the mail domain's workflow did not answer. They"
              + " appear here when it does.");
      return;
    }
    intro.setText(
        mailDomain.hosted()
            ? "Published for you in the " + mailDomain.name() + " zone, which Berth runs:"
            : "Add these at your DNS provider, where " + mailDomain.name() + "'s DNS is run:");
    int index = 0;
    for (MailDnsRecord record : details.dnsRecords()) {
      records.add(createRecord(mailDomain, record, index++));
    }
    dmarc.add(new Span(DMARC_NOTE + " "));
    if (mailDomain.hosted()) {
      Anchor editor =
          new Anchor("domains/" + mailDomain.domainId(), "Change it in the DNS editor.");
      editor.getElement().setAttribute("router-link", true);
      dmarc.add(editor);
    } else {
      dmarc.add(new Span("Change it at your DNS provider."));
    }
  }

  private static Component createRecord(MailDomainSummary mailDomain, MailDnsRecord record, int i) {
    Div row = new Div();
    row.addClassName("mail-record");
    row.setId("mail-record-" + i);
    String name = fullName(record.name(), mailDomain.name());
    Span nameText = new Span(name);
    nameText.addClassName("record-name");
    Span type = new Span(record.type());
    type.addClassName("record-type");
    Span ttl = new Span("TTL " + record.ttl());
    ttl.addClassName("record-ttl");
    row.add(nameText, type, ttl);
    if (!mailDomain.hosted()) {
      CopyButton copyName = new CopyButton(name);
      copyName.setId("mail-record-copy-name-" + i);
      row.add(copyName);
    }
    int v = 0;
    for (String value : record.values()) {
      Div line = new Div();
      line.addClassName("record-value");
      Span text = new Span(value);
      text.setId("mail-record-value-" + i + "-" + v);
      line.add(text);
      if (!mailDomain.hosted()) {
        CopyButton copy = new CopyButton(value);
        copy.setId("mail-record-copy-" + i + "-" + v);
        line.add(copy);
      }
      row.add(line);
      v++;
    }
    return row;
  }

  /** {@code @} → {@code example.test}, {@code _dmarc} → {@code _dmarc.example.test}. */
  static String fullName(String relative, String zone) {
    return "@".equals(relative) ? zone : relative + "." + zone;
  }
}
