package io.ottl4j.collector.exporter.loadbalancing;

import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the backends. A resolver calls its listener with the full, sorted endpoint list ("host:port") whenever
 * the list changes, and once at start.
 */
interface Resolver {
    void start(Consumer<List<String>> listener) throws Exception;

    void shutdown();

    /** The {@code resolver} label of upstream's self-metrics: static, dns, k8s. */
    String name();

    /** Upstream's endpoint form: a bare host gets the default OTLP/gRPC port. */
    static String withDefaultPort(String endpoint) {
        if (endpoint.startsWith("[")) {
            return endpoint.contains("]:") ? endpoint : endpoint + ":4317";
        }
        long colons = endpoint.chars().filter(ch -> ch == ':').count();
        if (colons == 1) {
            return endpoint;
        }
        return colons == 0 ? endpoint + ":4317" : "[" + endpoint + "]:4317";
    }
}
