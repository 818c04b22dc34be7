package io.ottl4j.collector.exporter.debug;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ProfilesDictionary;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The debug exporter's {@code verbosity: detailed} text, laid out as upstream's (otlptext): enums by their pdata
 * names ({@code Server}, {@code Ok}, {@code Info}, {@code Gauge}, {@code Cumulative}), empty IDs left blank (a root
 * span has no parent ID), timestamps as Go prints a UTC time ({@code 2020-02-11 20:26:12.000000321 +0000 UTC}).
 */
final class DetailedText {
    private static final String[] KINDS = {"Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"};
    private static final String[] STATUS = {"Unset", "Ok", "Error"};
    private static final String[] TEMPORALITY = {"Unspecified", "Delta", "Cumulative"};
    private static final String[] SEVERITY_LEVELS = {"Trace", "Debug", "Info", "Warn", "Error", "Fatal"};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private DetailedText() {
    }

    static void append(TelemetryBatch<?> batch, StringBuilder sb) {
        String plural = switch (batch.signal()) {
            case TRACES -> "Spans";
            case METRICS -> "Metrics";
            case LOGS -> "Logs";
            case PROFILES -> "Profiles";
        };
        // upstream's own spelling: "ResourceLog #0" but "ResourceSpans #0" and "ResourceMetrics #0"
        String resource = batch.signal() == Signal.LOGS ? "ResourceLog" : "Resource" + plural;
        int r = 0;
        for (ResourceGroup<?> rg : batch.resources()) {
            sb.append(resource).append(" #").append(r++).append('\n');
            sb.append("Resource SchemaURL: ").append(rg.schemaUrl()).append('\n');
            attributes("Resource attributes", rg.resource().attributes(), sb);
            int s = 0;
            for (ScopeGroup<?> sg : rg.scopes()) {
                sb.append("Scope").append(plural).append(" #").append(s++).append('\n');
                sb.append("Scope").append(plural).append(" SchemaURL: ").append(sg.schemaUrl()).append('\n');
                InstrumentationScope scope = sg.scope();
                sb.append("InstrumentationScope ").append(scope.name()).append(' ').append(scope.version()).append('\n');
                attributes("InstrumentationScope attributes", scope.attributes(), sb);
                int i = 0;
                for (Object item : sg.items()) {
                    switch (item) {
                        case Span sp -> span(i++, sp, sb);
                        case LogRecord l -> log(i++, l, sb);
                        case Metric m -> metric(i++, m, sb);
                        case Profile p -> profile(i++, p, sb);
                        default -> { }
                    }
                }
            }
        }
    }

    private static void span(int i, Span sp, StringBuilder sb) {
        sb.append("Span #").append(i).append('\n');
        field("Trace ID", sp.traceId().isEmpty() ? "" : sp.traceId().toHex(), sb);
        field("Parent ID", sp.parentSpanId().isEmpty() ? "" : sp.parentSpanId().toHex(), sb);
        field("ID", sp.spanId().isEmpty() ? "" : sp.spanId().toHex(), sb);
        field("Name", sp.name(), sb);
        field("Kind", name(KINDS, sp.kind()), sb);
        if (!sp.traceState().isEmpty()) {
            field("TraceState", sp.traceState(), sb);
        }
        field("Start time", time(sp.startTimeUnixNano()), sb);
        field("End time", time(sp.endTimeUnixNano()), sb);
        field("Status code", name(STATUS, sp.status().code()), sb);
        field("Status message", sp.status().message(), sb);
        attributes("Attributes", sp.attributes(), sb);
        if (!sp.events().isEmpty()) {
            sb.append("Events:\n");
            int e = 0;
            for (SpanEvent ev : sp.events()) {
                sb.append("SpanEvent #").append(e++).append('\n');
                sb.append("     -> Name: ").append(ev.name()).append('\n');
                sb.append("     -> Timestamp: ").append(time(ev.timeUnixNano())).append('\n');
                attributes("     -> Attributes:", ev.attributes(), sb);
            }
        }
        if (!sp.links().isEmpty()) {
            sb.append("Links:\n");
            int l = 0;
            for (SpanLink link : sp.links()) {
                sb.append("SpanLink #").append(l++).append('\n');
                sb.append("     -> Trace ID: ").append(link.traceId().isEmpty() ? "" : link.traceId().toHex()).append('\n');
                sb.append("     -> ID: ").append(link.spanId().isEmpty() ? "" : link.spanId().toHex()).append('\n');
                sb.append("     -> TraceState: ").append(link.traceState()).append('\n');
                attributes("     -> Attributes:", link.attributes(), sb);
            }
        }
    }

    private static void log(int i, LogRecord l, StringBuilder sb) {
        sb.append("LogRecord #").append(i).append('\n');
        sb.append("ObservedTimestamp: ").append(time(l.observedTimeUnixNano())).append('\n');
        sb.append("Timestamp: ").append(time(l.timeUnixNano())).append('\n');
        sb.append("SeverityText: ").append(l.severityText()).append('\n');
        sb.append("SeverityNumber: ").append(severity(l.severityNumber())).append('(').append(l.severityNumber()).append(")\n");
        if (l.eventName() != null && !l.eventName().isEmpty()) {
            sb.append("EventName: ").append(l.eventName()).append('\n');
        }
        sb.append("Body: ").append(value(l.body())).append('\n');
        attributes("Attributes", l.attributes(), sb);
        sb.append("Trace ID: ").append(l.traceId().isEmpty() ? "" : l.traceId().toHex()).append('\n');
        sb.append("Span ID: ").append(l.spanId().isEmpty() ? "" : l.spanId().toHex()).append('\n');
        sb.append("Flags: ").append(l.flags()).append('\n');
    }

