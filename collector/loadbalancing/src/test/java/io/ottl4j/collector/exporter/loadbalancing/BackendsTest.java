package io.ottl4j.collector.exporter.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import io.opentelemetry.api.metrics.MeterProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The ring swap and partial-failure bookkeeping, with in-process backends whose availability the test controls. */
class BackendsTest {
    /** Spans received per backend; a backend in {@code down} refuses with a retryable error. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    private Backends backends() {
        Backends.ClientFactory factory = endpoint -> new Backends.Client() {
            @Override
            public void send(TelemetryBatch<?> batch, Duration timeout) throws ExporterHelper.SendException {
                if (down.contains(endpoint)) {
                    throw new ExporterHelper.SendException("connection refused", true, null, null);
                }
                for (ResourceGroup<Span> rg : batch.asTraces().resources()) {
                    for (ScopeGroup<Span> sg : rg.scopes()) {
                        for (Span s : sg.items()) {
                            received.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(s.name());
                        }
                    }
                }
            }

            @Override
            public void close() {
            }
        };
        return new Backends(factory, new Router(RoutingKey.TRACE_ID, List.of()), Logger.getLogger("test"),
                new ResolverStats(MeterProvider.noop().get("test")), "static");
    }

    private static TelemetryBatch<Span> batch(int traces) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ScopeGroup<Span> sg = b.addResource().addScope();
        for (int t = 0; t < traces; t++) {
            for (int s = 0; s < 3; s++) {
                Span span = new Span();
                span.setTraceId(TraceId.of(t + 1, t * 31L));
                span.setName(t + "/" + s);
                sg.items().add(span);
            }
        }
        return b;
    }

    @Test
    void noBackendsIsARetryableError() {
        Backends b = backends();
        assertThatThrownBy(() -> b.send(batch(1), Duration.ofSeconds(1))).isInstanceOfSatisfying(ExporterHelper.SendException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void failedPartsStayForTheNextAttemptAndGoToTheNewRingAfterAnUpdate() throws Exception {
        Backends b = backends();
        b.accept(List.of("a:1", "b:1", "c:1"));
        down.add("b:1");
        TelemetryBatch<Span> batch = batch(200);
        assertThatThrownBy(() -> b.send(batch, Duration.ofSeconds(1))).isInstanceOfSatisfying(ExporterHelper.SendException.class,
                e -> assertThat(e.retryable()).isTrue());
        int failed = batch.itemCount();
        assertThat(failed).isPositive().isLessThan(600);
        assertThat(received.get("b:1")).isNull();

        b.accept(List.of("a:1", "c:1")); // b is removed: its share is re-routed, not stranded
        b.send(batch, Duration.ofSeconds(1));

        List<String> all = new ArrayList<>();
        received.values().forEach(all::addAll);
        assertThat(all).hasSize(600);
        assertThat(new HashSet<>(all)).hasSize(600); // nothing twice
        assertThat(b.endpoints()).containsExactly("a:1", "c:1");
    }

    @Test
    void aBackendThatCannotBeCreatedIsLeftOutOfTheRing() throws Exception {
        Backends b = new Backends(endpoint -> {
            throw new IllegalArgumentException("bad endpoint " + endpoint);
        }, new Router(RoutingKey.TRACE_ID, List.of()), Logger.getLogger("test"), new ResolverStats(MeterProvider.noop().get("test")), "static");
        b.accept(List.of("x:1"));
        assertThat(b.endpoints()).isEmpty();
        assertThat(ComponentId.parse("load_balancing").toString()).isEqualTo("load_balancing");
    }
}
