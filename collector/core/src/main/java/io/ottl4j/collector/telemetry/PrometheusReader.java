package io.ottl4j.collector.telemetry;

/**
 * One {@code readers: [{pull: {exporter: {prometheus: ...}}}]} entry. The three {@code without_*} flags default to
 * true, as upstream applies them to explicitly configured readers too (since v0.151), so names are raw:
 * {@code otelcol_receiver_accepted_spans}, not {@code ..._total}.
 */
public record PrometheusReader(String host, int port, boolean withoutScopeInfo, boolean withoutUnits, boolean withoutTypeSuffix) {
    public static PrometheusReader of(String host, int port) {
        return new PrometheusReader(host, port, true, true, true);
    }
}
