package io.ottl4j.collector.exporter.file;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code file} exporter (collector-spec §5.6): every batch as one OTLP/JSON line ({@code format: json},
 * default) or as protobuf ({@code format: proto}); with {@code compression: zstd} each batch is compressed
 * on its own. Proto and compressed records are preceded by their length (4 bytes, big-endian). The file is
 * buffered and flushed every {@code flush_interval}; {@code rotation} renames it to
 * {@code name-<timestamp>.ext} when the next write would pass {@code max_megabytes} and prunes backups by
 * {@code max_backups} and {@code max_days}. All signals of one exporter ID share the file.
 */
public final class FileExporterFactory implements ExporterFactory<FileExporterFactory.Config> {
    /** {@code maxMegabytes} 0: rotation off. */
    public record Rotation(int maxMegabytes, int maxDays, int maxBackups, boolean localTime) {
    }

    /** {@code group_by}: one file per value of a resource attribute, the value replacing the path's {@code *}. */
    public record GroupBy(String resourceAttribute, int maxOpenFiles) {
    }

    /** {@code rotation} null: no rotation; {@code compression} "" or "zstd"; {@code groupBy} null: one file. */
    public record Config(String path, String format, boolean append, Duration flushInterval, Rotation rotation, String compression,
            GroupBy groupBy) {
        public Config(String path, String format, boolean append, Duration flushInterval) {
            this(path, format, append, flushInterval, null, "", null);
        }

        public Config(String path, String format, boolean append, Duration flushInterval, Rotation rotation, String compression) {
            this(path, format, append, flushInterval, rotation, compression, null);
        }
    }

    /** One open file per path, shared by the signals of an exporter. */
    private final Map<String, RotatingFile> files = new ConcurrentHashMap<>();
    private final Map<String, GroupingFileExporter> grouped = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "writes OTLP/JSON lines or length-prefixed protobuf to a file, with rotation and zstd compression";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        String path = c.string("path", "");
        if (path.isEmpty()) {
            c.error("path", "path must be non-empty");
        }
        String format = c.string("format", "json");
        if (!format.equals("json") && !format.equals("proto")) {
            c.error("format", "format type is not supported: \"" + format + "\" (use json or proto)");
        }
        String compression = c.string("compression", "");
        if (!compression.isEmpty() && !compression.equals("zstd")) {
            c.error("compression", "compression is not supported: \"" + compression + "\" (use zstd)");
        }
        boolean append = c.bool("append", false);
        if (append && !compression.isEmpty()) {
            c.error("append", "append and compression enabled at the same time is not supported");
        }
        Rotation rotation = null;
        if (c.present("rotation")) {
            Conf r = c.child("rotation");
            rotation = new Rotation(r.intValue("max_megabytes", 100), r.intValue("max_days", 0), r.intValue("max_backups", 100),
                    r.bool("localtime", false));
            for (String k : new String[] {"max_megabytes", "max_days", "max_backups"}) {
                if (r.intValue(k, 0) < 0) {
                    r.error(k, k + " must be non-negative");
                }
            }
            r.finish();
            if (append) {
                c.error("append", "append and rotation enabled at the same time is not supported");
            }
        }
        Duration flush = c.duration("flush_interval", Duration.ofSeconds(1));
        if (flush.isNegative() || flush.isZero()) {
            c.error("flush_interval", "flush_interval must be larger than zero");
        }
        GroupBy groupBy = null;
        Conf g = c.child("group_by");
        String attribute = g.string("resource_attribute", "fileexporter.path_segment");
        int maxOpen = g.intValue("max_open_files", 100);
        if (g.bool("enabled", false)) {
            String[] parts = path.split("\\*", -1);
            if (parts.length != 2) {
                c.error("path", "path must contain exactly one * when group_by is enabled");
            } else if (parts[0].isEmpty()) {
                c.error("path", "path must not start with * when group_by is enabled");
            }
            if (attribute.isEmpty()) {
                g.error("resource_attribute", "resource_attribute must not be empty when group_by is enabled");
            }
            if (maxOpen <= 0) {
                g.error("max_open_files", "max_open_files must be positive");
            }
            groupBy = new GroupBy(attribute, Math.max(1, maxOpen));
        }
        g.finish();
        return new Config(path, format, append, flush, rotation, compression, groupBy);
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) {
        if (config.groupBy() != null) {
            if (signal == Signal.PROFILES) {
                throw new IllegalArgumentException("group_by does not apply to profiles here (their resources share one dictionary)");
            }
            // one per path, shared by the signals of the exporter, as the single file is
            return grouped.computeIfAbsent(config.path(), p -> new GroupingFileExporter(settings, config));
        }
        boolean proto = config.format().equals("proto");
        boolean zstd = config.compression().equals("zstd");
        return new Exporter() {
            private RotatingFile file;

            @Override
            public void start(Host host) throws IOException {
                file = files.computeIfAbsent(config.path(), p -> new RotatingFile(Path.of(p), config.rotation(), config.flushInterval()));
                file.open(config.append());
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws IOException {
                byte[] bytes = proto ? OtlpProto.encode(batch) : OtlpJson.write(batch);
                if (zstd) {
                    file.write(com.github.luben.zstd.Zstd.compress(bytes), true, false);
                } else {
                    file.write(bytes, proto, !proto);
                }
                settings.telemetry().exporter(settings.id(), signal, "sent", Batches.count(batch));
            }

            @Override
            public void shutdown() throws IOException {
                if (file != null) {
                    file.close();
                }
            }
        };
    }
}
