package io.ottl4j.language.internal.contexts;

import static io.ottl4j.language.internal.contexts.Fields.int64;
import static io.ottl4j.language.internal.contexts.Fields.map;
import static io.ottl4j.language.internal.contexts.Fields.string;
import static io.ottl4j.language.internal.contexts.Fields.time;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The span context's path table. */
final class SpanPaths {
    private SpanPaths() {
    }

    private static final List<String> KIND_NAMES = List.of("Unspecified", "Internal", "Server", "Client", "Producer", "Consumer");
    private static final List<String> KIND_ENUM_NAMES = List.of("SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
            "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER");

    static Map<String, PathDef> table() {
        Map<String, PathDef> m = new LinkedHashMap<>();
        for (PathDef d : List.of(
                Ids.traceId("trace_id", "the trace id", c -> c.span().traceId(), (c, v) -> c.span().setTraceId(v)),
                Ids.spanId("span_id", "the span id", c -> c.span().spanId(), (c, v) -> c.span().setSpanId(v)),
                Ids.spanId("parent_span_id", "the parent span id (all zero for a root span)", c -> c.span().parentSpanId(),
                        (c, v) -> c.span().setParentSpanId(v)),
                TraceStates.path(),
                string("name", "the span name", c -> c.span().name(), (c, v) -> c.span().setName(v)),
                kind(),
                int64("start_time_unix_nano", "the start time in ns since the epoch", c -> c.span().startTimeUnixNano(),
                        (c, v) -> c.span().setStartTimeUnixNano(v)),
                int64("end_time_unix_nano", "the end time in ns since the epoch", c -> c.span().endTimeUnixNano(),
                        (c, v) -> c.span().setEndTimeUnixNano(v)),
                time("start_time", "the start time", c -> c.span().startTimeUnixNano(), (c, v) -> c.span().setStartTimeUnixNano(v)),
                time("end_time", "the end time", c -> c.span().endTimeUnixNano(), (c, v) -> c.span().setEndTimeUnixNano(v)),
                map("attributes", "the span attributes", c -> c.span().attributes()),
                int64("dropped_attributes_count", "attributes dropped from the span", c -> c.span().droppedAttributesCount(),
                        (c, v) -> c.span().setDroppedAttributesCount((int) v)),
                int64("dropped_events_count", "events dropped from the span", c -> c.span().droppedEventsCount(),
                        (c, v) -> c.span().setDroppedEventsCount((int) v)),
                int64("dropped_links_count", "links dropped from the span", c -> c.span().droppedLinksCount(),
                        (c, v) -> c.span().setDroppedLinksCount((int) v)),
                int64("flags", "the span's trace flags", c -> c.span().flags(), (c, v) -> c.span().setFlags((int) v)),
                Fields.custom("events", "span events", "the span's events", c -> c.span().events(), (c, v, n) -> Fields.replaceList(c.span().events(), v, SpanEvent.class, SpanEvent::deepCopy, "ptrace.SpanEventSlice", n)),
                Fields.custom("links", "span links", "the span's links", c -> c.span().links(), (c, v, n) -> Fields.replaceList(c.span().links(), v, SpanLink.class, SpanLink::deepCopy, "ptrace.SpanLinkSlice", n)),
                status())) {
            m.put(d.name(), d);
        }
        return m;
    }

    private static PathDef kind() {
        PathDef kind = int64("kind", "the span kind (SPAN_KIND_*)", c -> c.span().kind(), (c, v) -> c.span().setKind((int) v));
        kind.child(Fields.typed("string", "string", "the span kind as Unspecified, Internal, Server, Client, Producer or Consumer",
                c -> kindName(c.span().kind(), KIND_NAMES), (c, v, n) -> {
                    if (v instanceof String s) {
                        int k = KIND_NAMES.indexOf(s);
                        if (k < 0) {
                            throw new OttlRuntimeException("unknown span kind string, " + s, n);
                        }
                        c.span().setKind(k);
                    } else {
                        Writes.reject(Writes.STRING, v, n);
                    }
                }, Writes.STRING));
        kind.child(Fields.typed("deprecated_string", "string", "the span kind as SPAN_KIND_SERVER, ... (deprecated form)",
                c -> kindName(c.span().kind(), KIND_ENUM_NAMES), (c, v, n) -> {
                    if (v instanceof String s) {
                        int k = KIND_ENUM_NAMES.indexOf(s);
                        if (k < 0) {
                            throw new OttlRuntimeException("unknown span kind deprecated string, " + s, n);
                        }
                        c.span().setKind(k);
                    } else {
                        Writes.reject(Writes.STRING, v, n);
                    }
                }, Writes.STRING));
        return kind;
    }

    private static String kindName(int kind, List<String> names) {
        return kind >= 0 && kind < names.size() ? names.get(kind) : "";
    }

    private static PathDef status() {
        PathDef status = Fields.typed("status", "status", "the span status", c -> c.span().status(), (c, v, n) -> {
            if (v instanceof Status s) {
                c.span().setStatus(s.deepCopy());
            } else {
                Writes.reject(Writes.STATUS, v, n);
            }
        }, Writes.STATUS);
        status.child(int64("code", "the status code (STATUS_CODE_*)", c -> c.span().status().code(),
                (c, v) -> c.span().status().setCode((int) v)));
        status.child(string("message", "the status message", c -> c.span().status().message(), (c, v) -> c.span().status().setMessage(v)));
        return status;
    }
}
