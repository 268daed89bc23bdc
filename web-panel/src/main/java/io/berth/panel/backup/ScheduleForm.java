package io.berth.panel.backup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.ui.Notices;
import java.time.LocalTime;

/**
 * When the site's daily backup runs: a time, a time zone and whether it runs at all, saved with one
 * button. Ids: {@code backup-time}, {@code backup-zone}, {@code backup-enabled}, {@code
 * backup-schedule-save}, {@code backup-schedule-now} (what applies now).
 */
class ScheduleForm extends Div {

  /** Stores a schedule; throws a {@link UserFacingException} naming the field at fault. */
  @FunctionalInterface
  interface Saver {
    BackupSchedule save(String timeOfDay, String timeZone, boolean enabled);
  }

  static final String APPLIES = "Applies within a minute.";

  private final TimePicker time = new TimePicker("Time of day");
  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final Checkbox enabled = new Checkbox("Back up this site every day");
  private final Paragraph now = new Paragraph();
  private final Saver saver;
  private final Runnable saved;

  /**
   * @param saved called after a schedule was stored
   */
  ScheduleForm(BackupSchedule schedule, Saver saver, Runnable saved) {
    this.saver = saver;
    this.saved = saved;
    setId("backup-schedule");
    time.setId("backup-time");
    zone.setId("backup-zone");
    zone.setItems(ScheduleRules.zones());
    zone.setWidth("18em");
    enabled.setId("backup-enabled");
    now.setId("backup-schedule-now");
    Button save = new Button("Save", e -> save());
    save.setId("backup-schedule-save");
    HorizontalLayout fields = new HorizontalLayout(time, zone, save);
    fields.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(new H2("Daily backups"), now, fields, enabled, new Paragraph(APPLIES));
    show(schedule);
  }

  void show(BackupSchedule schedule) {
    time.setValue(schedule.timeOfDay());
    zone.setValue(schedule.timeZone());
    enabled.setValue(schedule.enabled());
    now.setText(sentence(schedule));
  }

  /** A site without a schedule of its own: offer the browser's time zone instead of UTC. */
  void offerZone(String browserZone) {
    if (browserZone != null && ScheduleRules.zones().contains(browserZone)) {
      zone.setValue(browserZone);
    }
  }

  static String sentence(BackupSchedule schedule) {
    return schedule.enabled()
        ? "Backed up daily at "
            + ScheduleRules.format(schedule.timeOfDay())
            + " ("
            + schedule.timeZone()
            + ")."
        : "Daily backups are paused.";
  }

  private void save() {
    LocalTime value = time.getValue();
    try {
      BackupSchedule schedule =
          saver.save(
              value == null ? null : ScheduleRules.format(value),
              zone.getValue(),
              enabled.getValue());
      clearErrors();
      show(schedule);
      saved.run();
    } catch (UserFacingException e) {
      clearErrors();
      String timeProblem = e.problemWith(BackupService.TIME_FIELD);
      String zoneProblem = e.problemWith(BackupService.ZONE_FIELD);
      time.setInvalid(timeProblem != null);
      time.setErrorMessage(timeProblem);
      zone.setInvalid(zoneProblem != null);
      zone.setErrorMessage(zoneProblem);
      if (timeProblem == null && zoneProblem == null) {
        Notices.error(e.getMessage());
      }
    }
  }

  private void clearErrors() {
    time.setInvalid(false);
    zone.setInvalid(false);
  }
}
