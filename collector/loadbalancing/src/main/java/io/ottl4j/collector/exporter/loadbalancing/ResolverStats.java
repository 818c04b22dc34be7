package io.ottl4j.collector.exporter.loadbalancing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.concurrent.atomic.AtomicLong;

/** Upstream's {@code otelcol_loadbalancer_*} self-metrics. */
final class ResolverStats implements AutoCloseable {
    private static final AttributeKey<String> RESOLVER = AttributeKey.stringKey("resolver");
    private static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("endpoint");
    private static final AttributeKey<Boolean> SUCCESS = AttributeKey.booleanKey("success");

    private final LongCounter resolutions;
    private final LongCounter backendUpdates;
    private final LongCounter outcome;
    private final DoubleHistogram latency;
    private final AutoCloseable backendsGauge;
    private final AtomicLong backends = new AtomicLong();
    private volatile String resolver = "";

    ResolverStats(Meter meter) {
        resolutions = meter.counterBuilder("otelcol_loadbalancer_num_resolutions").setUnit("{resolutions}")
                .setDescription("Number of times the resolver has triggered new resolutions.").build();
        backendUpdates = meter.counterBuilder("otelcol_loadbalancer_num_backend_updates").setUnit("{updates}")
                .setDescription("Number of times the list of backends was updated.").build();
        outcome = meter.counterBuilder("otelcol_loadbalancer_backend_outcome").setUnit("{decisions}")
                .setDescription("Number of successes and failures for each endpoint.").build();
        latency = meter.histogramBuilder("otelcol_loadbalancer_backend_latency").setUnit("ms")
                .setDescription("Response latency in ms for the backends.").build();
        backendsGauge = meter.gaugeBuilder("otelcol_loadbalancer_num_backends").ofLongs().setUnit("{backends}")
                .setDescription("Current number of backends in use.")
                .buildWithCallback(m -> m.record(backends.get(), Attributes.of(RESOLVER, resolver)));
    }

    void resolution(String resolverName, boolean success) {
        resolver = resolverName;
        resolutions.add(1, Attributes.of(RESOLVER, resolverName, SUCCESS, success));
    }

    void backendsUpdated(String resolverName, int count) {
        resolver = resolverName;
        backends.set(count);
        backendUpdates.add(1, Attributes.of(RESOLVER, resolverName));
    }

    void sent(String endpoint, boolean success, double millis) {
        Attributes a = Attributes.of(ENDPOINT, endpoint, SUCCESS, success);
        outcome.add(1, a);
        latency.record(millis, a);
    }

    @Override
    public void close() throws Exception {
        backendsGauge.close();
    }
}
