package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BackupSchedulePropertiesTest {

  @Test
  void withNothingSet_backupsAreDailyAt3Utc_andSyncedEvery30Seconds() {
    BackupScheduleProperties properties = bind(Map.of());

    assertThat(properties.defaultTime()).isEqualTo(LocalTime.of(3, 0));
    assertThat(properties.defaultTimeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(properties.interval()).isFalse();
    assertThat(properties.scheduleSync()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void operatorsSetTheDefaultTimeZoneAndATestInterval() {
    BackupScheduleProperties properties =
        bind(
            Map.of(
                "berth.backup.default-time", "01:15",
                "berth.backup.default-time-zone", "Europe/Berlin",
                "berth.backup.schedule-interval", "20s",
                "berth.backup.schedule-sync", "5s"));

    assertThat(properties.defaultTime()).isEqualTo(LocalTime.of(1, 15));
    assertThat(properties.defaultTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(properties.interval()).isTrue();
    assertThat(properties.scheduleInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(properties.scheduleSync()).isEqualTo(Duration.ofSeconds(5));
  }

  private static BackupScheduleProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("berth.backup", BackupScheduleProperties.class);
  }
}
