package io.berth.panel.plan;

import io.berth.panel.site.AppCatalog;
import io.berth.persistence.billing.Subscription;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.order.CustomerOrder;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.Plan;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.billing.SubscriptionStatus;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.order.OrderStatus;
import io.berth.workflows.site.SiteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * How many sites, databases and mailboxes a customer may have, how much mail storage, and how much
 * of each they use.
 *
 * <p>A customer with several orders gets the <em>largest</em> limit among the plans of their orders
 * that are awaiting payment, being set up or active (failed and cancelled ones give nothing), and,
 * while ordering, the plan being ordered: plans do not add up. A Trial customer ordering Starter
 * may have Starter's 3 sites (the trial's among them); a Starter customer with 3 sites cannot order
 * a fourth with another Starter, only with Business. An order's plan is its subscription's once it
 * has one (a plan change moves the subscription), and a terminated subscription gives nothing.
 *
 * <p>Sites count until they fail, are cancelled or deleted. Databases count while they are being
 * created or ready (failed and deleted ones do not), plus one for every WordPress site whose own
 * database the worker has not recorded yet (a paid order waiting for its transfer). Mailboxes count
 * while they are being created or active (a deleted one whose mail is kept does not), and mail
 * storage is the sum of their quotas: a quota is storage given away, however much of it is used.
 */
@Service
public class Allowances {

