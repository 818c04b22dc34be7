package io.ottl4j.collector.exporter.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The file behind a file exporter: buffered, flushed on a timer, optionally rotated by size. Rotation
 * follows lumberjack, which upstream uses: the current file is renamed to {@code name-<time>.ext}
 * ({@code 2006-01-02T15-04-05.000}, UTC unless {@code localtime}) and a new one is started; then backups
 * beyond {@code max_backups} or older than {@code max_days} are deleted. Shared by the signals of one exporter
 * (reference-counted open/close); every method is synchronized.
 */
final class RotatingFile {
    static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS");

    private final Path path;
    private final FileExporterFactory.Rotation rotation;
    private final Duration flushInterval;
    private OutputStream out;
    private long size;
    private int users;
    private ScheduledExecutorService flusher;

    RotatingFile(Path path, FileExporterFactory.Rotation rotation, Duration flushInterval) {
        this.path = path.toAbsolutePath();
        this.rotation = rotation != null && rotation.maxMegabytes() > 0 ? rotation : null;
        this.flushInterval = flushInterval;
    }

    synchronized void open(boolean append) throws IOException {
        users++;
        if (out != null) {
            return;
        }
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // like lumberjack, a rotating file continues the existing one; otherwise append decides
        boolean keep = append || rotation != null;
        openFile(keep);
        flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("file-flush-" + path.getFileName()).unstarted(r));
        long every = flushInterval.toNanos();
        flusher.scheduleAtFixedRate(this::flushQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    private void openFile(boolean keep) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                keep ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING), 64 * 1024);
        size = Files.size(path);
    }

    /** Writes one record: length-prefixed, or followed by a newline. */
    synchronized void write(byte[] bytes, boolean lengthPrefixed, boolean newline) throws IOException {
        if (out == null) {
            throw new IOException("file exporter " + path + " is not open");
        }
        long n = bytes.length + (lengthPrefixed ? 4 : 0) + (newline ? 1 : 0);
        if (rotation != null) {
            long max = rotation.maxMegabytes() * 1024L * 1024L;
            if (n > max) {
                throw new IOException("write length " + n + " exceeds maximum file size " + max);
            }
            if (size + n > max) {
                rotate();
            }
        }
        if (lengthPrefixed) {
            int len = bytes.length;
            out.write(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
        }
        out.write(bytes);
        if (newline) {
            out.write('\n');
        }
        size += n;
    }

    private void rotate() throws IOException {
        out.close();
        ZoneId zone = rotation.localTime() ? ZoneId.systemDefault() : ZoneOffset.UTC;
        Instant now = Instant.now();
        Path backup = backupName(now, zone);
        while (Files.exists(backup)) {
            now = now.plusMillis(1); // two rotations within a millisecond: keep both backups
            backup = backupName(now, zone);
        }
        Files.move(path, backup);
        openFile(false);
        prune(zone);
    }

    private Path backupName(Instant t, ZoneId zone) {
        String[] parts = split();
        return path.resolveSibling(parts[0] + "-" + BACKUP_TIME.format(LocalDateTime.ofInstant(t, zone)) + parts[1]);
    }

    /** The file name's stem and extension ({@code .json}, or "" when there is none). */
    private String[] split() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? new String[] {name, ""} : new String[] {name.substring(0, dot), name.substring(dot)};
    }

    private record Backup(Path path, LocalDateTime time) {
    }

    private void prune(ZoneId zone) throws IOException {
        String[] parts = split();
        String prefix = parts[0] + "-";
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> s = Files.list(path.getParent())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !n.endsWith(parts[1]) || n.length() <= prefix.length() + parts[1].length()) {
                    continue;
                }
                try {
                    backups.add(new Backup(p, LocalDateTime.parse(n.substring(prefix.length(), n.length() - parts[1].length()), BACKUP_TIME)));
                } catch (DateTimeParseException e) {
                    // not one of our backups
                }
            }
        }
        backups.sort(Comparator.comparing(Backup::time).reversed());
        LocalDateTime cutoff = rotation.maxDays() > 0 ? LocalDateTime.ofInstant(Instant.now(), zone).minusDays(rotation.maxDays()) : null;
        for (int i = 0; i < backups.size(); i++) {
            Backup b = backups.get(i);
            if (rotation.maxBackups() > 0 && i >= rotation.maxBackups() || cutoff != null && b.time().isBefore(cutoff)) {
                Files.deleteIfExists(b.path());
            }
        }
    }

    synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // reported by the next write, which fails the same way
        }
    }

    synchronized void close() throws IOException {
        if (--users > 0 || out == null) {
            return;
        }
        flusher.shutdownNow();
        out.close();
        out = null;
    }
}
