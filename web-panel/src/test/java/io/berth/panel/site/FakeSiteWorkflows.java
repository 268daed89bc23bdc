package io.berth.panel.site;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.InMemorySites;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Does what the site workflow would: records the new status (as its activity does) and answers with
 * it; or refuses, or is unreachable, as a test asks.
 */
public class FakeSiteWorkflows implements SiteWorkflows, Resettable {

  public record Request(long siteId, SiteAction action) {}

  public final List<Request> requests = new CopyOnWriteArrayList<>();
  private final InMemorySites sites;
  private volatile String rejection;
  private volatile boolean unreachable;

  public FakeSiteWorkflows(InMemorySites sites) {
    this.sites = sites;
  }

  public void reject(String reason) {
    rejection = reason;
  }

  public void unreachable(boolean down) {
    unreachable = down;
  }

  @Override
  public CompletableFuture<SiteStatus> perform(long siteId, SiteAction action) {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
    if (rejection != null) {
      throw new ConflictException(rejection);
    }
    requests.add(new Request(siteId, action));
    SiteStatus status = action == SiteAction.STOP ? SiteStatus.STOPPED : SiteStatus.RUNNING;
    sites.updateStatus(siteId, status, null);
    return CompletableFuture.completedFuture(status);
  }

  @Override
  public void reset() {
    requests.clear();
    rejection = null;
    unreachable = false;
  }
}
