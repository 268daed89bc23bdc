package io.berth.activities.site;

import java.util.List;

/**
 * An app's install command as rendered for one site, and the admin password it reads on its
 * standard input. {@link #toString()} never shows the password.
 */
record InstallStep(String app, List<String> command, String adminPassword) {

  InstallStep {
    command = List.copyOf(command);
  }

  @Override
  public String toString() {
    return "InstallStep[" + app + ": " + command + ", password ***]";
  }
}
