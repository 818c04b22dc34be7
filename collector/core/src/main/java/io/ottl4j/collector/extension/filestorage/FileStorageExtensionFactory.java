package io.ottl4j.collector.extension.filestorage;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code file_storage} extension: per-component key-value storage in local files, used by persistent
 * sending queues ({@code sending_queue::storage}). Same keys, defaults and validation messages as upstream;
 * the store is our own append-only log (see {@link KvLog}), not bbolt.
 */
public final class FileStorageExtensionFactory implements ExtensionFactory<FileStorageConfig> {
    @Override
    public String type() {
        return "file_storage";
    }

    @Override
    public String description() {
        return "key-value storage in local files (persistent sending queues)";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public FileStorageConfig decode(Conf c) {
        String directory = c.string("directory", FileStorageConfig.defaultDirectory());
        Duration timeout = c.duration("timeout", Duration.ofSeconds(1));
        boolean fsync = c.bool("fsync", false);
        boolean create = c.bool("create_directory", false);
        String permsText = c.string("directory_permissions", "0750");
        int perms = 0750;
        if (create) {
            try {
                perms = Integer.parseInt(permsText, 8);
                if ((perms & 0777) != perms) {
                    c.error("directory_permissions", "directory_permissions contain invalid bits for file access");
                }
            } catch (NumberFormatException e) {
                c.error("directory_permissions", "directory_permissions value must be a valid octal representation");
            }
        }
        Conf k = c.child("compaction");
        FileStorageConfig.Compaction compaction = new FileStorageConfig.Compaction(k.bool("on_start", false), k.bool("on_rebound", false),
                k.string("directory", directory), k.longValue("rebound_needed_threshold_mib", 100), k.longValue("rebound_trigger_threshold_mib", 10),
                k.longValue("max_transaction_size", 65536), k.duration("check_interval", Duration.ofSeconds(5)), k.bool("cleanup_on_start", false));
        k.finish();
        if (compaction.maxTransactionSize() < 0) {
            c.error("compaction", "max transaction size for compaction cannot be less than 0");
        }
        if (compaction.onRebound() && !compaction.checkInterval().isPositive()) {
            c.error("compaction", "compaction check interval must be positive when rebound compaction is set");
        }
        if (timeout.isNegative()) {
            c.error("timeout", "timeout must be non-negative");
        }
        checkDirectory(c, "directory", directory, create);
        if (compaction.onStart() || compaction.onRebound()) {
            checkDirectory(c, "compaction", compaction.directory(), create);
        }
        return new FileStorageConfig(directory, timeout, fsync, create, perms, compaction);
    }

    /** Upstream validates the directories when the config is loaded; create_directory defers creation to start. */
    private static void checkDirectory(Conf c, String key, String dir, boolean create) {
        Path p = Path.of(dir);
        if (!Files.exists(p)) {
            if (!create) {
                c.error(key, "directory must exist: stat " + dir + ": no such file or directory. You can enable the create_directory option to "
                        + "automatically create it");
            }
        } else if (!Files.isDirectory(p)) {
            c.error(key, dir + " is not a directory");
        }
    }

    @Override
    public Component create(CreateSettings settings, FileStorageConfig config) {
        return new FileStorage(settings, config);
    }
}
