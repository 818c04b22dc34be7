package io.ottl4j.repl.data;

import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.GoFloat;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TraceId;
import java.util.List;

/**
 * Builds the {@link Tree} of each kind of record. Fields at their default (empty string, zero, empty id)
 * are left out, as OTLP/JSON leaves them out, so trees stay short.
 */
public final class Trees {
    private static final List<String> SPAN_KINDS = List.of("SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
            "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER");
    private static final List<String> STATUS_CODES = List.of("STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR");
    private static final List<String> TEMPORALITIES = List.of("AGGREGATION_TEMPORALITY_UNSPECIFIED", "AGGREGATION_TEMPORALITY_DELTA",
            "AGGREGATION_TEMPORALITY_CUMULATIVE");
    private static final List<String> METRIC_TYPES = List.of("METRIC_DATA_TYPE_NONE", "METRIC_DATA_TYPE_GAUGE", "METRIC_DATA_TYPE_SUM",
            "METRIC_DATA_TYPE_HISTOGRAM", "METRIC_DATA_TYPE_EXPONENTIAL_HISTOGRAM", "METRIC_DATA_TYPE_SUMMARY");

    private Trees() {
    }

    public static Tree resource(ResourceGroup<?> rg) {
        Tree t = Tree.root();
        attributes(t, "attributes", rg.resource().attributes());
        count(t, "dropped_attributes_count", rg.resource().droppedAttributesCount());
        string(t, "schema_url", rg.schemaUrl());
        return t;
    }

    public static Tree scope(ScopeGroup<?> sg) {
        Tree t = Tree.root();
        InstrumentationScope s = sg.scope();
        string(t, "name", s.name());
        string(t, "version", s.version());
        attributes(t, "attributes", s.attributes());
        count(t, "dropped_attributes_count", s.droppedAttributesCount());
        string(t, "schema_url", sg.schemaUrl());
        return t;
    }

    /** A span; with {@code nested}, its events too (for {@code :show}; the diff has events as records of their own). */
    public static Tree span(Span s, boolean nested) {
        Tree t = Tree.root();
        t.leaf("name", Render.quote(s.name()));
        t.leaf("kind", symbol(SPAN_KINDS, s.kind()));
        t.leaf("trace_id", s.traceId().isEmpty() ? "<empty>" : s.traceId().toHex());
        t.leaf("span_id", s.spanId().isEmpty() ? "<empty>" : s.spanId().toHex());
        if (!s.parentSpanId().isEmpty()) {
            t.leaf("parent_span_id", s.parentSpanId().toHex());
        }
        string(t, "trace_state", s.traceState());
        count(t, "flags", s.flags());
        t.leaf("start_time_unix_nano", Render.unixNano(s.startTimeUnixNano()));
        t.leaf("end_time_unix_nano", Render.unixNano(s.endTimeUnixNano()));
        attributes(t, "attributes", s.attributes());
        count(t, "dropped_attributes_count", s.droppedAttributesCount());
        if (s.status().code() != 0 || !s.status().message().isEmpty()) {
            Tree st = t.node("status");
            st.leaf("code", symbol(STATUS_CODES, s.status().code()));
            if (!s.status().message().isEmpty()) {
                st.leaf("message", Render.quote(s.status().message()));
            }
        }
        if (nested) {
            for (int i = 0; i < s.events().size(); i++) {
                event(t.node("events[" + i + "]"), s.events().get(i));
            }
        } else if (!s.events().isEmpty()) {
            t.leaf("events", s.events().size() + " (the spanevent context)");
        }
        count(t, "dropped_events_count", s.droppedEventsCount());
        for (int i = 0; i < s.links().size(); i++) {
            SpanLink l = s.links().get(i);
            Tree lt = t.node("links[" + i + "]");
            lt.leaf("trace_id", l.traceId().toHex());
            lt.leaf("span_id", l.spanId().toHex());
            string(lt, "trace_state", l.traceState());
            attributes(lt, "attributes", l.attributes());
        }
        count(t, "dropped_links_count", s.droppedLinksCount());
        return t;
    }

    public static Tree event(SpanEvent e) {
        Tree t = Tree.root();
        event(t, e);
        return t;
    }

