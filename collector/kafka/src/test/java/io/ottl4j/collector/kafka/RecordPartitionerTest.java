package io.ottl4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the exporter's records go on a real broker: each record_partitioner strategy on a four-partition topic, and
 * batches partitioned by client metadata (sending_queue.batch.partition) keeping each client's headers and topic.
 */
class RecordPartitionerTest {
    private static final int PARTITIONS = 4;
    private static KafkaBroker broker;
    private final KafkaExporterFactory factory = new KafkaExporterFactory();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaBroker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** Sends {@code batches} through an exporter (no queue: each consume waits for the broker's acknowledgement). */
    private void export(String topic, String partitioner, List<TelemetryBatch<Span>> batches) throws Exception {
        createTopic(topic);
        KafkaExporterFactory.Config config = TestComponents.decode(factory, "brokers: [" + broker.bootstrap() + "]\n"
                + "traces: {topic: " + topic + "}\npartition_traces_by_id: true\nsending_queue: {enabled: false}\n" + partitioner);
        ExporterFactory.Exporter e = factory.create(TestComponents.settings(Kind.EXPORTER, "kafka"), config, Signal.TRACES);
        e.start(null);
        try {
            for (TelemetryBatch<Span> b : batches) {
                e.consume(b);
            }
        } finally {
            e.shutdown();
        }
    }

    /** Creates the topic and waits until every partition has a leader (a produce right after creation may otherwise be refused). */
    private static void createTopic(String topic) throws Exception {
        broker.createTopic(topic, PARTITIONS);
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try {
                    var d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                    if (d.partitions().size() == PARTITIONS && d.partitions().stream().allMatch(i -> i.leader() != null && !i.leader().isEmpty())) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // the broker's metadata does not have the new topic yet
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                parts.add(new TopicPartition(topic, i));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < count && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            assertThat(out).hasSize(count);
            return out;
        }
    }

    /** One batch per trace: {@code n} single-span batches, trace IDs 1..n (or all the same with {@code sameTrace}). */
    private static List<TelemetryBatch<Span>> traces(int n, boolean sameTrace, int attributeBytes) {
        List<TelemetryBatch<Span>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TelemetryBatch<Span> b = Data.traces("s" + i);
            Span s = b.resources().get(0).scopes().get(0).items().get(0);
            s.setTraceId(TraceId.of(7, sameTrace ? 1 : i + 1));
            if (attributeBytes > 0) {
                s.attributes().put("payload", "x".repeat(attributeBytes));
            }
            out.add(b);
        }
        return out;
    }

