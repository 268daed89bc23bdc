package io.berth.activities.docker;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of the {@link AppCatalog}: how a site of this app runs.
 *
 * @param app the app's name as customers choose it ({@code static}, {@code wordpress}, …)
 * @param image the image a site's container runs, e.g. {@code berth/static:1}
 * @param port the TCP port the app listens on inside the container
 * @param dataPath where the site's named volume is mounted; on first mount Docker copies the
 *     image's content at this path into the fresh volume
 * @param capAdd capabilities the app needs on top of none (every other one is dropped)
 * @param readOnlyRootfs whether the container's root filesystem is read-only
 * @param tmpfs paths mounted as small tmpfs (where a read-only app writes pid and temp files)
 * @param env the container's environment variables, each a template with {@link AppTemplates}
 *     placeholders ({@code ${db.password}}, {@code ${site.url}}, …) filled in on the host when the
 *     container is made; a variable that needs a database is left out when the site has none
 * @param database whether the app's sites have a database
 * @param install the command run once in the running container to install the app ({@link
 *     AppTemplates#INSTALL} placeholders; the admin password arrives on its standard input), or
 *     empty when the app needs no install
 */
public record AppDefinition(
    String app,
    String image,
    int port,
    String dataPath,
    List<String> capAdd,
    boolean readOnlyRootfs,
    List<String> tmpfs,
    Map<String, String> env,
    AppDatabase database,
    List<String> install) {

  public AppDefinition {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(dataPath, "dataPath");
    capAdd = List.copyOf(capAdd == null ? List.of() : capAdd);
    tmpfs = List.copyOf(tmpfs == null ? List.of() : tmpfs);
    env = Collections.unmodifiableSortedMap(new TreeMap<>(env == null ? Map.of() : env));
    database = database == null ? AppDatabase.NONE : database;
    install = List.copyOf(install == null ? List.of() : install);
  }

  /** An app without environment, database or install step. */
  public AppDefinition(
      String app,
      String image,
      int port,
      String dataPath,
      List<String> capAdd,
      boolean readOnlyRootfs,
      List<String> tmpfs) {
    this(
        app,
        image,
        port,
        dataPath,
        capAdd,
        readOnlyRootfs,
        tmpfs,
        Map.of(),
        AppDatabase.NONE,
        List.of());
  }

  /** Whether the app has an install step. */
  public boolean installs() {
    return !install.isEmpty();
  }
}
