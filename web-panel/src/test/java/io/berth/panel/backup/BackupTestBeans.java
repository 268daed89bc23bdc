package io.berth.panel.backup;

import io.berth.panel.testing.InMemorySites;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The backup feature over in-memory rows, with fake workflows and a fake host agent. */
@TestConfiguration
public class BackupTestBeans {

  @Bean
  public InMemoryBackupBook backupBook() {
    return new InMemoryBackupBook();
  }

  @Bean
  public FakeBackupWorkflows fakeBackupWorkflows() {
    return new FakeBackupWorkflows();
  }

  @Bean
  public FakeHostAgent fakeHostAgent() {
    return new FakeHostAgent();
  }

  @Bean
  BackupService backupService(
      InMemorySites sites,
      InMemoryBackupBook book,
      FakeBackupWorkflows workflows,
      FakeHostAgent agent,
      Clock clock) {
    return new BackupService(sites, book, workflows, agent, clock, "03:00");
  }

  /** Reads at a long interval: view tests render what they read on entering and after clicks. */
  @Bean
  BackupFeed backupFeed(BackupService backups) {
    return new BackupFeed(backups, Duration.ofMinutes(10));
  }
}
