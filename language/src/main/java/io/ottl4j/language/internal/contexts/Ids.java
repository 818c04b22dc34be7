package io.ottl4j.language.internal.contexts;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Trace and span id paths and their {@code .string} hex twins. */
final class Ids {
    private Ids() {
    }

    static PathDef traceId(String name, String doc, Function<TransformContext, TraceId> get, BiConsumer<TransformContext, TraceId> set) {
        PathDef def = Fields.typed(name, "trace id", doc, get::apply, (c, v, n) -> {
            if (v instanceof TraceId id) {
                set.accept(c, id);
            } else {
                Writes.reject(Writes.TRACE_ID, v, n);
            }
        }, Writes.TRACE_ID);
        return def.child(Fields.typed("string", "string", "the trace id as 32 lowercase hex characters",
                c -> get.apply(c).toHex(), (c, v, n) -> {
                    if (v instanceof String s) {
                        set.accept(c, parseTraceId(s, n));
                    } else {
                        Writes.reject(Writes.STRING, v, n);
                    }
                }, Writes.STRING));
    }

    static PathDef spanId(String name, String doc, Function<TransformContext, SpanId> get, BiConsumer<TransformContext, SpanId> set) {
        PathDef def = Fields.typed(name, "span id", doc, get::apply, (c, v, n) -> {
            if (v instanceof SpanId id) {
                set.accept(c, id);
            } else {
                Writes.reject(Writes.SPAN_ID, v, n);
            }
        }, Writes.SPAN_ID);
        return def.child(Fields.typed("string", "string", "the span id as 16 lowercase hex characters",
                c -> get.apply(c).toHex(), (c, v, n) -> {
                    if (v instanceof String s) {
                        set.accept(c, parseSpanId(s, n));
                    } else {
                        Writes.reject(Writes.STRING, v, n);
                    }
                }, Writes.STRING));
    }

    private static TraceId parseTraceId(String s, com.oracle.truffle.api.nodes.Node n) {
        if (s.length() != 32) {
            throw new OttlRuntimeException("trace ids must be 32 hex characters", n);
        }
        try {
            return TraceId.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw new OttlRuntimeException("trace ids must be 32 hex characters: " + e.getMessage(), n);
        }
    }

    private static SpanId parseSpanId(String s, com.oracle.truffle.api.nodes.Node n) {
        if (s.length() != 16) {
            throw new OttlRuntimeException("span ids must be 16 hex characters", n);
        }
        try {
            return SpanId.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw new OttlRuntimeException("span ids must be 16 hex characters: " + e.getMessage(), n);
        }
    }
}
