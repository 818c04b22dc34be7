package io.ottl4j.collector.kafka;

import io.ottl4j.collector.config.Conf;
import java.util.List;
import java.util.Properties;

/**
 * {@code record_partitioner}: how the exporter's records are assigned to partitions, upstream's current shape (one
 * key per strategy, at most one set). Upstream selects a franz-go partitioner; here each maps onto the Java client:
 * <ul>
 * <li>{@code sticky_key} (the default, hasher {@code sarama_compat}): a keyed record goes to the partition its key
 * hashes to, unkeyed records stick to one partition at a time. {@code sarama_compat} is Sarama's FNV-1a hash, computed
 * here and set on the record (the Java client has no such hasher); {@code murmur2} is the Java client's own key hash.
 * Unkeyed records use the Java client's built-in sticky partitioning.</li>
 * <li>{@code round_robin}: the Java client's {@code RoundRobinPartitioner}; keys do not choose the partition.</li>
 * <li>{@code least_backup}: the built-in partitioner with {@code partitioner.ignore.keys} and adaptive partitioning
 * (more records to the partitions whose brokers keep up); franz-go picks, per record, the partition with the fewest
 * buffered records, the Java client switches partition per batch, weighted by the brokers' queues.</li>
 * </ul>
 * {@code extension} names a partitioner extension, which upstream looks up at start; none is built here.
 */
record RecordPartitioner(Strategy strategy, Hasher hasher) {
    enum Strategy {
        STICKY_KEY, ROUND_ROBIN, LEAST_BACKUP
    }

    enum Hasher {
        SARAMA_COMPAT, MURMUR2
    }

    static final RecordPartitioner DEFAULT = new RecordPartitioner(Strategy.STICKY_KEY, Hasher.SARAMA_COMPAT);

    private static final List<String> STRATEGIES = List.of("sticky_key", "round_robin", "least_backup", "extension");

    static RecordPartitioner decode(Conf c) {
        if (!c.has("record_partitioner")) {
            return DEFAULT;
        }
        Conf r = c.child("record_partitioner");
        if (r.present("type")) {
            // an intermediate upstream shape (record_partitioner::type) that upstream's released code no longer decodes
            r.error("type", "unknown-key", "has invalid keys: type (record_partitioner takes one key per strategy: sticky_key: {hasher: "
                    + "sarama_compat|murmur2}, round_robin: {}, least_backup: {} or extension: <extension ID>)");
        }
        long set = STRATEGIES.stream().filter(r::present).count();
        RecordPartitioner out = DEFAULT;
        if (set > 1) {
            c.error("record_partitioner", "record_partitioner: at most one record_partitioner strategy may be configured");
        } else if (r.present("sticky_key")) {
            Conf s = r.child("sticky_key");
            String hasher = s.string("hasher", "sarama_compat");
            switch (hasher) {
                case "sarama_compat" -> out = DEFAULT;
                case "murmur2" -> out = new RecordPartitioner(Strategy.STICKY_KEY, Hasher.MURMUR2);
                default -> s.error("hasher", "record_partitioner: sticky_key: unknown hasher \"" + hasher
                        + "\", valid values are \"sarama_compat\", \"murmur2\"");
            }
            s.finish();
        } else if (r.present("round_robin")) {
            r.child("round_robin").finish();
            out = new RecordPartitioner(Strategy.ROUND_ROBIN, null);
        } else if (r.present("least_backup")) {
            r.child("least_backup").finish();
            out = new RecordPartitioner(Strategy.LEAST_BACKUP, null);
        } else if (r.present("extension")) {
            String id = r.string("extension", "");
            r.error("extension", "record_partitioner: extension " + (id.isEmpty() ? "must name an extension" : "\"" + id + "\"")
                    + ": custom partitioner extensions (upstream's RecordPartitionerExtension) are not built in this distribution");
        }
        r.finish();
        return out;
    }

    /** The Java client's settings for this strategy. */
    void configure(Properties p) {
        switch (strategy) {
            case ROUND_ROBIN -> p.put("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner");
            case LEAST_BACKUP -> {
                p.put("partitioner.ignore.keys", "true");
                p.put("partitioner.adaptive.partitioning.enable", "true");
            }
            case STICKY_KEY -> {
                // murmur2 is the built-in partitioner's key hash; sarama_compat partitions are set on each keyed record
            }
        }
    }

    /** Whether a keyed record's partition is computed here ({@link #saramaPartition}) rather than by the client. */
    boolean partitionsKeysItself() {
        return strategy == Strategy.STICKY_KEY && hasher == Hasher.SARAMA_COMPAT;
    }

    /** Sarama's hash partitioner: FNV-1a of the key as a signed 32-bit number, modulo the partitions, made non-negative. */
    static int saramaPartition(byte[] key, int partitions) {
        int h = 0x811c9dc5;
        for (byte b : key) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        int p = h % partitions;
        return p < 0 ? -p : p;
    }
}
