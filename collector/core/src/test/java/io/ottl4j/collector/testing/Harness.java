package io.ottl4j.collector.testing;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ReceiverFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Runs a whole collector in-process from YAML, with two extra real components: a {@code testsource}
 * receiver ({@code testsource/NAME}) whose consumers tests call directly, and a {@code testsink} exporter
 * ({@code testsink/NAME}) that records what reaches it together with the {@link ClientInfo} it came with.
 */
public final class Harness implements AutoCloseable {
    /** One recorded delivery. */
    public record Delivery(TelemetryBatch<?> batch, ClientInfo client) {
    }

    private final Map<String, Map<Signal, Consumer>> sources = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> sinks = new ConcurrentHashMap<>();
    private final Collector collector;

    private Harness() {
        collector = null;
    }

    private Components components() {
        List<Factory<?>> factories = new ArrayList<>();
        for (Kind k : Kind.values()) {
            factories.addAll(Builtins.components().all(k));
        }
        factories.add(new SourceFactory());
        factories.add(new SinkFactory());
        return new Components(factories);
    }

    private Harness(String yaml, Set<String> gates) throws Exception {
        Path f = Files.createTempFile("harness", ".yaml");
        try {
            Files.writeString(f, yaml);
            // no self-metrics endpoint: several harnesses run at once and would all bind :8888
            CollectorConfig cfg = CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of("service.telemetry.metrics.level=none")),
                    components(), gates);
            collector = new Collector(cfg, gates, "test");
            collector.start();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** The feature gates harness collectors run with: profiles pipelines are allowed (as {@code --feature-gates}). */
    private static final Set<String> GATES = Set.of(io.ottl4j.collector.component.PipelineId.PROFILES_GATE);

    public static Harness start(String yaml) throws Exception {
        return new Harness(yaml, GATES);
    }

    /** With more feature gates enabled, as {@code --feature-gates=...} adds them. */
    public static Harness start(String yaml, Set<String> featureGates) throws Exception {
        Set<String> gates = new java.util.HashSet<>(GATES);
        gates.addAll(featureGates);
        return new Harness(yaml, Set.copyOf(gates));
    }

    /** The config problems of {@code yaml}, or an empty string when it is valid. */
    public static String problems(String yaml) throws Exception {
        Path f = Files.createTempFile("harness", ".yaml");
        try {
            Files.writeString(f, yaml);
            CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()), new Harness().components(), GATES);
            return "";
        } catch (ConfigException e) {
            return e.getMessage();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    public Collector collector() {
        return collector;
    }

    /** Sends a batch into the pipelines fed by receiver {@code testsource/name} (or {@code testsource}). */
    public void send(String source, TelemetryBatch<?> batch) throws Exception {
        send(source, batch, ClientInfo.EMPTY);
    }

    public void send(String source, TelemetryBatch<?> batch, ClientInfo client) throws Exception {
        Consumer c = sources.get(source).get(batch.signal());
        ClientInfo.run(client, () -> c.consume(batch));
    }

    /** What reached exporter {@code testsink/name}, in order. */
    public List<Delivery> deliveries(String sink) {
        return sinks.computeIfAbsent(sink, k -> Collections.synchronizedList(new ArrayList<>()));
    }

    public List<TelemetryBatch<?>> batches(String sink) {
        synchronized (deliveries(sink)) {
            return deliveries(sink).stream().<TelemetryBatch<?>>map(Delivery::batch).toList();
        }
    }

    /** The least any wait of the harness allows: tests share a busy 2-core machine with other builds. */
    public static final Duration MIN_WAIT = Duration.ofSeconds(30);

    /**
     * Waits until {@code condition} holds, bounded by {@code max} but never less than {@link #MIN_WAIT}: the bound
     * only decides how long a broken test takes to fail, never whether a working one passes.
     */
    public static void await(Duration max, BooleanSupplier condition) throws InterruptedException {
        if (max.compareTo(MIN_WAIT) < 0) {
            max = MIN_WAIT;
        }
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + max);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        collector.shutdown(Duration.ofSeconds(10));
    }

    private final class SourceFactory implements ReceiverFactory<String> {
        @Override
        public String type() {
            return "testsource";
        }

        @Override
        public Map<Signal, Stability> stability() {
            return Map.of(Signal.TRACES, Stability.DEVELOPMENT, Signal.METRICS, Stability.DEVELOPMENT, Signal.LOGS, Stability.DEVELOPMENT,
                    Signal.PROFILES, Stability.DEVELOPMENT);
        }

        @Override
        public String decode(Conf conf) {
            return "";
        }

        @Override
        public Component create(CreateSettings settings, String config, Map<Signal, Consumer> next) {
            sources.put(settings.id().toString(), new EnumMap<>(next));
            return new Component() {
            };
        }
    }

    private final class SinkFactory implements ExporterFactory<String> {
        @Override
        public String type() {
            return "testsink";
        }

        @Override
        public Map<Signal, Stability> stability() {
            return Map.of(Signal.TRACES, Stability.DEVELOPMENT, Signal.METRICS, Stability.DEVELOPMENT, Signal.LOGS, Stability.DEVELOPMENT,
                    Signal.PROFILES, Stability.DEVELOPMENT);
        }

        @Override
        public String decode(Conf conf) {
            return "";
        }

        @Override
        public Exporter create(CreateSettings settings, String config, Signal signal) {
            List<Delivery> list = deliveries(settings.id().toString());
            return new Exporter() {
                @Override
                public void consume(TelemetryBatch<?> batch) {
                    list.add(new Delivery(batch.deepCopy(), ClientInfo.current()));
                }
            };
        }
    }
}
