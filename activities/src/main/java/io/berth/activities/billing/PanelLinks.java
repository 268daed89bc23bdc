package io.berth.activities.billing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The panel's addresses that leave Berth: Stripe Checkout's way back and the links in billing
 * e-mails ({@code berth.panel.public-url}, default {@code http://127.0.0.1:8080}).
 */
@ConfigurationProperties("berth.panel")
public record PanelLinks(@DefaultValue("http://127.0.0.1:8080") URI publicUrl) {

  public PanelLinks {
    String scheme = publicUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme) || publicUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "berth.panel.public-url must be an http(s) URL, not " + publicUrl);
    }
  }

  /** Where Checkout sends a customer who paid: the order's page, told it was paid. */
  public String orderPaid(long orderId) {
    return order(orderId) + "?paid";
  }

  /** Where Checkout sends a customer who turned back: the order's page. */
  public String order(long orderId) {
    return base() + "/orders/" + orderId;
  }

  /** The billing page: plan, renewal, invoices. */
  public String billing() {
    return base() + "/billing";
  }

  private String base() {
    String url = publicUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
