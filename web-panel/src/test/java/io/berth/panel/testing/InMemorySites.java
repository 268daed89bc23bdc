package io.berth.panel.testing;

import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.site.SiteStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;

/** Sites, with the unique index on live names ({@code site_name_live_uq}). */
public class InMemorySites extends InMemoryRepository<Site> implements SiteRepository {

  /** {@code site.title}, which the {@link Site} row does not carry. */
  private final Map<Long, String> titles = new ConcurrentHashMap<>();

  @Override
  protected Long idOf(Site s) {
    return s.id();
  }

  @Override
  protected Site withId(Site s, long id) {
    return new Site(
        id,
        s.customerId(),
        s.orderId(),
        s.name(),
        s.app(),
        s.status(),
        s.failureReason(),
        s.hostId(),
        s.hostPort(),
        s.createdAt(),
        s.updatedAt());
  }

  @Override
  protected void checkConstraints(Site site, Long id) {
    if (isLive(site)
        && !where(s -> isLive(s) && s.name().equals(site.name()) && !s.id().equals(id)).isEmpty()) {
      throw new DuplicateKeyException(
          "duplicate key value violates unique constraint \"site_name_live_uq\"");
    }
  }

  private static boolean isLive(Site site) {
    return site.status() != SiteStatus.CANCELLED
        && site.status() != SiteStatus.FAILED
        && site.status() != SiteStatus.DELETED;
  }

  @Override
  public List<Site> findByCustomerIdOrderById(long customerId) {
    return where(s -> s.customerId() == customerId, Comparator.comparing(Site::id));
  }

  @Override
  public Optional<Site> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(s -> s.customerId() == customerId);
  }

  @Override
  public Optional<Site> findByOrderId(long orderId) {
    return where(s -> s.orderId() == orderId).stream().findFirst();
  }

  @Override
  public List<Site> findLiveByOrderId(long orderId) {
    return where(s -> s.orderId() == orderId && isLive(s), Comparator.comparing(Site::id));
  }

  @Override
  public boolean isNameTaken(String name) {
    return !where(s -> isLive(s) && s.name().equals(name)).isEmpty();
  }

  @Override
  public int updateTitle(long id, String title) {
    if (findById(id).isEmpty()) {
      return 0;
    }
    titles.put(id, title);
    return 1;
  }

  /** The title stored with the site ({@code site.title}); null if none. */
  public String title(long siteId) {
    return titles.get(siteId);
  }

  @Override
  public synchronized void reset() {
    super.reset();
    titles.clear();
  }

  @Override
  public int updateStatus(long id, SiteStatus status, String reason) {
    Site site = findById(id).orElse(null);
    if (site == null || !isLive(site)) {
      return 0;
    }
    save(
        new Site(
            id,
            site.customerId(),
            site.orderId(),
            site.name(),
            site.app(),
            status,
            reason,
            site.hostId(),
            site.hostPort(),
            site.createdAt(),
            Instant.now()));
    return 1;
  }

  /** A site as checkout would have stored it, in the given status. */
  public Site add(long customerId, long orderId, String name, SiteStatus status) {
    Instant now = Instant.now();
    return save(
        new Site(null, customerId, orderId, name, "static", status, null, null, null, now, now));
  }

  /**
   * A site of this app in the given status; one that has been live was placed on host {@code
   * host-1}.
   */
  public Site add(long customerId, long orderId, String name, String app, SiteStatus status) {
    Instant now = Instant.now();
    boolean placed = status != SiteStatus.PROVISIONING;
    return save(
        new Site(
            null,
            customerId,
            orderId,
            name,
            app,
            status,
            null,
            placed ? "host-1" : null,
            placed ? 8000 + (int) count() : null,
            now,
            now));
  }
}
