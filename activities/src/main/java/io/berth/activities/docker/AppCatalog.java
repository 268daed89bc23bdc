package io.berth.activities.docker;

import com.github.dockerjava.api.model.Capability;
import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The apps a site can be made from, as data: one {@link AppDefinition} per app. Operators add apps
 * or point them at other images with properties {@code berth.apps.<name>.*} (see {@link Settings});
 * {@code static} is built in and can be overridden field by field.
 */
public final class AppCatalog {

  /** The built-in static app: Debian's nginx serving the site's volume, read-only root. */
  public static final AppDefinition STATIC =
      new AppDefinition(
          "static", "berth/static:1", 8080, "/srv/site", List.of(), true, List.of("/tmp", "/run"));

  private static final Pattern APP_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

  private final SortedMap<String, AppDefinition> apps;

  public AppCatalog(Collection<AppDefinition> apps) {
    var byName = new TreeMap<String, AppDefinition>();
    for (AppDefinition app : apps) {
      validate(app);
      if (byName.put(app.app(), app) != null) {
        throw new IllegalArgumentException("App \"" + app.app() + "\" is defined twice");
      }
    }
    this.apps = Collections.unmodifiableSortedMap(byName);
  }

  /** The built-in apps, each overridden or completed by the configured settings of that name. */
  public static AppCatalog withDefaults(Map<String, Settings> configured) {
    var merged = new TreeMap<String, AppDefinition>();
    merged.put(STATIC.app(), STATIC);
    configured.forEach(
        (name, settings) -> {
          var base = merged.get(name);
          merged.put(name, settings.applyTo(name, base));
        });
    return new AppCatalog(merged.values());
  }

  /**
   * The definition of an app.
   *
   * @throws PermanentException of type {@link FailureType#INVALID_INPUT} for an unknown app
   */
  public AppDefinition require(String app) {
    return find(app)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.INVALID_INPUT,
                    "Unknown app \""
                        + app
                        + "\": this host offers "
                        + String.join(", ", apps.keySet())
                        + "."));
  }

  public Optional<AppDefinition> find(String app) {
    return Optional.ofNullable(app == null ? null : apps.get(app));
  }

  /** The apps' names, sorted. */
  public Set<String> names() {
    return apps.keySet();
  }

  private static void validate(AppDefinition app) {
    String where = "App \"" + app.app() + "\": ";
    if (!APP_NAME.matcher(app.app()).matches()) {
      throw new IllegalArgumentException(
          where + "the name must be lowercase letters, digits and hyphens");
    }
    if (app.image().isBlank()) {
      throw new IllegalArgumentException(where + "image is missing");
    }
    if (app.port() < 1 || app.port() > 65535) {
      throw new IllegalArgumentException(where + "port must be 1-65535, not " + app.port());
    }
    if (!isAbsolute(app.dataPath()) || app.dataPath().equals("/")) {
      throw new IllegalArgumentException(
          where + "data-path must be an absolute directory, not \"" + app.dataPath() + "\"");
    }
    for (String path : app.tmpfs()) {
      if (!isAbsolute(path)) {
        throw new IllegalArgumentException(where + "tmpfs path \"" + path + "\" is not absolute");
      }
    }
    for (String cap : app.capAdd()) {
      capability(cap);
    }
  }

  private static boolean isAbsolute(String path) {
    return path.startsWith("/") && !path.contains("..");
  }

  /** The Docker capability named {@code NET_BIND_SERVICE} or {@code CAP_NET_BIND_SERVICE}. */
  static Capability capability(String name) {
    String bare = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    try {
      return Capability.valueOf(bare);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown capability \""
              + name
              + "\"; known: "
              + Arrays.toString(Capability.values()).replaceAll("[\\[\\]]", ""));
    }
  }

  /**
   * One app as configured under {@code berth.apps.<name>}; every field is optional for an app that
   * is built in, and image, port and data-path are required for a new one.
   *
   * <pre>
   * berth.apps.static.image=registry.example.com/berth/static:1.4
   * berth.apps.wordpress.image=berth/wordpress:1
   * berth.apps.wordpress.port=8080
   * berth.apps.wordpress.data-path=/var/www/html/wp-content
   * berth.apps.wordpress.cap-add=CHOWN,SETUID,SETGID
   * berth.apps.wordpress.read-only-rootfs=false
   * </pre>
   */
  public record Settings(
      String image,
      Integer port,
      String dataPath,
      List<String> capAdd,
      Boolean readOnlyRootfs,
      List<String> tmpfs) {

    AppDefinition applyTo(String name, AppDefinition base) {
      if (base == null && (image == null || port == null || dataPath == null)) {
        throw new IllegalArgumentException(
            "App \""
                + name
                + "\": berth.apps."
                + name
                + ".image, .port and .data-path are required for an app that is not built in");
      }
      return new AppDefinition(
          name,
          image != null ? image : base.image(),
          port != null ? port : base.port(),
          dataPath != null ? dataPath : base.dataPath(),
          capAdd != null ? capAdd : base == null ? List.of() : base.capAdd(),
          readOnlyRootfs != null ? readOnlyRootfs : base != null && base.readOnlyRootfs(),
          tmpfs != null ? tmpfs : base == null ? List.of() : base.tmpfs());
    }
  }
}
