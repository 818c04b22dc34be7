package io.ottl4j.language.internal.contexts;

import static io.ottl4j.language.internal.contexts.Fields.int64;
import static io.ottl4j.language.internal.contexts.Fields.map;
import static io.ottl4j.language.internal.contexts.Fields.time;

import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exemplar path table (upstream's ctxexemplar). Unlike the span and log ids, the exemplar's
 * {@code trace_id} and {@code span_id} have no {@code .string} sub-path upstream, so none is offered here:
 * a statement valid here stays valid in the upstream collector.
 */
final class ExemplarPaths {
    private ExemplarPaths() {
    }

    static Map<String, PathDef> table() {
        Map<String, PathDef> m = new LinkedHashMap<>();
        List.of(
                int64("time_unix_nano", "the exemplar time in ns since the epoch", c -> c.exemplar().timeUnixNano(),
                        (c, v) -> c.exemplar().setTimeUnixNano(v)),
                time("time", "the exemplar time", c -> c.exemplar().timeUnixNano(), (c, v) -> c.exemplar().setTimeUnixNano(v)),
                // both values read as in pdata: 0 when the exemplar holds the other kind; a write switches the kind
                Fields.float64If("double_value", "the exemplar value as a double (0 when it holds an int)", c -> true,
                        c -> c.exemplar().doubleValue(), (c, v) -> c.exemplar().setDoubleValue(v)),
                int64("int_value", "the exemplar value as an int (0 when it holds a double)", c -> c.exemplar().intValue(),
                        (c, v) -> c.exemplar().setIntValue(v)),
                Fields.custom("trace_id", "trace id", "the trace id of the exemplar's span", c -> c.exemplar().traceId(), (c, v, n) -> {
                    if (v instanceof TraceId id) {
                        c.exemplar().setTraceId(id);
                    }
                }),
                Fields.custom("span_id", "span id", "the span id of the exemplar's span", c -> c.exemplar().spanId(), (c, v, n) -> {
                    if (v instanceof SpanId id) {
                        c.exemplar().setSpanId(id);
                    }
                }),
                map("filtered_attributes", "the attributes filtered out of the data point when the exemplar was recorded",
                        c -> c.exemplar().filteredAttributes()))
                .forEach(d -> m.put(d.name(), d));
        return Collections.unmodifiableMap(m);
    }
}
