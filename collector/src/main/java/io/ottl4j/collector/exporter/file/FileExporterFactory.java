package io.ottl4j.collector.exporter.file;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code file} exporter: appends every batch to {@code path} as one OTLP/JSON object per line
 * ({@code format: json}, default) or length-prefixed protobuf ({@code format: proto}). All signals of one
 * exporter ID share the file.
 */
public final class FileExporterFactory implements ExporterFactory<FileExporterFactory.Config> {
    public record Config(String path, String format, boolean append, Duration flushInterval) {
    }

    /** One open file per path, shared by the signals of an exporter. */
    private final Map<String, SharedFile> files = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "writes OTLP/JSON lines (or length-prefixed protobuf) to a file";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA);
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
        if (c.has("compression")) {
            c.error("compression", "compression is not supported yet by ottl4j's file exporter");
        }
        if (c.has("rotation")) {
            c.error("rotation", "rotation is not supported yet by ottl4j's file exporter");
        }
        boolean append = c.bool("append", false);
        Duration flush = c.duration("flush_interval", Duration.ofSeconds(1));
        c.has("group_by");
        return new Config(path, format, append, flush);
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) {
        return new Exporter() {
            private SharedFile file;

            @Override
            public void start(io.ottl4j.collector.component.Host host) throws IOException {
                file = files.computeIfAbsent(config.path(), p -> new SharedFile());
                file.open(Path.of(config.path()), config.append());
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws IOException {
                byte[] bytes = config.format().equals("proto") ? OtlpProto.encode(batch) : OtlpJson.write(batch);
                file.write(bytes, config.format().equals("proto"));
                settings.telemetry().exporter(settings.id(), signal, "sent", io.ottl4j.collector.internal.Batches.count(batch));
            }

            @Override
            public void shutdown() throws IOException {
                if (file != null) {
                    file.close();
                }
            }
        };
    }

    private static final class SharedFile {
        private OutputStream out;
        private int users;

        synchronized void open(Path path, boolean append) throws IOException {
            users++;
            if (out == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING));
            }
        }

        synchronized void write(byte[] bytes, boolean lengthPrefixed) throws IOException {
            if (lengthPrefixed) {
                out.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.write(bytes);
            } else {
                out.write(bytes);
                out.write('\n');
            }
            out.flush();
        }

        synchronized void close() throws IOException {
            if (--users <= 0 && out != null) {
                out.close();
                out = null;
            }
        }
    }
}
