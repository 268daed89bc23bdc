package io.berth.panel.site;

import java.util.List;
import java.util.Optional;

/** The apps a site can be made from, as the customer chooses them at checkout. */
public final class AppCatalog {

  /** One catalog entry: its id (stored with the site) and how the customer reads it. */
  public record App(String id, String label) {}

  public static final App STATIC =
      new App("static", "Static site — a fast web server for your HTML, CSS and images");

  private static final List<App> ALL = List.of(STATIC);

  private AppCatalog() {}

  public static List<App> all() {
    return ALL;
  }

  public static Optional<App> find(String id) {
    return ALL.stream().filter(app -> app.id().equals(id)).findFirst();
  }

  /** The label of a known app, or its id. */
  public static String label(String id) {
    return find(id).map(App::label).orElse(id);
  }

  public static String ids() {
    return String.join(", ", ALL.stream().map(App::id).toList());
  }
}
