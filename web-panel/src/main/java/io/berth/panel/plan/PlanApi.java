package io.berth.panel.plan;

import io.berth.persistence.plan.Plan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/plans}: the plans on offer; no sign-in needed. */
@RestController
@Tag(name = "Plans")
class PlanApi {

  private final PlanCatalog plans;

  PlanApi(PlanCatalog plans) {
    this.plans = plans;
  }

  @GetMapping("/api/v1/plans")
  @Operation(summary = "The plans on offer, cheapest first")
  @SecurityRequirements
  List<PlanAnswer> plans() {
    return plans.plans().stream().map(PlanAnswer::of).toList();
  }

  record Limits(
      int cpuMillis,
      int memoryMb,
      int diskMb,
      int maxSites,
      int maxDatabases,
      int maxMailboxes,
      int mailStorageMb) {}

  record PlanAnswer(
      long id,
      String code,
      String name,
      String description,
      int priceCents,
      String currency,
      String period,
      int trialDays,
      String price,
      Limits limits) {

    static PlanAnswer of(Plan plan) {
      return new PlanAnswer(
          plan.id(),
          plan.code(),
          plan.name(),
          plan.description(),
          plan.priceCents(),
          plan.currency(),
          plan.period(),
          plan.trialDays(),
          PlanFormat.price(plan),
          new Limits(
              plan.cpuMillis(),
              plan.memoryMb(),
              plan.diskMb(),
              plan.maxSites(),
              plan.maxDatabases(),
              plan.maxMailboxes(),
              plan.mailStorageMb()));
    }
  }
}