    /** A profile as upstream's debug exporter prints one: header fields, attributes, then each sample. */
    private static void profile(int i, Profile p, StringBuilder sb) {
        ProfilesDictionary d = p.dictionary();
        sb.append("Profile #").append(i).append('\n');
        sb.append("Profile ID: ").append(p.hasProfileId() ? java.util.HexFormat.of().formatHex(p.profileId()) : "").append('\n');
        sb.append("Start time: ").append(time(p.timeUnixNano())).append('\n');
        sb.append("Duration: ").append(p.durationNano()).append('\n');
        sb.append("Dropped attributes count: ").append(Integer.toUnsignedLong(p.droppedAttributesCount())).append('\n');
        sb.append("Sample type: ").append(d.string(p.sampleType().typeStrindex())).append('\n');
        attributes("Attributes", p.attributes(), sb);
        int n = 0;
        for (Profile.Sample s : p.samples()) {
            sb.append("    Sample #").append(n++).append('\n');
            sb.append("        Values: ").append(java.util.Arrays.toString(s.values())).append('\n');
            attributes("        -> Attributes", d.attributes(io.ottl4j.pdata.IntList.of(s.attributeIndices())), sb);
        }
    }

    private static void metric(int i, Metric m, StringBuilder sb) {
        sb.append("Metric #").append(i).append('\n');
        sb.append("Descriptor:\n");
        sb.append("     -> Name: ").append(m.name()).append('\n');
        sb.append("     -> Description: ").append(m.description()).append('\n');
        sb.append("     -> Unit: ").append(m.unit()).append('\n');
        sb.append("     -> DataType: ").append(dataType(m.type())).append('\n');
        if (m.type() == MetricType.SUM) {
            sb.append("     -> IsMonotonic: ").append(m.isMonotonic()).append('\n');
        }
        if (m.type() == MetricType.SUM || m.type() == MetricType.HISTOGRAM || m.type() == MetricType.EXPONENTIAL_HISTOGRAM) {
            sb.append("     -> AggregationTemporality: ").append(name(TEMPORALITY, m.aggregationTemporality())).append('\n');
        }
        String points = switch (m.type()) {
            case GAUGE, SUM -> "NumberDataPoints";
            case HISTOGRAM -> "HistogramDataPoints";
            case EXPONENTIAL_HISTOGRAM -> "ExponentialHistogramDataPoints";
            case SUMMARY -> "SummaryDataPoints";
            case EMPTY -> "DataPoints";
        };
        int p = 0;
        for (DataPoint dp : m.dataPoints()) {
            sb.append(points).append(" #").append(p++).append('\n');
            attributes("Data point attributes", dp.attributes(), sb);
            sb.append("StartTimestamp: ").append(time(dp.startTimeUnixNano())).append('\n');
            sb.append("Timestamp: ").append(time(dp.timeUnixNano())).append('\n');
            if (dp instanceof NumberDataPoint n) {
                sb.append("Value: ").append(n.valueKind() == NumberDataPoint.NumberKind.INT ? Long.toString(n.intValue())
                        : String.format(Locale.ROOT, "%f", n.doubleValue())).append('\n'); // Go's %f
            } else {
                sb.append("Value: ").append(dp).append('\n');
            }
        }
    }

    private static String dataType(MetricType t) {
        return switch (t) {
            case EMPTY -> "Empty";
            case GAUGE -> "Gauge";
            case SUM -> "Sum";
            case HISTOGRAM -> "Histogram";
            case EXPONENTIAL_HISTOGRAM -> "ExponentialHistogram";
            case SUMMARY -> "Summary";
        };
    }

    /** plog's SeverityNumber names: Unspecified, Trace, Trace2 ... Fatal4. */
    static String severity(int n) {
        if (n < 1 || n > 24) {
            return n == 0 ? "Unspecified" : "SeverityNumber(" + n + ")";
        }
        int step = (n - 1) % 4;
        return SEVERITY_LEVELS[(n - 1) / 4] + (step == 0 ? "" : Integer.toString(step + 1));
    }

    private static String name(String[] names, int n) {
        return n >= 0 && n < names.length ? names[n] : Integer.toString(n);
    }

    private static void field(String name, String value, StringBuilder sb) {
        sb.append("    ").append(name).append(" ".repeat(Math.max(0, 15 - name.length()))).append(": ").append(value).append('\n');
    }

    static void attributes(String title, AttributeMap m, StringBuilder sb) {
        if (m.isEmpty()) {
            return;
        }
        sb.append(title).append(":\n");
        // nested headers ("     -> Attributes:") indent their entries further, as upstream does
        String prefix = title.contains("->") ? title.substring(0, title.indexOf("->")) + "     ->" : "     ->";
        for (int i = 0; i < m.size(); i++) {
            sb.append(prefix).append(' ').append(m.keyAt(i)).append(": ").append(value(m.valueAt(i))).append('\n');
        }
    }

    private static String value(Object v) {
        return AnyValue.typeOf(v).pdataName() + "(" + AnyValue.asString(v) + ")";
    }

    /** Go's {@code time.Time.String()} of a UTC time: fractional seconds without trailing zeros. */
    static String time(long unixNano) {
        Instant t = Instant.ofEpochSecond(0, unixNano);
        StringBuilder b = new StringBuilder(SECONDS.format(t.atOffset(ZoneOffset.UTC)));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
            b.append('.').append(frac);
        }
        return b.append(" +0000 UTC").toString();
    }
}
