package io.berth.panel.testing;

import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import java.util.Comparator;
import java.util.List;

/** The three plans of the seed migration. */
public class InMemoryPlans extends InMemoryRepository<Plan> implements PlanRepository {

  public static final long TRIAL = 1;
  public static final long STARTER = 2;
  public static final long BUSINESS = 3;

  public InMemoryPlans() {
    reset();
  }

  @Override
  public synchronized void reset() {
    super.reset();
    save(
        new Plan(
            TRIAL,
            "trial",
            "Trial",
            "Try Berth free for 14 days: one site, no card needed.",
            0,
            "EUR",
            "TRIAL",
            14,
            250,
            128,
            1024,
            1,
            1,
            1,
            2,
            200,
            null));
    save(
        new Plan(
            STARTER,
            "starter",
            "Starter",
            "For a personal site or a blog that is starting to grow.",
            500,
            "EUR",
            "MONTH",
            0,
            500,
            256,
            5120,
            3,
            2,
            3,
            10,
            5120,
            "price_berth_starter_month"));
    save(
        new Plan(
            BUSINESS,
            "business",
            "Business",
            "For shops and teams: more power, more sites, more room.",
            2000,
            "EUR",
            "MONTH",
            0,
            2000,
            1024,
            20480,
            10,
            3,
            10,
            50,
            51200,
            "price_berth_business_month"));
  }

  @Override
  protected Long idOf(Plan p) {
    return p.id();
  }

  @Override
  protected Plan withId(Plan p, long id) {
    throw new UnsupportedOperationException("plans are seeded with ids");
  }

  @Override
  public List<Plan> findAllByOrderBySortOrder() {
    return where(p -> true, Comparator.comparingInt(Plan::sortOrder));
  }
}
