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
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.collector.telemetry.ComponentLogs;
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
            case PROFILES -> "Profiles";
        };
        sb.append(ComponentLogs.timestamp(Instant.now())).append("\tinfo\t").append(kind).append("\t{\"otelcol.component.id\": \"").append(settings.id())
                .append("\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"").append(kind.toLowerCase()).append("\", ");
        sb.append("\"resource ").append(switch (signal) {
            case TRACES -> "spans";
            case METRICS -> "metrics";
            case LOGS -> "logs";
            case PROFILES -> "profiles";
        }).append("\": ").append(batch.resources().size());
        switch (signal) {
            case TRACES -> sb.append(", \"spans\": ").append(batch.itemCount());
            case METRICS -> sb.append(", \"metrics\": ").append(batch.itemCount()).append(", \"data points\": ").append(Batches.count(batch));
            case LOGS -> sb.append(", \"log records\": ").append(batch.itemCount());
            case PROFILES -> sb.append(", \"sample records\": ").append(sampleCount(batch.asProfiles()));
        }
        sb.append("}\n");
        if (config.verbosity() == DebugExporterFactory.Verbosity.NORMAL) {
            normal(batch, sb);
        } else if (config.verbosity() == DebugExporterFactory.Verbosity.DETAILED) {
            DetailedText.append(batch, sb);
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
                        case Profile p -> sb.append(p.hasProfileId() ? java.util.HexFormat.of().formatHex(p.profileId()) : "")
                                .append(" samples=").append(p.samples().size()).append(' ').append(attrs(p.attributes())).append('\n');
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

    private static int sampleCount(TelemetryBatch<Profile> batch) {
        int n = 0;
        for (ResourceGroup<Profile> rg : batch.resources()) {
            for (ScopeGroup<Profile> sg : rg.scopes()) {
                for (Profile p : sg.items()) {
                    n += p.samples().size();
                }
            }
        }
        return n;
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

}