    private static Map<String, Set<Integer>> partitionsByKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Set<Integer>> out = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.computeIfAbsent(new String(r.key(), java.nio.charset.StandardCharsets.US_ASCII), k -> new HashSet<>()).add(r.partition());
        }
        return out;
    }

    @Test
    void theDefaultStickyKeyPartitionerHashesKeysAsSaramaDoes() throws Exception {
        export("sarama", "", traces(24, false, 0));
        List<ConsumerRecord<byte[], byte[]>> records = read("sarama", 24);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            assertThat(r.partition()).isEqualTo(RecordPartitioner.saramaPartition(r.key(), PARTITIONS));
        }
        assertThat(records.stream().map(ConsumerRecord::partition).distinct().count()).isGreaterThan(1);
    }

    @Test
    void stickyKeyWithMurmur2IsTheJavaClientsKeyHash() throws Exception {
        export("murmur", "record_partitioner: {sticky_key: {hasher: murmur2}}", traces(24, false, 0));
        for (ConsumerRecord<byte[], byte[]> r : read("murmur", 24)) {
            assertThat(r.partition()).isEqualTo(Utils.toPositive(Utils.murmur2(r.key())) % PARTITIONS);
        }
    }

    @Test
    void roundRobinSpreadsRecordsOfOneKeyOverEveryPartition() throws Exception {
        export("rr", "record_partitioner: {round_robin: {}}", traces(40, true, 0));
        List<ConsumerRecord<byte[], byte[]>> records = read("rr", 40);
        assertThat(partitionsByKey(records)).hasSize(1);
        Map<Integer, Integer> perPartition = new HashMap<>();
        records.forEach(r -> perPartition.merge(r.partition(), 1, Integer::sum));
        assertThat(perPartition).hasSize(PARTITIONS);
    }

    @Test
    void leastBackupIgnoresKeys() throws Exception {
        // adaptive partitioning moves on after batch.size (16 KiB) per partition: 200 records of ~2 KiB switch many times
        export("lb", "record_partitioner: {least_backup: {}}", traces(200, true, 2048));
        List<ConsumerRecord<byte[], byte[]>> records = read("lb", 200);
        assertThat(partitionsByKey(records).values().iterator().next()).hasSizeGreaterThan(1);
    }

    @Test
    void metadataPartitionedBatchesKeepEachClientsHeadersAndTopic() throws Exception {
        createTopic("tenant_acme");
        createTopic("tenant_globex");
        KafkaExporterFactory.Config config = TestComponents.decode(factory, "brokers: [" + broker.bootstrap() + "]\n"
                + "include_metadata_keys: [tenant]\ntraces: {topic_from_metadata_key: topic}\n"
                + "sending_queue: {num_consumers: 1, batch: {flush_timeout: 1h, min_size: 4, partition: {metadata_keys: [tenant, topic]}}}\n");
        ExporterFactory.Exporter e = factory.create(TestComponents.settings(Kind.EXPORTER, "kafka"), config, Signal.TRACES);
        e.start(null);
        try {
            for (int i = 0; i < 2; i++) {
                for (String tenant : List.of("acme", "globex")) {
                    io.ottl4j.collector.client.ClientInfo client = new io.ottl4j.collector.client.ClientInfo("", Map.of("tenant", List.of(tenant),
                            "topic", List.of("tenant_" + tenant)));
                    io.ottl4j.collector.client.ClientInfo.run(client, () -> e.consume(Data.traces(tenant + "-1", tenant + "-2")));
                }
            }
            for (String tenant : List.of("acme", "globex")) {
                List<ConsumerRecord<byte[], byte[]>> records = read("tenant_" + tenant, 1); // one merged batch of four spans
                byte[] header = records.get(0).headers().lastHeader("tenant").value();
                assertThat(new String(header, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(tenant);
                TelemetryBatch<?> batch = io.ottl4j.otlp.OtlpProto.decode(Signal.TRACES, records.get(0).value());
                assertThat(Data.spanNames(batch)).hasSize(4).allMatch(n -> n.startsWith(tenant + "-"));
            }
        } finally {
            e.shutdown();
        }
    }

    @Test
    void upstreamsConfigShapeIsDecodedAndOthersAreRefusedWithItsMessages() throws Exception {
        assertThat(TestComponents.decode(factory, "").partitioner()).isEqualTo(RecordPartitioner.DEFAULT);
        assertThat(TestComponents.decode(factory, "record_partitioner: {}").partitioner()).isEqualTo(RecordPartitioner.DEFAULT);
        assertThat(TestComponents.decode(factory, "record_partitioner: {round_robin: {}}").partitioner().strategy())
                .isEqualTo(RecordPartitioner.Strategy.ROUND_ROBIN);
        assertThat(TestComponents.decode(factory, "record_partitioner: {least_backup: }").partitioner().strategy())
                .isEqualTo(RecordPartitioner.Strategy.LEAST_BACKUP);
        assertThat(TestComponents.problems(factory, "record_partitioner: {round_robin: {}, least_backup: {}}"))
                .anyMatch(m -> m.contains("at most one record_partitioner strategy may be configured"));
        assertThat(TestComponents.problems(factory, "record_partitioner: {sticky_key: {hasher: invalid_hasher}}"))
                .anyMatch(m -> m.contains("sticky_key: unknown hasher \"invalid_hasher\", valid values are \"sarama_compat\", \"murmur2\""));
        assertThat(TestComponents.problems(factory, "record_partitioner: {type: round_robin}"))
                .anyMatch(m -> m.contains("has invalid keys: type"));
        assertThat(TestComponents.problems(factory, "record_partitioner: {extension: kafkapartitioner/x}"))
                .anyMatch(m -> m.contains("not built in this distribution"));
        // with exporter-side batching, every metadata key the exporter reads must partition the batches (upstream's checks)
        assertThat(TestComponents.problems(factory, "include_metadata_keys: [k]\nsending_queue: {batch: {sizer: bytes}}"))
                .anyMatch(m -> m.contains("sending_queue::batch::partition::metadata_keys must be configured when include_metadata_keys is set"));
        assertThat(TestComponents.problems(factory, "include_metadata_keys: [k, r]\nsending_queue: {batch: {partition: {metadata_keys: [k]}}}"))
                .anyMatch(m -> m.contains("missing \"r\" from sending_queue::batch::partition::metadata_keys=[k]"));
        assertThat(TestComponents.problems(factory, "logs: {topic_from_metadata_key: t}\nsending_queue: {batch: {}}"))
                .anyMatch(m -> m.contains("logs::topic_from_metadata_key: topic_from_metadata_key must be present in"));
        assertThat(TestComponents.problems(factory, "include_metadata_keys: [k]\nlogs: {topic_from_metadata_key: t}\n"
                + "sending_queue: {batch: {partition: {metadata_keys: [k, t]}}}")).isEmpty();
    }
}
