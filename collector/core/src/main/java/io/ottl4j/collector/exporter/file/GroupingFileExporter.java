package io.ottl4j.collector.exporter.file;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The file exporter's {@code group_by}, as upstream's: each resource goes to the file whose path is {@code path} with
 * its {@code *} replaced by the value of {@code resource_attribute}; resources without it are dropped, as are values
 * that would lead outside the directory before the {@code *}. At most {@code max_open_files} files stay open (the
 * least recently written one is closed first).
 */
final class GroupingFileExporter implements ExporterFactory.Exporter {
    private static final Logger LOG = Logger.getLogger(GroupingFileExporter.class.getName());
    private final CreateSettings settings;
    private final FileExporterFactory.Config config;
    private final String prefix;
    private final String suffix;
    private final Path base;
    private final Map<Path, RotatingFile> open;

    GroupingFileExporter(CreateSettings settings, FileExporterFactory.Config config) {
        this.settings = settings;
        this.config = config;
        int star = config.path().indexOf('*');
        this.prefix = config.path().substring(0, star);
        this.suffix = config.path().substring(star + 1);
        this.base = Path.of(prefix.endsWith("/") ? prefix : prefix + "x").toAbsolutePath().normalize().getParent();
        int max = config.groupBy().maxOpenFiles();
        this.open = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, RotatingFile> eldest) {
                if (size() <= max) {
                    return false;
                }
                close(eldest.getValue());
                return true;
            }
        };
    }

    @Override
    public void start(Host host) {
    }

    @Override
    public synchronized void consume(TelemetryBatch<?> batch) throws IOException {
        Map<Path, TelemetryBatch<?>> groups = new LinkedHashMap<>();
        group(batch, groups);
        boolean proto = config.format().equals("proto");
        boolean zstd = config.compression().equals("zstd");
        for (Map.Entry<Path, TelemetryBatch<?>> e : groups.entrySet()) {
            RotatingFile file = open.get(e.getKey());
            if (file == null) {
                Files.createDirectories(e.getKey().getParent());
                file = new RotatingFile(e.getKey(), config.rotation(), config.flushInterval());
                file.open(config.append());
                open.put(e.getKey(), file);
            }
            byte[] bytes = proto ? OtlpProto.encode(e.getValue()) : OtlpJson.write(e.getValue());
            if (zstd) {
                file.write(com.github.luben.zstd.Zstd.compress(bytes), true, false);
            } else {
                file.write(bytes, proto, !proto);
            }
        }
        settings.telemetry().exporter(settings.id(), batch.signal(), "sent", Batches.count(batch));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void group(TelemetryBatch<?> batch, Map<Path, TelemetryBatch<?>> groups) {
        for (ResourceGroup<?> rg : batch.resources()) {
            Object v = rg.resource().attributes().get(config.groupBy().resourceAttribute());
            if (!(v instanceof String segment) || segment.isEmpty()) {
                LOG.fine(() -> "dropping a resource without " + config.groupBy().resourceAttribute());
                continue;
            }
            Path file = Path.of(prefix + segment + suffix).toAbsolutePath().normalize();
            if (!file.startsWith(base) || file.equals(base)) {
                LOG.warning(() -> "skipping a resource whose " + config.groupBy().resourceAttribute() + " leads outside " + base);
                continue;
            }
            TelemetryBatch out = groups.computeIfAbsent(file, f -> TelemetryBatch.of(batch.signal()));
            out.resources().add(rg);
        }
    }

    private static void close(RotatingFile f) {
        try {
            f.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing a group_by file failed", e);
        }
    }

    @Override
    public synchronized void shutdown() {
        open.values().forEach(GroupingFileExporter::close);
        open.clear();
    }
}
