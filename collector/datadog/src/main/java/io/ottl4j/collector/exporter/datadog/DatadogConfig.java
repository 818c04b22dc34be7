package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import java.time.Duration;
import java.util.List;

/** The {@code datadog} exporter's settings (collector-spec §4.1). */
public record DatadogConfig(Api api, String hostname, boolean onlyMetadata, Metrics metrics, TraceConfig traces, Logs logs, HostMetadata hostMetadata,
        ExporterHelper.Settings helper) {

    /** {@code api}: the key never shows in {@link #toString()}. */
    public record Api(String key, String site, boolean failOnInvalidKey) {
        @Override
        public String toString() {
            return "Api[key=<redacted>, site=" + site + ", failOnInvalidKey=" + failOnInvalidKey + "]";
        }
    }

    public enum HistogramMode { DISTRIBUTIONS, COUNTERS, NOBUCKETS }

    public enum CumulativeMode { TO_DELTA, RAW_VALUE }

    public enum InitialValue { AUTO, DROP, KEEP }

    public enum SummaryMode { GAUGES, NOQUANTILES }

    public record Metrics(String endpoint, Duration deltaTtl, boolean resourceAttributesAsTags, boolean scopeMetadataAsTags, HistogramMode histogramMode,
            boolean sendAggregations, CumulativeMode cumulativeMode, InitialValue initialValue, SummaryMode summaryMode) {
    }

    public record Logs(String endpoint, boolean useCompression, int compressionLevel, Duration batchWait) {
    }

    public record HostMetadata(boolean enabled, boolean firstResource, List<String> tags, Duration reporterPeriod) {
    }

    static DatadogConfig decode(Conf c) {
        Conf a = c.child("api");
        String key = a.string("key", "").trim();
        String site = a.string("site", Sites.DEFAULT).trim();
        boolean failOnInvalid = a.bool("fail_on_invalid_key", false);
        if (key.isEmpty()) {
            a.error("key", "api.key is not set");
        } else if (!key.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            // the message never quotes the key
            a.error("key", "api.key contains invalid characters (a Datadog API key is hexadecimal)");
        }
        if (site.isEmpty()) {
            a.error("site", "api.site is empty");
        }
        a.finish();
        Sites.Endpoints ep = Sites.endpoints(site);
        String hostname = c.string("hostname", "");
        boolean onlyMetadata = c.bool("only_metadata", false);

        Conf m = c.child("metrics");
        String metricsEndpoint = endpoint(m, ep.metrics());
        Duration deltaTtl = Duration.ofSeconds(m.longValue("delta_ttl", 3600));
        if (deltaTtl.isNegative() || deltaTtl.isZero()) {
            m.error("delta_ttl", "delta_ttl must be a positive integer");
        }
        boolean resAsTags = m.bool("resource_attributes_as_tags", false);
        boolean scopeAsTags = m.bool("instrumentation_scope_metadata_as_tags", false);
        m.bool("instrumentation_library_metadata_as_tags", false);
        Conf h = m.child("histograms");
        HistogramMode hm = enumValue(h, "mode", "distributions", HistogramMode.class);
        boolean aggs = h.bool("send_aggregation_metrics", h.bool("send_count_sum_metrics", false));
        if (hm == HistogramMode.NOBUCKETS && !aggs) {
            h.error("mode", "'nobuckets' mode and `send_aggregation_metrics` set to false will send no histogram metrics");
        }
        h.finish();
        Conf s = m.child("sums");
        CumulativeMode cm = enumValue(s, "cumulative_monotonic_mode", "to_delta", CumulativeMode.class);
        InitialValue iv = enumValue(s, "initial_cumulative_monotonic_value", "auto", InitialValue.class);
        s.finish();
        Conf su = m.child("summaries");
        SummaryMode sm = enumValue(su, "mode", "gauges", SummaryMode.class);
        su.finish();
        m.has("exporter"); // upstream's deprecated metrics::exporter block
        m.finish();

        Conf t = c.child("traces");
        TraceConfig traces = TraceConfig.decode(t, false, ep.traces());
        if (!traces.endpoint().startsWith("http://") && !traces.endpoint().startsWith("https://")) {
            c.error("traces", "traces.endpoint must be an http:// or https:// URL");
        }

        Conf l = c.child("logs");
        String logsEndpoint = endpoint(l, ep.logs());
        boolean compress = l.bool("use_compression", true);
        int level = l.intValue("compression_level", 6);
        if (level < 0 || level > 9) {
            l.error("compression_level", "compression_level must be between 0 and 9");
        }
        Duration batchWait = Duration.ofSeconds(l.intValue("batch_wait", 5));
        if (batchWait.getSeconds() < 1 || batchWait.getSeconds() > 10) {
            l.error("batch_wait", "logs::batch_wait must be between 1 and 10");
        }
        l.has("dump_payloads");
        l.finish();

        Conf hmConf = c.child("host_metadata");
        boolean hmEnabled = hmConf.bool("enabled", true);
        String source = hmConf.string("hostname_source", "config_or_system");
        if (!source.equals("config_or_system") && !source.equals("first_resource")) {
            hmConf.error("hostname_source", "hostname_source must be one of config_or_system or first_resource, got \"" + source + "\"");
        }
        List<String> hostTags = hmConf.strings("tags", List.of());
        Duration period = hmConf.duration("reporter_period", Duration.ofMinutes(30));
        if (period.compareTo(Duration.ofMinutes(5)) < 0) {
            hmConf.error("reporter_period", "reporter_period must be 5 minutes or higher");
        }
        hmConf.finish();

        for (String k : List.of("endpoint", "compression", "headers", "auth", "tls")) {
            if (c.present(k)) {
                c.error(k, k + " is not supported by the Datadog exporter");
            }
        }
        for (String k : List.of("read_buffer_size", "write_buffer_size", "max_idle_conns", "max_idle_conns_per_host", "max_conns_per_host",
                "idle_conn_timeout", "disable_keep_alives", "proxy_url", "host_metadata_tags")) {
            c.has(k);
        }
        ExporterHelper.Settings helper = ExporterHelper.decode(c, Duration.ofSeconds(15));
        return new DatadogConfig(new Api(key, site, failOnInvalid), hostname, onlyMetadata,
                new Metrics(metricsEndpoint, deltaTtl, resAsTags, scopeAsTags, hm, aggs, cm, iv, sm), traces,
                new Logs(logsEndpoint, compress, level, batchWait), new HostMetadata(hmEnabled, source.equals("first_resource"), hostTags, period), helper);
    }

    private static String endpoint(Conf c, String def) {
        String e = c.string("endpoint", def);
        if (!e.startsWith("http://") && !e.startsWith("https://")) {
            c.error("endpoint", "endpoint must be an http:// or https:// URL");
        }
        return e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    }

    private static <E extends Enum<E>> E enumValue(Conf c, String key, String def, Class<E> type) {
        String v = c.string(key, def);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(e.name().toLowerCase(java.util.Locale.ROOT));
        }
        c.error(key, "invalid " + key + " \"" + v + "\": use one of " + allowed);
        return type.getEnumConstants()[0];
    }
}
