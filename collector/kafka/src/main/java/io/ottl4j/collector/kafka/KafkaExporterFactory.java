package io.ottl4j.collector.kafka;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.internal.BatchBuilder;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The {@code kafka} exporter: OTLP (or raw log bodies) to Kafka topics with Apache kafka-clients, upstream's config. */
public final class KafkaExporterFactory implements ExporterFactory<KafkaExporterFactory.Config> {
    /** {@code topicFromMetadataKey} (exporter only): the client metadata key whose first value names the topic. */
    public record SignalTopic(String topic, String encoding, String topicFromMetadataKey) {
        public SignalTopic(String topic, String encoding) {
            this(topic, encoding, "");
        }
    }

    public record Producer(int maxMessageBytes, String acks, String compression, int compressionLevel, Duration linger) {
    }

    public record Config(KafkaClientSettings client, Map<Signal, SignalTopic> topics, String topicFromAttribute, boolean partitionTracesById,
            boolean partitionMetricsByResource, boolean partitionLogsByResource, List<String> includeMetadataKeys, Producer producer,
            ExporterHelper.Settings helper, RecordPartitioner partitioner) {
    }

    static final Map<Signal, String> DEFAULT_TOPICS = Map.of(Signal.TRACES, "otlp_spans", Signal.METRICS, "otlp_metrics", Signal.LOGS,
            "otlp_logs");

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "writes OTLP (protobuf or JSON) or raw log bodies to Kafka topics";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    /** Per-signal topic and encoding with upstream's precedence: the signal's block, then the deprecated top-level keys. */
    static Map<Signal, SignalTopic> decodeTopics(Conf c, boolean receiver) {
        String legacyTopic = c.string("topic", "");
        String legacyEncoding = c.string("encoding", "");
        Map<Signal, SignalTopic> out = new LinkedHashMap<>();
        for (Signal s : Signal.values()) {
            String key = s.name().toLowerCase(Locale.ROOT);
            Conf sc = c.child(key);
            String topic = sc.string("topic", legacyTopic.isEmpty() ? DEFAULT_TOPICS.get(s) : legacyTopic);
            if (receiver) {
                sc.strings("topics", List.of());
                sc.string("exclude_topic", "");
                sc.strings("exclude_topics", List.of());
            }
            String fromMetadata = receiver ? "" : sc.string("topic_from_metadata_key", "");
            String encoding = sc.string("encoding", legacyEncoding.isEmpty() ? "otlp_proto" : legacyEncoding);
            if (Encoding.parse(encoding, s, receiver) == null && !(legacyEncoding.equals(encoding) && !sc.has("encoding")
                    && Encoding.parse(encoding, Signal.LOGS, receiver) != null)) {
                (sc.has("encoding") ? sc : c).error("encoding", "unsupported encoding \"" + encoding + "\" for " + key
                        + " (supported here: otlp_proto, otlp_json" + (s == Signal.LOGS ? receiver ? ", raw, text, text_<charset>, json" : ", raw" : "")
                        + "; other encoding extensions are not built in this distribution)");
            }
            sc.finish();
            out.put(s, new SignalTopic(topic, encoding, fromMetadata));
        }
        c.has("profiles");
        return out;
    }

    @Override
    public Config decode(Conf c) {
        KafkaClientSettings client = KafkaClientSettings.decode(c, "otel-collector");
        Map<Signal, SignalTopic> topics = decodeTopics(c, false);
        String topicFromAttribute = c.string("topic_from_attribute", "");
        boolean byTrace = c.bool("partition_traces_by_id", false);
        boolean metricsByResource = c.bool("partition_metrics_by_resource_attributes", false);
        boolean logsByResource = c.bool("partition_logs_by_resource_attributes", false);
        List<String> metadataKeys = c.strings("include_metadata_keys", List.of());
        Conf p = c.child("producer");
        int maxBytes = p.intValue("max_message_bytes", 1_000_000);
        long acks = p.longValue("required_acks", 1);
        if (acks != 0 && acks != 1 && acks != -1) {
            p.error("required_acks", "producer.required_acks must be 0 (no response), 1 (wait for local) or -1 (wait for all), got " + acks);
        }
        String compression = p.string("compression", "none");
        if (!List.of("none", "gzip", "snappy", "lz4", "zstd").contains(compression)) {
            p.error("compression", "producer.compression should be one of 'none', 'gzip', 'snappy', 'lz4', or 'zstd', got \"" + compression + "\"");
        }
        int level = p.child("compression_params").intValue("level", Integer.MIN_VALUE);
        p.child("compression_params").finish();
        p.intValue("flush_max_messages", 0);
        p.bool("allow_auto_topic_creation", true);
        Duration linger = p.duration("linger", Duration.ofMillis(5));
        p.finish();
        ExporterHelper.Settings helper = ExporterHelper.decode(c, Duration.ofSeconds(5));
        RecordPartitioner partitioner = RecordPartitioner.decode(c);
        checkBatchPartition(c, helper, metadataKeys, topics);
        return new Config(client, topics, topicFromAttribute, byTrace, metricsByResource, logsByResource, metadataKeys,
                new Producer(maxBytes, acks == -1 ? "all" : Long.toString(acks), compression, level, linger), helper, partitioner);
    }

