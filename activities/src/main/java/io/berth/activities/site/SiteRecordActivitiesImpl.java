package io.berth.activities.site;

import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.site.SiteRecordActivities;
import io.berth.workflows.site.SiteStatus;
import org.springframework.transaction.annotation.Transactional;

public class SiteRecordActivitiesImpl implements SiteRecordActivities {

  private final SiteRepository sites;

  public SiteRecordActivitiesImpl(SiteRepository sites) {
    this.sites = sites;
  }

  @Override
  @Transactional
  public void recordSiteStatus(long siteId, SiteStatus status, String reason) {
    sites.updateStatus(siteId, status, reason);
  }
}
