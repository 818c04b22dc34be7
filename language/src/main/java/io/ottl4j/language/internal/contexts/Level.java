package io.ottl4j.language.internal.contexts;

import static io.ottl4j.language.internal.contexts.Fields.int64;
import static io.ottl4j.language.internal.contexts.Fields.map;
import static io.ottl4j.language.internal.contexts.Fields.string;
import static io.ottl4j.language.internal.contexts.Fields.time;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AnyValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The levels of the telemetry hierarchy whose fields paths reach: each has a path table. A context is
 * its own level plus the higher levels it may reach ({@link ContextPaths}).
 */
public enum Level {
    RESOURCE("resource"),
    SCOPE("instrumentation_scope"),
    SPAN("span"),
    SPANEVENT("spanevent"),
    METRIC("metric"),
    DATAPOINT("datapoint"),
    EXEMPLAR("exemplar"),
    LOG("log"),
    PROFILE("profile"),
    /** The request a record arrived with (upstream's {@code otelcol} context), reachable from every context. */
    OTELCOL("otelcol");

    private final String prefix;
    private Map<String, PathDef> table;

    Level(String prefix) {
        this.prefix = prefix;
    }

    /** The path prefix naming this level from another context. */
    public String prefix() {
        return prefix;
    }

    public Map<String, PathDef> table() {
        return table;
    }

    private static Map<String, PathDef> table(PathDef... defs) {
        Map<String, PathDef> m = new LinkedHashMap<>();
        for (PathDef d : defs) {
            m.put(d.name(), d);
        }
        return Collections.unmodifiableMap(m);
    }

    static {
        RESOURCE.table = table(
                map("attributes", "the resource attributes", c -> c.resourceGroup().resource().attributes()),
                int64("dropped_attributes_count", "attributes dropped from the resource",
                        c -> c.resourceGroup().resource().droppedAttributesCount(),
                        (c, v) -> c.resourceGroup().resource().setDroppedAttributesCount((int) v)),
                string("schema_url", "the schema URL of the resource", c -> c.resourceGroup().schemaUrl(),
                        (c, v) -> c.resourceGroup().setSchemaUrl(v)));
        SCOPE.table = table(
                string("name", "the instrumentation scope name", c -> c.scopeGroup().scope().name(), (c, v) -> c.scopeGroup().scope().setName(v)),
                string("version", "the instrumentation scope version", c -> c.scopeGroup().scope().version(),
                        (c, v) -> c.scopeGroup().scope().setVersion(v)),
                map("attributes", "the instrumentation scope attributes", c -> c.scopeGroup().scope().attributes()),
                int64("dropped_attributes_count", "attributes dropped from the scope",
                        c -> c.scopeGroup().scope().droppedAttributesCount(),
                        (c, v) -> c.scopeGroup().scope().setDroppedAttributesCount((int) v)),
                string("schema_url", "the schema URL of the scope", c -> c.scopeGroup().schemaUrl(), (c, v) -> c.scopeGroup().setSchemaUrl(v)));
        SPAN.table = SpanPaths.table();
        SPANEVENT.table = table(
                string("name", "the event name", c -> c.spanEvent().name(), (c, v) -> c.spanEvent().setName(v)),
                int64("time_unix_nano", "the event time in ns since the epoch", c -> c.spanEvent().timeUnixNano(),
                        (c, v) -> c.spanEvent().setTimeUnixNano(v)),
                time("time", "the event time", c -> c.spanEvent().timeUnixNano(), (c, v) -> c.spanEvent().setTimeUnixNano(v)),
                map("attributes", "the event attributes", c -> c.spanEvent().attributes()),
                int64("dropped_attributes_count", "attributes dropped from the event", c -> c.spanEvent().droppedAttributesCount(),
                        (c, v) -> c.spanEvent().setDroppedAttributesCount((int) v)),
                Fields.readOnly("event_index", "int", "the event's position in its span (read-only)", c -> {
                    if (c.subIndex() < 0) {
                        throw new OttlRuntimeException("the current span event has no index", null);
                    }
                    return (long) c.subIndex();
                }, "event_index is read-only"));
        PROFILE.table = ProfilePaths.table();
        OTELCOL.table = Collections.unmodifiableMap(OtelcolPaths.table());
        METRIC.table = MetricPaths.metricTable();
        DATAPOINT.table = MetricPaths.dataPointTable();
        EXEMPLAR.table = ExemplarPaths.table();
        LOG.table = table(
                int64("time_unix_nano", "the log time in ns since the epoch", c -> c.log().timeUnixNano(), (c, v) -> c.log().setTimeUnixNano(v)),
                int64("observed_time_unix_nano", "when the log was observed, in ns since the epoch", c -> c.log().observedTimeUnixNano(),
                        (c, v) -> c.log().setObservedTimeUnixNano(v)),
                time("time", "the log time", c -> c.log().timeUnixNano(), (c, v) -> c.log().setTimeUnixNano(v)),
                time("observed_time", "when the log was observed", c -> c.log().observedTimeUnixNano(),
                        (c, v) -> c.log().setObservedTimeUnixNano(v)),
                int64("severity_number", "the severity number (SEVERITY_NUMBER_*)", c -> c.log().severityNumber(),
                        (c, v) -> c.log().setSeverityNumber((int) v)),
                string("severity_text", "the severity text", c -> c.log().severityText(), (c, v) -> c.log().setSeverityText(v)),
                body(),
                map("attributes", "the log attributes", c -> c.log().attributes()),
                int64("dropped_attributes_count", "attributes dropped from the log", c -> c.log().droppedAttributesCount(),
                        (c, v) -> c.log().setDroppedAttributesCount((int) v)),
                int64("flags", "the trace flags (1 = sampled)", c -> c.log().flags(), (c, v) -> c.log().setFlags((int) v)),
                Ids.traceId("trace_id", "the trace id", c -> c.log().traceId(), (c, v) -> c.log().setTraceId(v)),
                Ids.spanId("span_id", "the span id", c -> c.log().spanId(), (c, v) -> c.log().setSpanId(v)),
                string("event_name", "the event name of the log record", c -> c.log().eventName(), (c, v) -> c.log().setEventName(v)));
    }

    private static PathDef body() {
        PathDef body = new PathDef("body", "any", "the log body: any value, indexable when it is a map or a list",
                Accessor.of(c -> Values.fromStored(c.log().body()), (c, v, n) -> {
                    Object stored = Values.toStored(v);
                    if (stored != Values.UNSTORABLE) {
                        c.log().setBody(stored);
                    }
                }), PathDef.KeyMode.VALUE);
        return body.child(string("string", "the body rendered as a string (maps and lists as JSON)",
                c -> AnyValue.asString(c.log().body()), (c, v) -> c.log().setBody(v)));
    }
}