    /**
     * Upstream's checks when {@code sending_queue::batch} is on: a merged batch keeps only the client metadata of
     * {@code batch::partition::metadata_keys}, so every key this exporter reads from the metadata must be one of them.
     */
    private static void checkBatchPartition(Conf c, ExporterHelper.Settings helper, List<String> includeKeys, Map<Signal, SignalTopic> topics) {
        ExporterHelper.Queue q = helper.queue();
        if (!q.enabled() || q.batch() == null) {
            return;
        }
        List<String> partitionKeys = q.batch().partitionKeys();
        if (!includeKeys.isEmpty()) {
            if (partitionKeys.isEmpty()) {
                c.error("include_metadata_keys", "sending_queue::batch::partition::metadata_keys must be configured when include_metadata_keys is set "
                        + "and batching is enabled");
                return;
            }
            for (String k : includeKeys) {
                if (!partitionKeys.contains(k)) {
                    c.error("include_metadata_keys", "sending_queue::batch::partition::metadata_keys must include all include_metadata_keys values: missing \""
                            + k + "\" from sending_queue::batch::partition::metadata_keys=[" + String.join(" ", partitionKeys) + "]");
                    return;
                }
            }
        }
        for (Signal s : List.of(Signal.LOGS, Signal.METRICS, Signal.TRACES, Signal.PROFILES)) {
            String key = topics.get(s).topicFromMetadataKey();
            if (!key.isEmpty() && !partitionKeys.contains(key)) {
                String signal = s.name().toLowerCase(Locale.ROOT);
                c.child(signal).error("topic_from_metadata_key", signal + "::topic_from_metadata_key: topic_from_metadata_key must be present in "
                        + "sending_queue::batch::partition::metadata_keys if batching is enabled: \"" + key + "\" not found in partition keys="
                        + partitionKeys);
                return;
            }
        }
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) {
        SignalTopic st = config.topics().get(signal);
        Encoding encoding = Encoding.parse(st.encoding(), signal, false);
        KafkaProducer<byte[], byte[]>[] producer = new KafkaProducer[1];
        ExporterHelper.Sender sender = (batch, timeout) -> {
            List<Future<?>> sent = new ArrayList<>();
            try {
                for (ProducerRecord<byte[], byte[]> record : records(config, signal, st.topic(), encoding, batch)) {
                    sent.add(producer[0].send(partitioned(config.partitioner(), producer[0], record)));
                }
                long deadline = System.nanoTime() + (timeout.isZero() ? TimeUnit.DAYS.toNanos(1) : timeout.toNanos());
                for (Future<?> f : sent) {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new ExporterHelper.SendException("kafka: " + cause, cause instanceof RetriableException, null, cause);
            } catch (TimeoutException e) {
                throw new ExporterHelper.SendException("kafka: no acknowledgement within " + timeout, true, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExporterHelper.SendException("kafka: interrupted", true, null, e);
            } catch (RuntimeException e) {
                throw new ExporterHelper.SendException("kafka: " + e, !(e instanceof IllegalArgumentException), null, e);
            }
        };
        return ExporterHelper.exporter(settings, config.helper(), signal, sender, () -> {
            if (producer[0] != null) {
                producer[0].close(Duration.ofSeconds(5));
            }
        }, () -> producer[0] = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer()));
    }

    /** A keyed record with its partition set when the partitioner hashes keys itself (sarama_compat). */
    static ProducerRecord<byte[], byte[]> partitioned(RecordPartitioner partitioner, KafkaProducer<byte[], byte[]> producer,
            ProducerRecord<byte[], byte[]> r) {
        if (r.key() == null || !partitioner.partitionsKeysItself()) {
            return r;
        }
        int partitions = producer.partitionsFor(r.topic()).size();
        return new ProducerRecord<>(r.topic(), RecordPartitioner.saramaPartition(r.key(), partitions), r.key(), r.value(), r.headers());
    }

    static Properties producerProperties(Config config) {
        Properties p = config.client().properties();
        Producer pc = config.producer();
        p.put("acks", pc.acks());
        // idempotence needs acks=all; with 0 or 1 (upstream's default) the Java client must not turn it on by itself
        p.put("enable.idempotence", Boolean.toString(pc.acks().equals("all")));
        p.put("max.request.size", Integer.toString(pc.maxMessageBytes()));
        p.put("compression.type", pc.compression());
        if (pc.compressionLevel() != Integer.MIN_VALUE && !pc.compression().equals("none")) {
            p.put("compression." + pc.compression() + ".level", Integer.toString(pc.compressionLevel()));
        }
        p.put("linger.ms", Long.toString(pc.linger().toMillis()));
        p.put("retries", Integer.toString(config.client().metadataRetries()));
        config.partitioner().configure(p);
        return p;
    }

    /** The messages of one batch: split per trace or per resource when partitioning asks for it, keyed for it. */
    static List<ProducerRecord<byte[], byte[]>> records(Config config, Signal signal, String defaultTopic, Encoding encoding, TelemetryBatch<?> batch) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        List<RecordHeader> headers = new ArrayList<>();
        ClientInfo info = ClientInfo.current();
        for (String key : config.includeMetadataKeys()) {
            for (String v : info.get(key)) {
                headers.add(new RecordHeader(key, v.getBytes(StandardCharsets.UTF_8)));
            }
        }
        int limit = config.producer().maxMessageBytes() - RECORD_OVERHEAD;
        for (Keyed part : partition(config, signal, batch)) {
            String topic = topicOf(config, signal, info, part.batch(), defaultTopic);
            for (byte[] value : encodeWithin(encoding, part.batch(), limit - (part.key() == null ? 0 : part.key().length))) {
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, null, part.key(), value);
                headers.forEach(h -> r.headers().add(h));
                out.add(r);
            }
        }
        return out;
    }

    /** Room kept in {@code max_message_bytes} for the record's framing and headers. */
    static final int RECORD_OVERHEAD = 1024;

    /**
     * The messages of a batch, each within {@code limit} bytes where splitting can make it so: a batch whose encoding
     * is too large is halved (by records) and each half encoded again, so a large batch becomes several messages
     * instead of one the producer refuses ({@code RecordTooLargeException}, a permanent loss). A single record that
     * is too large on its own is sent as it is, and the broker's verdict stands.
     */
    static List<byte[]> encodeWithin(Encoding encoding, TelemetryBatch<?> batch, int limit) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] m : encoding.encode(batch)) {
            if (m.length <= limit || encoding == Encoding.RAW || batch.itemCount() <= 1) {
                out.add(m);
                continue;
            }
            for (TelemetryBatch<?> half : halves(batch)) {
                out.addAll(encodeWithin(encoding, half, limit));
            }
            break; // the halves cover the whole batch
        }
        return out;
    }

    private static List<TelemetryBatch<?>> halves(TelemetryBatch<?> batch) {
        int total = batch.itemCount();
        BatchBuilder first = new BatchBuilder(batch.signal());
        BatchBuilder second = new BatchBuilder(batch.signal());
        int i = 0;
        for (ResourceGroup<?> rg : batch.resources()) {
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    (i++ < total / 2 ? first : second).add(rg, sg, item);
                }
            }
        }
        return List.of(first.batch(), second.batch());
    }

    record Keyed(byte[] key, TelemetryBatch<?> batch) {
    }

    private static List<Keyed> partition(Config config, Signal signal, TelemetryBatch<?> batch) {
        if (signal == Signal.TRACES && config.partitionTracesById()) {
            Map<TraceId, BatchBuilder> byTrace = new LinkedHashMap<>();
            for (ResourceGroup<Span> rg : batch.asTraces().resources()) {
                for (ScopeGroup<Span> sg : rg.scopes()) {
                    for (Span s : sg.items()) {
                        byTrace.computeIfAbsent(s.traceId(), t -> new BatchBuilder(Signal.TRACES)).add(rg, sg, s);
                    }
                }
            }
            List<Keyed> out = new ArrayList<>();
            byTrace.forEach((id, b) -> out.add(new Keyed(id.toHex().getBytes(StandardCharsets.US_ASCII), b.batch())));
            return out;
        }
        boolean byResource = (signal == Signal.METRICS && config.partitionMetricsByResource())
                || (signal == Signal.LOGS && config.partitionLogsByResource());
        if (byResource) {
            List<Keyed> out = new ArrayList<>();
            for (ResourceGroup<?> rg : batch.resources()) {
                BatchBuilder b = new BatchBuilder(signal);
                b.addResource(rg);
                out.add(new Keyed(ResourceKey.of(rg.resource().attributes()), b.batch()));
            }
            return out;
        }
        return List.of(new Keyed(null, batch));
    }

    /**
     * Upstream's precedence: the signal's {@code topic_from_metadata_key} (first value of that client metadata key),
     * then {@code topic_from_attribute} (a resource attribute), then the signal's topic.
     */
    private static String topicOf(Config config, Signal signal, ClientInfo info, TelemetryBatch<?> batch, String defaultTopic) {
        String metadataKey = config.topics().get(signal).topicFromMetadataKey();
        if (!metadataKey.isEmpty()) {
            List<String> values = info.get(metadataKey);
            if (!values.isEmpty() && !values.get(0).isEmpty()) {
                return values.get(0);
            }
        }
        if (!config.topicFromAttribute().isEmpty()) {
            for (ResourceGroup<?> rg : batch.resources()) {
                if (rg.resource().attributes().get(config.topicFromAttribute()) instanceof String s && !s.isEmpty()) {
                    return s;
                }
            }
        }
        return defaultTopic;
    }
}
