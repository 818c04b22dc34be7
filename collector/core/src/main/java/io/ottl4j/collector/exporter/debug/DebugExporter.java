package io.ottl4j.collector.exporter.debug;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.PrintStream;
import java.time.Instant;

final class DebugExporter implements ExporterFactory.Exporter {
    private final CreateSettings settings;
    private final DebugExporterFactory.Config config;
    private final Signal signal;
    private final PrintStream out;

    DebugExporter(CreateSettings settings, DebugExporterFactory.Config config, Signal signal, PrintStream out) {
        this.settings = settings;
        this.config = config;
        this.signal = signal;
        this.out = out;
    }

    @Override
    public void consume(TelemetryBatch<?> batch) {
        StringBuilder sb = new StringBuilder();
        String kind = switch (signal) {
            case TRACES -> "Traces";
            case METRICS -> "Metrics";
            case LOGS -> "Logs";
        };
        sb.append(Instant.now()).append("\tinfo\t").append(kind).append("\t{\"otelcol.component.id\": \"").append(settings.id())
                .append("\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"").append(kind.toLowerCase()).append("\", ");
        sb.append("\"resource ").append(switch (signal) {
            case TRACES -> "spans";
            case METRICS -> "metrics";
            case LOGS -> "logs";
        }).append("\": ").append(batch.resources().size());
        switch (signal) {
            case TRACES -> sb.append(", \"spans\": ").append(batch.itemCount());
            case METRICS -> sb.append(", \"metrics\": ").append(batch.itemCount()).append(", \"data points\": ").append(Batches.count(batch));
            case LOGS -> sb.append(", \"log records\": ").append(batch.itemCount());
        }
        sb.append("}\n");
        if (config.verbosity() == DebugExporterFactory.Verbosity.NORMAL) {
            normal(batch, sb);
        } else if (config.verbosity() == DebugExporterFactory.Verbosity.DETAILED) {
            detailed(batch, sb);
        }
        synchronized (out) {
            out.print(sb);
            out.flush();
        }
    }

