package io.ottl4j.collector.extension.filestorage;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.extension.storage.StorageClient;
import io.ottl4j.collector.extension.storage.StorageExtension;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running {@code file_storage} extension: one {@link KvLog} file per client, named as upstream names them. */
public final class FileStorage implements StorageExtension {
    private final CreateSettings settings;
    private final FileStorageConfig config;
    private final Logger log;
    private final List<KvLog> clients = new ArrayList<>();
    private final List<KvLog> reboundNeeded = new ArrayList<>();
    private ScheduledExecutorService checker;
    private ScheduledFuture<?> check;

    FileStorage(CreateSettings settings, FileStorageConfig config) {
        this.settings = settings;
        this.config = config;
        this.log = settings.logger();
    }

    @Override
    public void start(Host host) throws IOException {
        Path dir = Path.of(config.directory());
        if (config.createDirectory()) {
            createDirectory(dir);
            if (config.compaction().onStart() || config.compaction().onRebound()) {
                createDirectory(Path.of(config.compaction().directory()));
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("directory must exist: " + dir);
        }
        if (config.compaction().cleanupOnStart()) {
            Path cdir = Path.of(config.compaction().directory());
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(cdir, "tempdb*")) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                    log.info(() -> "removed compaction leftover " + p);
                }
            }
        }
        if (config.compaction().onRebound()) {
            checker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("file_storage-" + settings.id() + "-compaction").factory());
            long every = config.compaction().checkInterval().toMillis();
            check = checker.scheduleWithFixedDelay(this::checkRebound, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            perms.addAll(PosixFilePermissions.fromString(posix(config.directoryPermissions())));
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(perms));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static String posix(int mode) {
        StringBuilder sb = new StringBuilder();
        String rwx = "rwx";
        for (int i = 8; i >= 0; i--) {
            sb.append((mode & (1 << i)) != 0 ? rwx.charAt((8 - i) % 3) : '-');
        }
        return sb.toString();
    }

    /** Upstream's file name: kind, type, name and (when given) the client's name, unsafe characters escaped. */
    static String fileName(Kind kind, ComponentId id, String name) {
        String raw = kind.singular() + "_" + id.type() + "_" + id.name() + (name == null || name.isEmpty() ? "" : "_" + name);
        StringBuilder sb = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            boolean safe = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '.' || cp == '-' || cp == '_';
            if (safe) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('~').append(String.format("%04X", cp));
            }
        });
        return sb.toString();
    }

    @Override
    public synchronized StorageClient client(Kind kind, ComponentId id, String name) throws IOException {
        KvLog kv = KvLog.open(Path.of(config.directory()).resolve(fileName(kind, id, name)), config);
        clients.add(kv);
        return new StorageClient() {
            @Override
            public byte[] get(String key) throws IOException {
                return kv.get(key);
            }

            @Override
            public void set(String key, byte[] value) throws IOException {
                kv.set(key, value);
            }

            @Override
            public void delete(String key) throws IOException {
                kv.delete(key);
            }

            @Override
            public void batch(List<Operation> operations) throws IOException {
                kv.batch(operations);
            }

            @Override
            public void close() throws IOException {
                synchronized (FileStorage.this) {
                    clients.remove(kv);
                    reboundNeeded.remove(kv);
                }
                kv.close();
            }
        };
    }

    /** Rebound compaction as upstream: flag a file once it outgrows the "needed" mark, compact it once drained below the "trigger" mark. */
    private void checkRebound() {
        List<KvLog> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(clients);
        }
        long needed = config.compaction().reboundNeededThresholdMib() * 1024 * 1024;
        long trigger = config.compaction().reboundTriggerThresholdMib() * 1024 * 1024;
        for (KvLog kv : snapshot) {
            try {
                boolean flagged;
                synchronized (this) {
                    if (kv.allocatedBytes() > needed && !reboundNeeded.contains(kv)) {
                        reboundNeeded.add(kv);
                    }
                    flagged = reboundNeeded.contains(kv);
                }
                if (flagged && kv.liveBytes() < trigger) {
                    kv.compact();
                    synchronized (this) {
                        reboundNeeded.remove(kv);
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.log(Level.WARNING, "rebound compaction of " + kv.file() + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void shutdown() throws IOException {
        if (check != null) {
            check.cancel(false);
            checker.shutdownNow();
        }
        List<KvLog> open;
        synchronized (this) {
            open = new ArrayList<>(clients);
            clients.clear();
        }
        for (KvLog kv : open) {
            kv.close();
        }
    }
}