    private static void event(Tree t, SpanEvent e) {
        t.leaf("name", Render.quote(e.name()));
        t.leaf("time_unix_nano", Render.unixNano(e.timeUnixNano()));
        attributes(t, "attributes", e.attributes());
        count(t, "dropped_attributes_count", e.droppedAttributesCount());
    }

    public static Tree log(LogRecord l) {
        Tree t = Tree.root();
        if (l.timeUnixNano() != 0) {
            t.leaf("time_unix_nano", Render.unixNano(l.timeUnixNano()));
        }
        if (l.observedTimeUnixNano() != 0) {
            t.leaf("observed_time_unix_nano", Render.unixNano(l.observedTimeUnixNano()));
        }
        t.leaf("severity_number", severity(l.severityNumber()));
        string(t, "severity_text", l.severityText());
        value(t, "body", l.body());
        attributes(t, "attributes", l.attributes());
        count(t, "dropped_attributes_count", l.droppedAttributesCount());
        count(t, "flags", l.flags());
        ids(t, l.traceId(), l.spanId());
        string(t, "event_name", l.eventName());
        return t;
    }

    /** A metric; with {@code nested}, its data points too. */
    public static Tree metric(Metric m, boolean nested) {
        Tree t = Tree.root();
        t.leaf("name", Render.quote(m.name()));
        string(t, "description", m.description());
        string(t, "unit", m.unit());
        t.leaf("type", symbol(METRIC_TYPES, m.type().number()));
        if (m.type().hasTemporality()) {
            t.leaf("aggregation_temporality", symbol(TEMPORALITIES, m.aggregationTemporality()));
        }
        if (m.type() == io.ottl4j.pdata.MetricType.SUM) {
            t.leaf("is_monotonic", Boolean.toString(m.isMonotonic()));
        }
        attributes(t, "metadata", m.metadata());
        if (nested) {
            for (int i = 0; i < m.dataPoints().size(); i++) {
                dataPoint(t.node("data_points[" + i + "]"), m.dataPoints().get(i));
            }
        } else {
            t.leaf("data_points", m.dataPoints().size() + " (the datapoint context)");
        }
        return t;
    }

    public static Tree dataPoint(DataPoint p) {
        Tree t = Tree.root();
        dataPoint(t, p);
        return t;
    }

    private static void dataPoint(Tree t, DataPoint p) {
        attributes(t, "attributes", p.attributes());
        if (p.startTimeUnixNano() != 0) {
            t.leaf("start_time_unix_nano", Render.unixNano(p.startTimeUnixNano()));
        }
        t.leaf("time_unix_nano", Render.unixNano(p.timeUnixNano()));
        switch (p) {
            case NumberDataPoint n -> {
                switch (n.valueKind()) {
                    case INT -> t.leaf("value_int", Long.toString(n.intValue()));
                    case DOUBLE -> t.leaf("value_double", GoFloat.formatJson(n.doubleValue()));
                    default -> { }
                }
            }
            case HistogramDataPoint h -> {
                t.leaf("count", Long.toUnsignedString(h.count()));
                if (h.hasSum()) {
                    t.leaf("sum", GoFloat.formatJson(h.sum()));
                }
                t.leaf("bucket_counts", Render.value(h.bucketCounts()));
                t.leaf("explicit_bounds", Render.value(h.explicitBounds()));
                if (h.hasMin()) {
                    t.leaf("min", GoFloat.formatJson(h.min()));
                }
                if (h.hasMax()) {
                    t.leaf("max", GoFloat.formatJson(h.max()));
                }
            }
            case ExponentialHistogramDataPoint e -> {
                t.leaf("count", Long.toUnsignedString(e.count()));
                if (e.hasSum()) {
                    t.leaf("sum", GoFloat.formatJson(e.sum()));
                }
                t.leaf("scale", Integer.toString(e.scale()));
                t.leaf("zero_count", Long.toUnsignedString(e.zeroCount()));
                if (!e.positive().isEmpty()) {
                    t.leaf("positive.offset", Integer.toString(e.positive().offset()));
                    t.leaf("positive.bucket_counts", Render.value(e.positive().bucketCounts()));
                }
                if (!e.negative().isEmpty()) {
                    t.leaf("negative.offset", Integer.toString(e.negative().offset()));
                    t.leaf("negative.bucket_counts", Render.value(e.negative().bucketCounts()));
                }
            }
            case SummaryDataPoint s -> {
                t.leaf("count", Long.toUnsignedString(s.count()));
                t.leaf("sum", GoFloat.formatJson(s.sum()));
                for (int i = 0; i < s.quantileValues().size(); i++) {
                    var q = s.quantileValues().get(i);
                    t.leaf("quantile_values[" + i + "]", "{quantile: " + GoFloat.formatJson(q.quantile()) + ", value: "
                            + GoFloat.formatJson(q.value()) + "}");
                }
            }
        }
        count(t, "flags", p.flags());
        for (int i = 0; i < p.exemplars().size(); i++) {
            t.leaf("exemplars[" + i + "]", exemplarText(p.exemplars().get(i)));
        }
    }

