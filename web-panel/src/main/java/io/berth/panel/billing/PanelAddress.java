package io.berth.panel.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where customers reach the panel ({@code berth.panel.public-url}): the page Stripe's customer
 * portal sends them back to.
 */
@ConfigurationProperties("berth.panel")
public record PanelAddress(@DefaultValue("http://127.0.0.1:8080") String publicUrl) {

  /** {@code <public-url>/billing}. */
  public String billingPage() {
    return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
        + "/billing";
  }
}
