package io.berth.activities.docker;

/**
 * How a command run inside a site's container ended, and what it printed.
 *
 * @param exitCode the command's exit status
 */
public record CommandResult(long exitCode, String stdout, String stderr) {}
