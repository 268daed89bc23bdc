package io.berth.activities.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Where this host keeps its backups ({@code berth.backup.dir}, also {@code BERTH_BACKUP_DIR}).
 *
 * @param dir the backup directory; placeholders such as {@code ${BERTH_HOME:.berth}} are resolved
 *     against the environment, and a relative path is taken from the working directory
 */
@ConfigurationProperties("berth.backup")
public record BackupStorageProperties(@DefaultValue(DEFAULT_DIR) String dir) {

  /** Where backups are kept when neither the property nor BERTH_HOME says else. */
  public static final String DEFAULT_DIR = "${BERTH_HOME:.berth}/backups";

  /** The directory as an absolute path. */
  public Path directory(Environment environment) {
    String configured = dir == null || dir.isBlank() ? DEFAULT_DIR : dir;
    return Path.of(environment.resolveRequiredPlaceholders(configured))
        .toAbsolutePath()
        .normalize();
  }
}