  private static final Set<OrderStatus> GRANTING =
      Set.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.PROVISIONING, OrderStatus.ACTIVE);
  private static final Set<DatabaseStatus> COUNTED =
      Set.of(DatabaseStatus.CREATING, DatabaseStatus.READY);

  private final PlanRepository plans;
  private final OrderRepository orders;
  private final SiteRepository sites;
  private final CustomerDatabaseRepository databases;
  private final MailboxRepository mailboxes;
  private final SubscriptionRepository subscriptions;

  public Allowances(
      PlanRepository plans,
      OrderRepository orders,
      SiteRepository sites,
      CustomerDatabaseRepository databases,
      MailboxRepository mailboxes,
      SubscriptionRepository subscriptions) {
    this.plans = plans;
    this.orders = orders;
    this.sites = sites;
    this.databases = databases;
    this.mailboxes = mailboxes;
    this.subscriptions = subscriptions;
  }

  /**
   * One limit: the plan it comes from, whether the customer already has that plan (or is only
   * ordering it), the maximum and what is used.
   *
   * @param plan null when the customer has no plan at all
   * @param reserved how many of {@code used} are kept for WordPress sites whose own database the
   *     worker has not recorded yet
   */
  public record Limit(String plan, boolean owned, int max, int used, int reserved) {

    public boolean allowsOneMore() {
      return used < max;
    }

    /** "Your Starter plan allows 3 databases; you have 1." */
    public String summary(String singular, String plural) {
      if (plan == null) {
        return "You have no plan that allows " + plural + " yet.";
      }
      return (owned ? "Your " : "The ")
          + plan
          + " plan allows "
          + max
          + " "
          + (max == 1 ? singular : plural)
          + "; you have "
          + used
          + (reserved == 0
              ? ""
              : reserved == 1
                  ? " (1 of them for a WordPress site being set up)"
                  : " (" + reserved + " of them for WordPress sites being set up)")
          + ".";
    }

    /**
     * "Your Trial plan allows 1 site and you have 1" + the extra words + ": " + the remedy; with no
     * plan at all, that one is needed first.
     */
    String refusal(String singular, String plural, String extra, String remedy) {
      if (plan == null) {
        return "You have no plan that allows " + plural + extra + ": order a plan first.";
      }
      return (owned ? "Your " : "The ")
          + plan
          + " plan allows "
          + max
          + " "
          + (max == 1 ? singular : plural)
          + " and you have "
          + used
          + extra
          + ": "
          + remedy;
    }
  }

  /**
   * A customer's limits and use: sites, databases, mailboxes, and mail storage in MB (the sum of
   * the live mailboxes' quotas).
   */
  public record Allowance(Limit sites, Limit databases, Limit mailboxes, Limit mailStorageMb) {}

  /**
   * @param ordering the plan being ordered, counted as if it were the customer's; null when not
   *     ordering
   */
  public Allowance of(long customerId, Plan ordering) {
    return allowance(customerId, grantingPlans(customerId, null), ordering);
  }

  /**
   * Why a customer's subscription cannot move to {@code target}, if it cannot: they would have more
   * sites, databases, mailboxes or mail storage than the plans they would then hold allow. Names
   * what to remove first.
   *
   * @param orderId the order whose subscription changes plan; its current plan no longer counts
   */
  public Optional<String> planChangeRefusal(long customerId, long orderId, Plan target) {
    Allowance after = allowance(customerId, grantingPlans(customerId, orderId), target);
    List<String> over = new ArrayList<>();
    List<String> remedies = new ArrayList<>();
    excess(after.sites(), "site", "sites", over, remedies);
    excess(after.databases(), "database", "databases", over, remedies);
    excess(after.mailboxes(), "mailbox", "mailboxes", over, remedies);
    Limit storage = after.mailStorageMb();
    if (storage.used() > storage.max()) {
      over.add(
          PlanFormat.size(storage.max())
              + " of mail storage (your mailboxes' quotas take "
              + PlanFormat.size(storage.used())
              + ")");
      remedies.add(
          "lower your mailboxes' quotas by "
              + PlanFormat.size(storage.used() - storage.max())
              + " in all");
    }
    if (over.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "The "
            + target.name()
            + " plan allows "
            + joined(over)
            + ". First "
            + joined(remedies)
            + ", then change the plan.");
  }

  private static void excess(
      Limit limit, String singular, String plural, List<String> over, List<String> remedies) {
    int extra = limit.used() - limit.max();
    if (extra <= 0) {
      return;
    }
    over.add(count(limit.max(), singular, plural) + " (you have " + limit.used() + ")");
    remedies.add("remove " + count(extra, singular, plural));
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** "a", "a and b", "a, b and c". */
  private static String joined(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /**
   * The plans the customer holds: those of their orders that await payment, are being set up or are
   * active, each as its subscription has it now, leaving out terminated subscriptions and the order
   * {@code exceptOrderId}.
   */
  private List<Plan> grantingPlans(long customerId, Long exceptOrderId) {
    Map<Long, Plan> byId =
        plans.findAll().stream().collect(Collectors.toMap(Plan::id, Function.identity()));
    Map<Long, Subscription> byOrder =
        subscriptions.findByCustomerIdOrderById(customerId).stream()
            .collect(Collectors.toMap(Subscription::orderId, Function.identity(), (a, b) -> a));
    Set<Long> owned =
        orders.findByCustomerIdOrderByIdDesc(customerId).stream()
            .filter(o -> GRANTING.contains(o.status()))
            .filter(o -> !o.id().equals(exceptOrderId))
            .map(o -> planOf(o, byOrder.get(o.id())))
            .filter(planId -> planId != null)
            .collect(Collectors.toSet());
    return owned.stream().map(byId::get).filter(p -> p != null).toList();
  }

  /** The order's plan, or its subscription's after a plan change; null once terminated. */
  private static Long planOf(CustomerOrder order, Subscription subscription) {
    if (subscription == null) {
      return order.planId();
    }
    return subscription.status() == SubscriptionStatus.TERMINATED ? null : subscription.planId();
  }

  private Allowance allowance(long customerId, List<Plan> ownedPlans, Plan ordering) {
    List<Site> liveSites =
        sites.findByCustomerIdOrderById(customerId).stream().filter(Allowances::counts).toList();
    List<CustomerDatabase> liveDatabases = databases.findLiveByCustomerId(customerId);
    Set<Long> sitesWithOwnDatabase =
        liveDatabases.stream()
            .filter(d -> d.ownedBySite() && d.siteId() != null)
            .map(CustomerDatabase::siteId)
            .collect(Collectors.toSet());
    long pendingWordPress =
        liveSites.stream()
            .filter(s -> AppCatalog.needsOwnDatabase(s.app()))
            .filter(s -> !sitesWithOwnDatabase.contains(s.id()))
            .count();
    long countedDatabases =
        liveDatabases.stream().filter(d -> COUNTED.contains(d.status())).count();

    return new Allowance(
        limit(ownedPlans, ordering, Plan::maxSites, liveSites.size(), 0),
        limit(
            ownedPlans,
            ordering,
            Plan::maxDatabases,
            (int) (countedDatabases + pendingWordPress),
            (int) pendingWordPress),
        limit(ownedPlans, ordering, Plan::maxMailboxes, mailboxes.countLive(customerId), 0),
        limit(
            ownedPlans,
            ordering,
            Plan::mailStorageMb,
            (int) mailboxes.sumLiveQuotaMb(customerId),
            0));
  }

  /**
   * Why the customer cannot order this plan with a site of this app, if they cannot: one site more
   * than the limit, or (WordPress) one database more.
   *
   * @return the field at fault ({@code planId} for sites, {@code app} for databases) and the reason
   */
  public Optional<Refusal> orderRefusal(long customerId, Plan plan, String app) {
    Allowance allowance = of(customerId, plan);
    if (!allowance.sites().allowsOneMore()) {
      return Optional.of(
          new Refusal(
              "planId",
              allowance
                  .sites()
                  .refusal("site", "sites", "", "remove one or choose a bigger plan.")));
    }
    if (AppCatalog.needsOwnDatabase(app) && !allowance.databases().allowsOneMore()) {
      return Optional.of(
          new Refusal(
              "app",
              allowance
                  .databases()
                  .refusal(
                      "database",
                      "databases",
                      ", and " + AppCatalog.label(app) + " needs one of its own",
                      "delete one or choose a bigger plan.")));
    }
    return Optional.empty();
  }

  /** Why the customer cannot create one more database, if they cannot. */
  public Optional<String> databaseRefusal(long customerId) {
    Limit databases = of(customerId, null).databases();
    return databases.allowsOneMore()
        ? Optional.empty()
        : Optional.of(
            databases.refusal("database", "databases", "", "delete one or order a bigger plan."));
  }

  /** Why the customer cannot create one more mailbox, if they cannot. */
  public Optional<String> mailboxRefusal(long customerId) {
    return mailboxRefusal(of(customerId, null));
  }

  /** Why one more mailbox does not fit this allowance, if it does not. */
  public static Optional<String> mailboxRefusal(Allowance allowance) {
    Limit mailboxes = allowance.mailboxes();
    return mailboxes.allowsOneMore()
        ? Optional.empty()
        : Optional.of(
            mailboxes.refusal("mailbox", "mailboxes", "", "delete one or order a bigger plan."));
  }

  /**
   * Why a mailbox of the customer cannot have a quota of {@code quotaMb}, if it cannot.
   *
   * @see #mailQuotaRefusal(Allowance, int, int, int)
   */
  public Optional<String> mailQuotaRefusal(
      long customerId, int quotaMb, int releasedMb, int minimumMb) {
    return mailQuotaRefusal(of(customerId, null), quotaMb, releasedMb, minimumMb);
  }

  /**
   * Why a mailbox cannot have a quota of {@code quotaMb}, if it cannot: the plan's mail storage
   * minus the quotas of the customer's live mailboxes is what is left.
   *
   * @param releasedMb the current quota of the mailbox being changed, given back first (0 for a new
   *     mailbox)
   * @param minimumMb the smallest quota a mailbox may have, to say so when not even that is left
   */
  public static Optional<String> mailQuotaRefusal(
      Allowance allowance, int quotaMb, int releasedMb, int minimumMb) {
    Limit storage = allowance.mailStorageMb();
    if (storage.plan() == null) {
      return Optional.of("You have no plan that includes mail storage: order a plan first.");
    }
    int left = Math.max(0, storage.max() - storage.used() + releasedMb);
    if (quotaMb <= left) {
      return Optional.empty();
    }
    String situation =
        (storage.owned() ? "Your " : "The ")
            + storage.plan()
            + " plan has "
            + PlanFormat.size(storage.max())
            + " of mail storage and your "
            + (releasedMb == 0 ? "" : "other ")
            + "mailboxes' quotas take "
            + PlanFormat.size(storage.used() - releasedMb);
    return Optional.of(
        left >= minimumMb
            ? situation
                + ", so "
                + PlanFormat.size(left)
                + " is left: choose at most "
                + PlanFormat.size(left)
                + ", lower another mailbox's quota, or order a bigger plan."
            : situation
                + ", so only "
                + PlanFormat.size(left)
                + " is left, less than the "
                + PlanFormat.size(minimumMb)
                + " a mailbox needs: lower another mailbox's quota or order a bigger plan.");
  }

  /** A refused order: the field it is about and why. */
  public record Refusal(String field, String reason) {}

  /** The largest limit among the owned plans and the one being ordered; owned plans win ties. */
  private static Limit limit(
      List<Plan> owned, Plan ordering, ToIntFunction<Plan> max, int used, int reserved) {
    List<Plan> candidates = new ArrayList<>(owned);
    if (ordering != null) {
      candidates.add(ordering);
    }
    Plan best = null;
    for (Plan plan : candidates) {
      if (best == null || max.applyAsInt(plan) > max.applyAsInt(best)) {
        best = plan;
      }
    }
    if (best == null) {
      return new Limit(null, false, 0, used, reserved);
    }
    Plan chosen = best;
    boolean isOwned = owned.stream().anyMatch(p -> p.id().equals(chosen.id()));
    return new Limit(best.name(), isOwned, max.applyAsInt(best), used, reserved);
  }

  private static boolean counts(Site site) {
    return site.status() != SiteStatus.CANCELLED
        && site.status() != SiteStatus.FAILED
        && site.status() != SiteStatus.DELETED;
  }
}
