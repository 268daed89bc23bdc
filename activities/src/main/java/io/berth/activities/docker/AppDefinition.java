package io.berth.activities.docker;

import java.util.List;
import java.util.Objects;

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
 */
public record AppDefinition(
    String app,
    String image,
    int port,
    String dataPath,
    List<String> capAdd,
    boolean readOnlyRootfs,
    List<String> tmpfs) {

  public AppDefinition {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(dataPath, "dataPath");
    capAdd = List.copyOf(capAdd == null ? List.of() : capAdd);
    tmpfs = List.copyOf(tmpfs == null ? List.of() : tmpfs);
  }
}
