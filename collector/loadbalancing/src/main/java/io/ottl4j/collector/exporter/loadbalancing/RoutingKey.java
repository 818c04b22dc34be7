package io.ottl4j.collector.exporter.loadbalancing;

import io.ottl4j.pdata.Signal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code routing_key}: what decides the backend of a piece of telemetry. */
public enum RoutingKey {
    TRACE_ID("traceID", List.of(Signal.TRACES, Signal.LOGS)),
    SERVICE("service", List.of(Signal.TRACES, Signal.METRICS, Signal.LOGS)),
    ATTRIBUTES("attributes", List.of(Signal.TRACES)),
    RESOURCE("resource", List.of(Signal.METRICS)),
    METRIC("metric", List.of(Signal.METRICS)),
    STREAM_ID("streamID", List.of(Signal.METRICS));

    final String configName;
    final List<Signal> signals;

    RoutingKey(String configName, List<Signal> signals) {
        this.configName = configName;
        this.signals = signals;
    }

    public static RoutingKey parse(String text) {
        for (RoutingKey k : values()) {
            if (k.configName.equals(text)) {
                return k;
            }
        }
        return null;
    }

    /** Upstream's default when {@code routing_key} is empty: traceID for traces and logs, service for metrics. */
    static RoutingKey defaultFor(Signal signal) {
        return signal == Signal.METRICS ? SERVICE : TRACE_ID;
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(k -> k.configName).toList());
    }

    String signalsText() {
        return String.join(", ", signals.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }
}
