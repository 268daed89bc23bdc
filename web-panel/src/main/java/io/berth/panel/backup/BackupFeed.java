package io.berth.panel.backup;

import io.berth.panel.ui.LiveFeed;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Live Backups pages: one poller per watched site re-reads its backups, the running backup's steps
 * and its latest restore, and pushes changes to every page showing it.
 */
@Component
public class BackupFeed extends LiveFeed<SiteBackups> {

  BackupFeed(
      BackupService backups,
      @Value("${berth.panel.backup-refresh-interval:2s}") Duration interval) {
    super("backups", backups::snapshot, interval);
  }
}
