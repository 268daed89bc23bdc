package io.berth.panel.backup;

/** How many daily and weekly backups a site's plan keeps. */
public record Retention(int daily, int weekly) {

  /** "Your plan keeps 7 daily and 4 weekly backups." */
  public String sentence() {
    return "Your plan keeps "
        + daily
        + " daily and "
        + weekly
        + " weekly backup"
        + (weekly == 1 ? "" : "s")
        + ".";
  }
}
