package io.ottl4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** message_marking.after: a retryable refusal offers the message again; the offset is committed only once delivered. */
class MessageMarkingTest {
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaBroker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void listedHeadersBecomeResourceAttributes() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            TelemetryBatch<Span> batch = TelemetryBatch.traces();
            batch.addResource().addScope().items().add(new Span());
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>("headers_spans", OtlpProto.encode(batch));
            r.headers().add("tenant", "acme".getBytes()).add("secret", "s3cr3t".getBytes());
            producer.send(r).get();
        }
        List<TelemetryBatch<?>> got = new CopyOnWriteArrayList<>();
        KafkaReceiverFactory f = new KafkaReceiverFactory();
        KafkaReceiverFactory.Config config = TestComponents.decode(f, """
                brokers: [%s]
                group_id: headers
                initial_offset: earliest
                traces: {topic: headers_spans}
                header_extraction: {extract_headers: true, headers: [tenant, absent]}
                """.formatted(broker.bootstrap()));
        Component receiver = f.create(TestComponents.settings(Kind.RECEIVER, "kafka"), config, Map.of(Signal.TRACES, got::add));
        receiver.start(null);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            receiver.shutdown();
        }
        assertThat(got).hasSize(1);
        var attributes = got.get(0).resources().get(0).resource().attributes();
        assertThat(attributes.get("kafka.header.tenant")).isEqualTo("acme");
        assertThat(attributes.containsKey("kafka.header.secret")).isFalse(); // only the listed headers
        assertThat(attributes.containsKey("kafka.header.absent")).isFalse();
    }

    @Test
    void refusedMessagesAreOfferedAgainUntilAccepted() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                TelemetryBatch<Span> batch = TelemetryBatch.traces();
                Span s = new Span();
                s.setName("m" + i);
                batch.addResource().addScope().items().add(s);
                producer.send(new ProducerRecord<>("marking_spans", OtlpProto.encode(batch))).get();
            }
        }
        AtomicInteger refusals = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        Consumer flaky = batch -> {
            if (refusals.getAndIncrement() < 4) {
                throw new ConsumerException("memory limiter: refusing data", false); // retryable
            }
            delivered.add(batch.asTraces().resources().get(0).scopes().get(0).items().get(0).name());
        };
        KafkaReceiverFactory f = new KafkaReceiverFactory();
        KafkaReceiverFactory.Config config = TestComponents.decode(f, """
                brokers: [%s]
                group_id: marking
                initial_offset: earliest
                traces: {topic: marking_spans}
                message_marking: {after: true}
                error_backoff: {initial_interval: 10ms, max_interval: 50ms}
                """.formatted(broker.bootstrap()));
        Component receiver = f.create(TestComponents.settings(Kind.RECEIVER, "kafka"), config, Map.of(Signal.TRACES, flaky));
        receiver.start(null);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (delivered.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            receiver.shutdown();
        }
        assertThat(delivered).containsExactly("m0", "m1", "m2"); // in order, each once, none lost to the refusals
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("marking").partitionsToOffsetAndMetadata().get();
            assertThat(committed.get(new TopicPartition("marking_spans", 0)).offset()).isEqualTo(3);
        }
    }
}
