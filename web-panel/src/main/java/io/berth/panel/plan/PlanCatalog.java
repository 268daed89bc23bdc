package io.berth.panel.plan;

import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The plans on offer, in the order the storefront shows them. */
@Service
public class PlanCatalog {

  private final PlanRepository plans;

  public PlanCatalog(PlanRepository plans) {
    this.plans = plans;
  }

  public List<Plan> plans() {
    return plans.findAllByOrderBySortOrder();
  }

  public Optional<Plan> find(long planId) {
    return plans.findById(planId);
  }
}
