package io.ottl4j.collector.telemetry;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;

/**
 * Prometheus text exposition (format 0.0.4) of the snapshots the OpenTelemetry Java SDK's {@code PrometheusMetricReader}
 * produces. Written here rather than with client_java's writer because that writer always appends {@code _total} to
 * counters, while upstream's default reader (and, since v0.151, every reader unless told otherwise) sets
 * {@code without_type_suffix} and {@code without_units}: scrapers and dashboards expect
 * {@code otelcol_exporter_sent_spans}, so the suffixes are optional here.
 */
final class PrometheusText {
    private PrometheusText() {
    }

    static String write(MetricSnapshots snapshots, PrometheusReader options) {
        StringBuilder out = new StringBuilder(4096);
        for (MetricSnapshot s : snapshots) {
            if (s.getDataPoints().isEmpty()) {
                continue;
            }
            String name = name(s.getMetadata(), options);
            switch (s) {
                case CounterSnapshot c -> {
                    String sample = options.withoutTypeSuffix() ? name : name + "_total";
                    header(out, sample, s.getMetadata(), "counter");
                    for (CounterSnapshot.CounterDataPointSnapshot p : c.getDataPoints()) {
                        sample(out, sample, p.getLabels(), null, null, p.getValue());
                    }
                }
                case GaugeSnapshot g -> {
                    header(out, name, s.getMetadata(), "gauge");
                    for (GaugeSnapshot.GaugeDataPointSnapshot p : g.getDataPoints()) {
                        sample(out, name, p.getLabels(), null, null, p.getValue());
                    }
                }
                case HistogramSnapshot h -> {
                    header(out, name, s.getMetadata(), "histogram");
                    for (HistogramSnapshot.HistogramDataPointSnapshot p : h.getDataPoints()) {
                        histogram(out, name, p);
                    }
                }
                case InfoSnapshot i -> {
                    // target_info: Prometheus text format has no info type; it is a gauge of 1
                    String n = s.getMetadata().getPrometheusName().endsWith("_info") ? s.getMetadata().getPrometheusName()
                            : s.getMetadata().getPrometheusName() + "_info";
                    header(out, n, s.getMetadata(), "gauge");
                    for (InfoSnapshot.InfoDataPointSnapshot p : i.getDataPoints()) {
                        sample(out, n, p.getLabels(), null, null, 1);
                    }
                }
                case UnknownSnapshot u -> {
                    header(out, name, s.getMetadata(), "untyped");
                    for (UnknownSnapshot.UnknownDataPointSnapshot p : u.getDataPoints()) {
                        sample(out, name, p.getLabels(), null, null, p.getValue());
                    }
                }
                default -> {
                    // summaries and state sets: the collector records neither
                }
            }
        }
        return out.toString();
    }

    /** The converter has already appended the unit (e.g. {@code _bytes}); without_units takes it off again. */
    private static String name(MetricMetadata m, PrometheusReader options) {
        String n = m.getPrometheusName();
        if (options.withoutUnits() && m.hasUnit()) {
            String suffix = "_" + m.getUnit();
            if (n.endsWith(suffix) && !m.getName().endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    private static void histogram(StringBuilder out, String name, HistogramSnapshot.HistogramDataPointSnapshot p) {
        ClassicHistogramBuckets buckets = p.getClassicBuckets();
        long cumulative = 0;
        for (int i = 0; i < buckets.size(); i++) {
            cumulative += buckets.getCount(i); // the model keeps per-bucket counts; the text format wants cumulative ones
            double le = buckets.getUpperBound(i);
            sample(out, name + "_bucket", p.getLabels(), "le", le == Double.POSITIVE_INFINITY ? "+Inf" : number(le), cumulative);
        }
        if (p.hasSum()) {
            sample(out, name + "_sum", p.getLabels(), null, null, p.getSum());
        }
        sample(out, name + "_count", p.getLabels(), null, null, p.hasCount() ? p.getCount() : cumulative);
    }

    private static void header(StringBuilder out, String name, MetricMetadata m, String type) {
        if (m.getHelp() != null && !m.getHelp().isEmpty()) {
            out.append("# HELP ").append(name).append(' ');
            escape(out, m.getHelp(), false);
            out.append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, Labels labels, String extraName, String extraValue, double value) {
        out.append(name);
        if (!labels.isEmpty() || extraName != null) {
            out.append('{');
            boolean first = true;
            for (int i = 0; i < labels.size(); i++) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(labels.getPrometheusName(i)).append("=\"");
                escape(out, labels.getValue(i), true);
                out.append('"');
            }
            if (extraName != null) {
                if (!first) {
                    out.append(',');
                }
                out.append(extraName).append("=\"").append(extraValue).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(d);
    }

    private static void escape(StringBuilder out, String s, boolean quotes) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quotes ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }

}