    /** An exemplar record (the exemplar context). */
    public static Tree exemplar(Exemplar x) {
        Tree t = Tree.root();
        t.leaf("time_unix_nano", Render.unixNano(x.timeUnixNano()));
        switch (x.valueKind()) {
            case INT -> t.leaf("int_value", Long.toString(x.intValue()));
            case DOUBLE -> t.leaf("double_value", GoFloat.formatJson(x.doubleValue()));
            default -> { }
        }
        ids(t, x.traceId(), x.spanId());
        attributes(t, "filtered_attributes", x.filteredAttributes());
        return t;
    }

    private static void ids(Tree t, TraceId traceId, SpanId spanId) {
        if (!traceId.isEmpty()) {
            t.leaf("trace_id", traceId.toHex());
        }
        if (!spanId.isEmpty()) {
            t.leaf("span_id", spanId.toHex());
        }
    }

    private static String exemplarText(Exemplar x) {
        StringBuilder sb = new StringBuilder("{time_unix_nano: ").append(x.timeUnixNano());
        switch (x.valueKind()) {
            case INT -> sb.append(", int_value: ").append(x.intValue());
            case DOUBLE -> sb.append(", double_value: ").append(GoFloat.formatJson(x.doubleValue()));
            default -> { }
        }
        if (!x.traceId().isEmpty()) {
            sb.append(", trace_id: ").append(x.traceId().toHex());
        }
        if (!x.filteredAttributes().isEmpty()) {
            sb.append(", filtered_attributes: ").append(x.filteredAttributes().size());
        }
        return sb.append('}').toString();
    }

    // ------------------------------------------------------------------ fields

    private static void string(Tree t, String name, String v) {
        if (v != null && !v.isEmpty()) {
            t.leaf(name, Render.quote(v));
        }
    }

    private static void count(Tree t, String name, long v) {
        if (v != 0) {
            t.leaf(name, Long.toString(v));
        }
    }

    private static void attributes(Tree t, String name, AttributeMap m) {
        if (m.isEmpty()) {
            return;
        }
        Tree a = t.node(name);
        map(a, m);
    }

    private static void map(Tree t, AttributeMap m) {
        for (int i = 0; i < m.size(); i++) {
            value(t, "[" + Render.quote(m.keyAt(i)) + "]", m.valueAt(i));
        }
        t.emptyAs("{}");
    }

    private static void value(Tree t, String name, Object v) {
        if (v instanceof AttributeMap m) {
            if (m.isEmpty()) {
                t.leaf(name, "{}");
            } else {
                map(t.node(name), m);
            }
        } else if (v instanceof AttributeList l) {
            if (l.isEmpty()) {
                t.leaf(name, "[]");
            } else {
                Tree lt = t.node(name);
                for (int i = 0; i < l.size(); i++) {
                    value(lt, "[" + i + "]", l.get(i));
                }
            }
        } else {
            t.leaf(name, Render.value(v));
        }
    }

    private static String symbol(List<String> names, long n) {
        return n >= 0 && n < names.size() ? names.get((int) n) : Long.toString(n);
    }

    private static String severity(int n) {
        if (n == 0) {
            return "SEVERITY_NUMBER_UNSPECIFIED";
        }
        if (n < 1 || n > 24) {
            return Integer.toString(n);
        }
        String[] levels = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
        int level = (n - 1) / 4;
        int sub = (n - 1) % 4;
        return "SEVERITY_NUMBER_" + levels[level] + (sub == 0 ? "" : Integer.toString(sub + 1));
    }
}
