package io.ottl4j.collector.extension.filestorage;

import java.time.Duration;

/** The {@code file_storage} extension's settings, with upstream's keys and defaults. */
public record FileStorageConfig(String directory, Duration timeout, boolean fsync, boolean createDirectory, int directoryPermissions,
        Compaction compaction) {

    /** {@code compaction::*}. */
    public record Compaction(boolean onStart, boolean onRebound, String directory, long reboundNeededThresholdMib,
            long reboundTriggerThresholdMib, long maxTransactionSize, Duration checkInterval, boolean cleanupOnStart) {
    }

    /** Upstream's default directory on Linux and macOS ({@code %ProgramData%\Otelcol\FileStorage} on Windows). */
    public static String defaultDirectory() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                ? System.getenv().getOrDefault("ProgramData", "C:\\ProgramData") + "\\Otelcol\\FileStorage"
                : "/var/lib/otelcol/file_storage";
    }
}