    private static void normal(TelemetryBatch<?> batch, StringBuilder sb) {
        for (ResourceGroup<?> rg : batch.resources()) {
            sb.append("ResourceTelemetry #").append(batch.resources().indexOf(rg)).append(' ').append(attrs(rg.resource().attributes())).append('\n');
            for (ScopeGroup<?> sg : rg.scopes()) {
                sb.append("ScopeTelemetry ").append(sg.scope().name()).append(' ').append(sg.scope().version()).append('\n');
                for (Object item : sg.items()) {
                    switch (item) {
                        case Span s -> sb.append(s.name()).append(' ').append(s.traceId().toHex()).append(' ').append(s.spanId())
                                .append(' ').append(attrs(s.attributes())).append('\n');
                        case LogRecord l -> sb.append(AnyValue.asString(l.body())).append(' ').append(attrs(l.attributes())).append('\n');
                        case Metric m -> {
                            for (DataPoint p : m.dataPoints()) {
                                sb.append(m.name()).append(attrs(p.attributes())).append(' ').append(pointValue(p)).append('\n');
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
    }

    private static String pointValue(DataPoint p) {
        if (p instanceof NumberDataPoint n) {
            return n.valueKind() == NumberDataPoint.NumberKind.INT ? Long.toString(n.intValue()) : Double.toString(n.doubleValue());
        }
        return p.toString();
    }

    private static String attrs(AttributeMap m) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(m.keyAt(i)).append('=').append(AnyValue.asString(m.valueAt(i)));
        }
        return sb.append('}').toString();
    }

    private static void detailed(TelemetryBatch<?> batch, StringBuilder sb) {
        int r = 0;
        for (ResourceGroup<?> rg : batch.resources()) {
            sb.append("ResourceTelemetry #").append(r++).append('\n');
            sb.append("Resource SchemaURL: ").append(rg.schemaUrl()).append('\n');
            attrsDetailed("Resource attributes", rg.resource().attributes(), sb);
            int s = 0;
            for (ScopeGroup<?> sg : rg.scopes()) {
                sb.append("ScopeTelemetry #").append(s++).append('\n');
                sb.append("ScopeTelemetry SchemaURL: ").append(sg.schemaUrl()).append('\n');
                sb.append("InstrumentationScope ").append(sg.scope().name()).append(' ').append(sg.scope().version()).append('\n');
                attrsDetailed("InstrumentationScope attributes", sg.scope().attributes(), sb);
                int i = 0;
                for (Object item : sg.items()) {
                    switch (item) {
                        case Span sp -> {
                            sb.append("Span #").append(i++).append('\n');
                            sb.append("    Trace ID       : ").append(sp.traceId().toHex()).append('\n');
                            sb.append("    Parent ID      : ").append(sp.parentSpanId()).append('\n');
                            sb.append("    ID             : ").append(sp.spanId()).append('\n');
                            sb.append("    Name           : ").append(sp.name()).append('\n');
                            sb.append("    Kind           : ").append(sp.kind()).append('\n');
                            sb.append("    Start time     : ").append(time(sp.startTimeUnixNano())).append('\n');
                            sb.append("    End time       : ").append(time(sp.endTimeUnixNano())).append('\n');
                            sb.append("    Status code    : ").append(sp.status().code()).append('\n');
                            sb.append("    Status message : ").append(sp.status().message()).append('\n');
                            attrsDetailed("Attributes", sp.attributes(), sb);
                            int e = 0;
                            for (SpanEvent ev : sp.events()) {
                                sb.append("SpanEvent #").append(e++).append("\n     -> Name: ").append(ev.name()).append('\n');
                            }
                        }
                        case LogRecord l -> {
                            sb.append("LogRecord #").append(i++).append('\n');
                            sb.append("ObservedTimestamp: ").append(time(l.observedTimeUnixNano())).append('\n');
                            sb.append("Timestamp: ").append(time(l.timeUnixNano())).append('\n');
                            sb.append("SeverityText: ").append(l.severityText()).append('\n');
                            sb.append("SeverityNumber: ").append(l.severityNumber()).append('\n');
                            sb.append("Body: ").append(AnyValue.toDebugJson(l.body())).append('\n');
                            attrsDetailed("Attributes", l.attributes(), sb);
                            sb.append("Trace ID: ").append(l.traceId().toHex()).append('\n');
                            sb.append("Span ID: ").append(l.spanId()).append('\n');
                        }
                        case Metric m -> {
                            sb.append("Metric #").append(i++).append('\n');
                            sb.append("Descriptor:\n     -> Name: ").append(m.name()).append("\n     -> Description: ").append(m.description())
                                    .append("\n     -> Unit: ").append(m.unit()).append("\n     -> DataType: ").append(m.type()).append('\n');
                            int p = 0;
                            for (DataPoint dp : m.dataPoints()) {
                                sb.append("DataPoint #").append(p++).append('\n');
                                attrsDetailed("Data point attributes", dp.attributes(), sb);
                                sb.append("StartTimestamp: ").append(time(dp.startTimeUnixNano())).append('\n');
                                sb.append("Timestamp: ").append(time(dp.timeUnixNano())).append('\n');
                                sb.append("Value: ").append(pointValue(dp)).append('\n');
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
    }

    private static String time(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private static void attrsDetailed(String title, AttributeMap m, StringBuilder sb) {
        if (m.isEmpty()) {
            return;
        }
        sb.append(title).append(":\n");
        for (int i = 0; i < m.size(); i++) {
            Object v = m.valueAt(i);
            sb.append("     -> ").append(m.keyAt(i)).append(": ").append(AnyValue.typeOf(v).pdataName()).append('(')
                    .append(AnyValue.asString(v)).append(")\n");
        }
    }
}
