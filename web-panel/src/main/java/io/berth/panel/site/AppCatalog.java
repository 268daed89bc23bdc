package io.berth.panel.site;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;

/**
 * The apps a site can be made from, as the customer chooses them at checkout. What each app runs
 * (image, ports, volumes, health check) is the worker's catalog; this one says how the customer
 * reads it and what it means for databases.
 */
public final class AppCatalog {

  /** What an app does with databases. */
  public enum DatabaseUse {
    /** None. */
    NONE,
    /** A database of its own, made with the site and removed with it (WordPress). */
    OWN,
    /** The customer may link one of their databases; its credentials arrive as BERTH_DB_*. */
    LINKABLE
  }

  /**
   * One catalog entry.
   *
   * @param id what is stored with the site and sent in the API ({@code wordpress}, …)
   * @param name how the customer calls it
   * @param description one line saying what they get
   */
  public record App(
      String id, String name, VaadinIcon icon, String description, DatabaseUse databases) {

    public boolean needsOwnDatabase() {
      return databases == DatabaseUse.OWN;
    }

    public boolean canLinkDatabase() {
      return databases == DatabaseUse.LINKABLE;
    }
  }

  public static final App WORDPRESS =
      new App(
          "wordpress",
          "WordPress",
          VaadinIcon.NEWSPAPER,
          "A blog or website you edit in your browser, installed with a database of its own.",
          DatabaseUse.OWN);

  public static final App STATIC =
      new App(
          "static",
          "Static site",
          VaadinIcon.FILE_CODE,
          "A fast web server for your HTML, CSS and images.",
          DatabaseUse.NONE);

  public static final App PHP =
      new App(
          "php",
          "PHP",
          VaadinIcon.CODE,
          "PHP with nginx serving your files; link one of your databases if it needs one.",
          DatabaseUse.LINKABLE);

  public static final App NODE =
      new App(
          "node",
          "Node.js",
          VaadinIcon.SERVER,
          "Your Node.js app, restarted if it crashes; link one of your databases if it needs one.",
          DatabaseUse.LINKABLE);

  private static final List<App> ALL = List.of(WORDPRESS, STATIC, PHP, NODE);

  private AppCatalog() {}

  public static List<App> all() {
    return ALL;
  }

  public static Optional<App> find(String id) {
    return ALL.stream().filter(app -> app.id().equals(id)).findFirst();
  }

  /** The name of a known app, or its id. */
  public static String label(String id) {
    return find(id).map(App::name).orElse(id);
  }

  /** "wordpress, static, php, node": the ids the API takes. */
  public static String ids() {
    return String.join(", ", ALL.stream().map(App::id).toList());
  }

  public static boolean needsOwnDatabase(String id) {
    return find(id).map(App::needsOwnDatabase).orElse(false);
  }

  public static boolean canLinkDatabase(String id) {
    return find(id).map(App::canLinkDatabase).orElse(false);
  }
}
