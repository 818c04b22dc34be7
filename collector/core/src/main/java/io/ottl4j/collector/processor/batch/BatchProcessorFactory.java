package io.ottl4j.collector.processor.batch;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code batch} processor (collector-spec §3.1). */
public final class BatchProcessorFactory implements ProcessorFactory<BatchProcessorFactory.Config> {
    /** Defaults: send_batch_size 8192, timeout 200ms, send_batch_max_size 0 (no cap). */
    public record Config(int sendBatchSize, int sendBatchMaxSize, Duration timeout, List<String> metadataKeys, int metadataCardinalityLimit) {
        public Config(int sendBatchSize, int sendBatchMaxSize, Duration timeout, List<String> metadataKeys) {
            this(sendBatchSize, sendBatchMaxSize, timeout, metadataKeys, 1000);
        }
    }

    @Override
    public String type() {
        return "batch";
    }

    @Override
    public String description() {
        return "groups telemetry into batches by size or time";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        int size = c.intValue("send_batch_size", 8192);
        int max = c.intValue("send_batch_max_size", 0);
        Duration timeout = c.duration("timeout", Duration.ofMillis(200));
        List<String> keys = c.strings("metadata_keys", List.of());
        int limit = c.intValue("metadata_cardinality_limit", 1000);
        if (limit < 0) {
            c.error("metadata_cardinality_limit", "metadata_cardinality_limit must be non-negative");
        }
        if (size < 0) {
            c.error("send_batch_size", "send_batch_size must be non-negative");
        }
        if (max != 0 && max < size) {
            c.error("send_batch_max_size", "send_batch_max_size must be greater or equal to send_batch_size");
        }
        if (timeout.isNegative()) {
            c.error("timeout", "timeout must be non-negative");
        }
        Set<String> seen = new HashSet<>();
        for (String k : keys) {
            if (!seen.add(k.toLowerCase(Locale.ROOT))) {
                c.error("metadata_keys", "duplicate entry in metadata_keys: \"" + k + "\" (case-insensitive)");
            }
        }
        return new Config(size, max, timeout, keys, limit);
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        if (config.metadataKeys().isEmpty()) {
            return new BatchProcessor(settings, config, signal, next);
        }
        return new MetadataBatchProcessor(settings, config, signal, next);
    }
}
