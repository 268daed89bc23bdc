package io.berth.panel.admin;

import io.berth.workflows.billing.SubscriptionWorkflow;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.order.OrderWorkflow;
import io.berth.workflows.site.SiteWorkflow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links from the support views straight to a workflow in the Temporal UI. */
@Component
class TemporalUiLinks {

  private final String base;

  TemporalUiLinks(
      @Value("${berth.temporal.ui-url:http://127.0.0.1:8233}") String uiUrl,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    String root = uiUrl.endsWith("/") ? uiUrl.substring(0, uiUrl.length() - 1) : uiUrl;
    this.base =
        root
            + "/namespaces/"
            + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
            + "/workflows/";
  }

  String order(long orderId) {
    return base + OrderWorkflow.workflowId(orderId);
  }

  String site(long siteId) {
    return base + SiteWorkflow.workflowId(siteId);
  }

  String subscription(long subscriptionId) {
    return base + SubscriptionWorkflow.workflowId(subscriptionId);
  }

  String platformCertificate() {
    return base + CertificateWorkflow.PLATFORM_ID;
  }
}
