package io.berth.panel.billing;

import io.berth.workflows.billing.DunningPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an unpaid subscription keeps its service ({@code berth.billing.*}), handed to every new
 * subscription workflow.
 *
 * @param grace from a failed renewal to suspension
 * @param termination from suspension (or cancellation) to removal of everything
 */
@ConfigurationProperties("berth.billing")
public record BillingProperties(
    @DefaultValue("7d") Duration grace, @DefaultValue("30d") Duration termination) {

  public DunningPolicy policy() {
    return new DunningPolicy(grace, termination);
  }
}
