package io.ottl4j.collector.processor.batch;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/**
 * The batch processor with {@code metadata_keys}: one independent {@link BatchProcessor} per distinct
 * combination of the keys' values in the caller's {@link ClientInfo}, each sending with a client info that
 * holds only those values (as upstream, the rest of the request context is not carried past the batcher).
 * A combination beyond {@code metadata_cardinality_limit} is refused with a non-permanent error.
 */
final class MetadataBatchProcessor implements ProcessorFactory.Processor {
    private final CreateSettings settings;
    private final BatchProcessorFactory.Config config;
    private final Signal signal;
    private final Consumer next;
    private final Map<List<List<String>>, BatchProcessor> shards = new ConcurrentHashMap<>();
    private Host host;
    private volatile boolean stopping;

    MetadataBatchProcessor(CreateSettings settings, BatchProcessorFactory.Config config, Signal signal, Consumer next) {
        this.settings = settings;
        this.config = config;
        this.signal = signal;
        this.next = next;
    }

    @Override
    public boolean mutatesData() {
        return true;
    }

    @Override
    public void start(Host host) {
        this.host = host;
    }

    @Override
    public void consume(TelemetryBatch<?> batch) throws Exception {
        ClientInfo client = ClientInfo.current();
        List<List<String>> key = new ArrayList<>(config.metadataKeys().size());
        for (String k : config.metadataKeys()) {
            key.add(client.get(k));
        }
        BatchProcessor shard = shards.get(key);
        if (shard == null) {
            shard = newShard(key);
        }
        shard.consume(batch);
    }

    private synchronized BatchProcessor newShard(List<List<String>> key) throws Exception {
        BatchProcessor shard = shards.get(key);
        if (shard != null) {
            return shard;
        }
        if (stopping) {
            throw new IllegalStateException("the batch processor is shutting down");
        }
        if (config.metadataCardinalityLimit() > 0 && shards.size() >= config.metadataCardinalityLimit()) {
            throw new ConsumerException("too many batcher metadata-value combinations (metadata_cardinality_limit "
                    + config.metadataCardinalityLimit() + ")", false);
        }
        Map<String, List<String>> md = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            if (!key.get(i).isEmpty()) {
                md.put(config.metadataKeys().get(i), key.get(i));
            }
        }
        shard = new BatchProcessor(settings, config, signal, next, new ClientInfo("", md));
        shard.start(host);
        shards.put(key, shard);
        return shard;
    }

    /** The number of metadata combinations seen (upstream's metadata_cardinality gauge). */
    int cardinality() {
        return shards.size();
    }

    @Override
    public synchronized void shutdown() {
        stopping = true;
        for (BatchProcessor shard : shards.values()) {
            try {
                shard.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                settings.logger().log(Level.WARNING, "error stopping a batcher", e);
            }
        }
    }
}
