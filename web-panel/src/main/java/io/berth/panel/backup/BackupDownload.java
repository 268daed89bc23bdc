package io.berth.panel.backup;

import java.io.InputStream;

/**
 * A verified backup's archive as the host's agent streams it; the receiver closes {@code body}.
 *
 * @param fileName what the browser saves it as: {@code <site>-backup-<id>.tar}
 */
public record BackupDownload(String fileName, InputStream body) {}
