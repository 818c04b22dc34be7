package io.ottl4j.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.ottl4j.collector.e2e.TestCollectors;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectors exchanging telemetry through a real in-process Kafka broker. */
class KafkaRoundTripTest {
    private static KafkaBroker broker;

    @TempDir
    Path dir;
    private final List<Collector> collectors = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaBroker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void stop() {
        collectors.forEach(TestCollectors::stop);
    }

    private Collector start(String yaml) throws Exception {
        Collector c = TestCollectors.start(yaml.replace("BROKER", broker.bootstrap()));
        collectors.add(c);
        return c;
    }

    private Collector agent(String topic, String extra) throws Exception {
        return start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0"}
                exporters:
                  kafka:
                    brokers: [BROKER]
                    traces: {topic: %1$s_spans}
                    logs: {topic: %1$s_logs, encoding: raw}
                    %2$s
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [kafka]}
                    logs: {receivers: [otlp], exporters: [kafka]}
                """.formatted(topic, extra));
    }

    private Collector gateway(String topic, Path file, String group) throws Exception {
        return start("""
                receivers:
                  kafka:
                    brokers: [BROKER]
                    group_id: %3$s
                    initial_offset: earliest
                    traces: {topic: %1$s_spans}
                    logs: {topic: %1$s_logs, encoding: text}
                    message_marking: {after: true}
                exporters:
                  file: {path: "%2$s"}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [kafka], exporters: [file]}
                    logs: {receivers: [kafka], exporters: [file]}
                """.formatted(topic, file, group));
    }

    private static void sendTraces(Collector agent, int traces, int spansPerTrace, String prefix) {
        OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + TestCollectors.receiver(agent).grpcPort()).build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().toBuilder().put("service.name", "shop").build())
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxExportBatchSize(50).build()).build()) {
            Tracer tracer = provider.get("kafka-test");
            for (int t = 0; t < traces; t++) {
                Span root = tracer.spanBuilder(prefix + t).startSpan();
                try (Scope ignored = root.makeCurrent()) {
                    for (int s = 1; s < spansPerTrace; s++) {
                        tracer.spanBuilder(prefix + t + "." + s).startSpan().end();
                    }
                } finally {
                    root.end();
                }
            }
            assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        }
    }

    /** Span names per file, read from complete lines of file exporters' output. */
    private static List<String> spanNames(List<Path> files) throws Exception {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            for (TelemetryBatch<?> b : read(f)) {
                if (b.signal() != Signal.TRACES) {
                    continue;
                }
                for (ResourceGroup<io.ottl4j.pdata.Span> rg : b.asTraces().resources()) {
                    for (ScopeGroup<io.ottl4j.pdata.Span> sg : rg.scopes()) {
                        sg.items().forEach(s -> names.add(s.name()));
                    }
                }
            }
        }
        return names;
    }

    private static List<TelemetryBatch<?>> read(Path file) throws Exception {
        List<TelemetryBatch<?>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            if (!line.isBlank()) {
                out.add(OtlpJson.read(line));
            }
        }
        return out;
    }

    private static <T> T await(ThrowingSupplier<T> read, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void tracesAndRawLogsGoThroughKafka() throws Exception {
        Path out = dir.resolve("gateway.jsonl");
        Collector agent = agent("rt", "");
        gateway("rt", out, "rt-group");
        sendTraces(agent, 20, 3, "t");
        try (SdkLoggerProvider logs = SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(
                OtlpGrpcLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + TestCollectors.receiver(agent).grpcPort()).build())).build()) {
            Logger logger = logs.get("kafka-test");
            logger.logRecordBuilder().setBody("GET /index 200").emit();
            logger.logRecordBuilder().setBody("GET /admin 403").emit();
            logs.forceFlush().join(30, TimeUnit.SECONDS);
        }
        List<String> names = await(() -> spanNames(List.of(out)), n -> n.size() >= 60);
        assertThat(names).hasSize(60).doesNotHaveDuplicates();
        List<Object> bodies = await(() -> {
            List<Object> b = new ArrayList<>();
            for (TelemetryBatch<?> batch : read(out)) {
                if (batch.signal() == Signal.LOGS) {
                    for (ResourceGroup<LogRecord> rg : batch.asLogs().resources()) {
                        rg.scopes().forEach(sg -> sg.items().forEach(r -> b.add(r.body())));
                    }
                }
            }
            return b;
        }, b -> b.size() >= 2);
        // raw on the way in (the body's bytes), text on the way out: one log record per message
        assertThat(bodies).containsExactlyInAnyOrder("GET /index 200", "GET /admin 403");
    }

    @Test
    void partitionTracesByIdKeysEachMessageWithItsTraceId() throws Exception {
        broker.createTopic("byid_spans", 4);
        Collector agent = agent("byid", "partition_traces_by_id: true");
        sendTraces(agent, 30, 3, "p");
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        p.put("group.id", "inspector");
        p.put("auto.offset.reset", "earliest");
        Map<String, Set<Integer>> partitionsOfTrace = new HashMap<>();
        int spans = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("byid_spans"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (spans < 90 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    String key = new String(r.key());
                    TelemetryBatch<io.ottl4j.pdata.Span> batch = OtlpProto.decodeTraces(r.value());
                    for (ResourceGroup<io.ottl4j.pdata.Span> rg : batch.resources()) {
                        for (ScopeGroup<io.ottl4j.pdata.Span> sg : rg.scopes()) {
                            for (io.ottl4j.pdata.Span s : sg.items()) {
                                spans++;
                                assertThat(s.traceId().toHex()).isEqualTo(key);
                                partitionsOfTrace.computeIfAbsent(key, k -> new HashSet<>()).add(r.partition());
                            }
                        }
                    }
                }
            }
        }
        assertThat(spans).isEqualTo(90);
        assertThat(partitionsOfTrace).hasSize(30).allSatisfy((trace, parts) -> assertThat(parts).hasSize(1));
    }

    @Test
    void aPoisonMessageIsSkippedAndTheRestDelivered() throws Exception {
        Path out = dir.resolve("poison.jsonl");
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrap());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("poison_spans", "not a protobuf message \u0000\u0001".getBytes())).get();
        }
        Collector agent = agent("poison", "");
        gateway("poison", out, "poison-group");
        sendTraces(agent, 5, 2, "after-poison-");
        assertThat(await(() -> spanNames(List.of(out)), n -> n.size() >= 10)).hasSize(10);
    }

    @Test
    void twoGatewaysInOneGroupLoseNothingAcrossARestart() throws Exception {
        broker.createTopic("grp_spans", 4);
        Path a = dir.resolve("a.jsonl");
        Path b1 = dir.resolve("b1.jsonl");
        Path b2 = dir.resolve("b2.jsonl");
        Collector agent = agent("grp", "partition_traces_by_id: true");
        gateway("grp", a, "gateways");
        Collector b = gateway("grp", b1, "gateways");
        sendTraces(agent, 100, 3, "first-");
        await(() -> spanNames(List.of(a, b1)), n -> n.size() >= 300);
        TestCollectors.stop(b); // graceful: commits what it processed, its partitions move to the other gateway
        collectors.remove(b);
        sendTraces(agent, 100, 3, "second-");
        gateway("grp", b2, "gateways"); // back: the group rebalances again
        sendTraces(agent, 100, 3, "third-");
        List<String> names = await(() -> spanNames(List.of(a, b1, b2)), n -> new HashSet<>(n).size() >= 900);
        Set<String> distinct = new HashSet<>(names);
        assertThat(distinct).hasSize(900); // nothing lost
        assertThat(names.size() - distinct.size()).as("duplicates (at-least-once)").isZero();
    }
}
