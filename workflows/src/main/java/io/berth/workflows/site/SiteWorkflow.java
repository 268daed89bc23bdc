package io.berth.workflows.site;

import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Entity workflow of one site, id {@code site-<siteId>}, on {@code berth-control}; its Docker and
 * proxy activities run on the site's host queue.
 *
 * <p>First it provisions: network → database (when the app has one) → container → install (when the
 * app has an install step) → route → health check, registering each undo before the step it undoes.
 * If a step fails for good, or the workflow is cancelled while provisioning, it removes what it
 * created (route, container, empty network) and ends failed or cancelled. Once provisioned it tells
 * its parent order and then serves {@link #perform} updates for as long as the site exists,
 * continuing as new when the history grows long.
 */
@WorkflowInterface
public interface SiteWorkflow {

  String STEP_NETWORK = "network";
  String STEP_DATABASE = "database";
  String STEP_CONTAINER = "container";
  String STEP_INSTALL = "install";
  String STEP_ROUTE = "route";
  String STEP_HEALTH = "health check";

  List<String> STEPS =
      List.of(STEP_NETWORK, STEP_DATABASE, STEP_CONTAINER, STEP_INSTALL, STEP_ROUTE, STEP_HEALTH);

  /** The steps of sites provisioned before apps had databases and install steps. */
  List<String> STEPS_V0 = List.of(STEP_NETWORK, STEP_CONTAINER, STEP_ROUTE, STEP_HEALTH);

  static String workflowId(long siteId) {
    return "site-" + siteId;
  }

  @WorkflowMethod
  void run(SiteRequest request);

  /** Starts, stops or restarts the site's container; answers with the resulting status. */
  @UpdateMethod
  SiteStatus perform(SiteAction action);

  /** Refuses actions before the site is provisioned, so nothing is queued against a half site. */
  @UpdateValidatorMethod(updateName = "perform")
  void validatePerform(SiteAction action);

  /**
   * The credentials the site's container carries have changed (a linked database, a new database
   * password): the container is re-created with them, its files kept.
   */
  @SignalMethod
  void environmentChanged();

  /**
   * Billing stopped the service: the container is stopped and the route serves the "suspended"
   * page; files and databases are kept. Customer actions are refused until {@link #resume}.
   */
  @SignalMethod
  void suspend();

  /** Billing is settled: the route serves the site again and the container runs as before. */
  @SignalMethod
  void resume();

  /** The plan changed: the container gets the new limits in place, its files kept. */
  @SignalMethod
  void changeLimits(PlanLimits limits);

  /**
   * The subscription was terminated: route, container and files are removed, the site is recorded
   * DELETED and the workflow ends.
   */
  @SignalMethod
  void terminate();

  @QueryMethod
  Progress progress();

  @QueryMethod
  SiteStatus status();
}
