package io.ottl4j.collector.telemetry;

import io.ottl4j.collector.config.Conf;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code readers: [{periodic: {...}}]} entry of {@code service.telemetry.metrics} (the SDK configuration
 * schema upstream uses): every {@code interval} the collector's own metrics are pushed with the OpenTelemetry
 * Java SDK's OTLP metric exporter ({@code otlp} with {@code protocol}, or the newer {@code otlp_http} /
 * {@code otlp_grpc} keys), or written to the log ({@code console}).
 *
 * @param protocol {@code grpc}, {@code http/protobuf} or {@code console}
 * @param endpoint the full URL (for HTTP, {@code /v1/metrics} is added when the URL has no path, as upstream)
 */
public record PeriodicReader(Duration interval, Duration timeout, String protocol, String endpoint, Map<String, String> headers,
        String compression, Duration exportTimeout, String temporality, String certificate, String clientKey, String clientCertificate) {

    private static final List<String> TEMPORALITIES = List.of("cumulative", "delta", "low_memory");

    /** Decodes one {@code periodic} map; null (with a problem reported) when it cannot be used. */
    public static PeriodicReader decode(Conf periodic) {
        // the schema's interval and timeout are milliseconds; Go-style durations are accepted too
        Duration interval = millis(periodic, "interval", Duration.ofSeconds(60));
        Duration timeout = millis(periodic, "timeout", Duration.ofSeconds(30));
        periodic.has("producers");
        periodic.has("cardinality_limits");
        Conf exporter = periodic.child("exporter");
        PeriodicReader out = null;
        for (String kind : exporter.keys()) {
            Conf e = exporter.child(kind);
            switch (kind) {
                case "console" -> {
                    e.has("temporality_preference");
                    e.has("default_histogram_aggregation");
                    out = new PeriodicReader(interval, timeout, "console", "", Map.of(), "", timeout, "cumulative", "", "", "");
                }
                case "otlp", "otlp_http", "otlp_grpc" -> {
                    String protocol = switch (kind) {
                        case "otlp_grpc" -> "grpc";
                        case "otlp_http" -> e.string("encoding", "protobuf").equals("json") ? "http/json" : "http/protobuf";
                        default -> e.string("protocol", "http/protobuf");
                    };
                    if (protocol.equals("http/json")) {
                        e.error(kind.equals("otlp") ? "protocol" : "encoding", "unsupported",
                                "OTLP/JSON is not offered by the OpenTelemetry Java SDK's metric exporter; use http/protobuf or grpc");
                    } else if (!protocol.equals("grpc") && !protocol.equals("http/protobuf")) {
                        e.error("protocol", "unsupported protocol \"" + protocol + "\" (valid values: grpc, http/protobuf)");
                    }
                    String endpoint = e.string("endpoint", protocol.equals("grpc") ? "http://localhost:4317" : "http://localhost:4318");
                    if (!endpoint.contains("://")) {
                        endpoint = (e.bool("insecure", false) ? "http://" : "https://") + endpoint;
                    } else {
                        e.has("insecure");
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (e.raw("headers") instanceof io.ottl4j.collector.config.ConfigNode.ListNode) {
                        for (Conf h : e.list("headers")) {
                            headers.put(h.string("name", ""), h.string("value", ""));
                            h.finish();
                        }
                    } else {
                        headers.putAll(e.stringMap("headers"));
                    }
                    for (String pair : e.string("headers_list", "").split(",")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                        }
                    }
                    String compression = e.string("compression", "");
                    if (!List.of("", "gzip", "none").contains(compression)) {
                        e.error("compression", "unsupported compression \"" + compression + "\" (valid values: gzip, none)");
                    }
                    String temporality = e.string("temporality_preference", "cumulative");
                    if (!TEMPORALITIES.contains(temporality)) {
                        e.error("temporality_preference", "unsupported temporality preference \"" + temporality + "\" (valid values: "
                                + TEMPORALITIES + ")");
                    }
                    e.has("default_histogram_aggregation");
                    Duration exportTimeout = millis(e, "timeout", Duration.ofSeconds(10));
                    Conf tls = e.child("tls"); // newer schema: tls {ca_file, key_file, cert_file, insecure}
                    String ca = e.string("certificate", e.string("certificate_file", tls.string("ca_file", "")));
                    String key = e.string("client_key", e.string("client_key_file", tls.string("key_file", "")));
                    String cert = e.string("client_certificate", e.string("client_certificate_file", tls.string("cert_file", "")));
                    tls.has("insecure");
                    tls.finish();
                    out = new PeriodicReader(interval, timeout, protocol, endpoint, Map.copyOf(headers),
                            compression.equals("none") ? "" : compression, exportTimeout, temporality, ca, key, cert);
                }
                default -> exporter.error(kind, "unsupported", "unsupported periodic metric exporter \"" + kind
                        + "\" (valid values: otlp, otlp_http, otlp_grpc, console)");
            }
            e.finish();
        }
        if (exporter.keys().isEmpty()) {
            periodic.error("exporter", "a periodic reader needs an exporter (otlp, otlp_http, otlp_grpc or console)");
        }
        exporter.finish();
        return out;
    }

    private static Duration millis(Conf c, String key, Duration def) {
        io.ottl4j.collector.config.ConfigNode n = c.raw(key);
        if (n instanceof io.ottl4j.collector.config.ConfigNode.Scalar s && s.value() instanceof Long l) {
            return Duration.ofMillis(l);
        }
        return c.duration(key, def);
    }

    /** The URL the SDK exporter posts to. */
    public String url() {
        if (!protocol.startsWith("http")) {
            return endpoint;
        }
        java.net.URI u = java.net.URI.create(endpoint);
        return u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/")
                ? endpoint.replaceAll("/+$", "") + "/v1/metrics" : endpoint;
    }
}
