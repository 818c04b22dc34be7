package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Small builders of trace batches for the sampling tests. */
public final class TestTraces {
    private TestTraces() {
    }

    public static TraceId id(long n) {
        return TraceId.of(0x0123456789abcdefL, n);
    }

    /** One batch, one resource (service.name = svc), one scope, one span per customiser. */
    @SafeVarargs
    public static TelemetryBatch<Span> batch(TraceId trace, Consumer<Span>... spans) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> rg = b.addResource();
        rg.resource().attributes().putString("service.name", "svc");
        ScopeGroup<Span> sg = rg.addScope();
        sg.scope().setName("lib");
        long sid = 1;
        for (Consumer<Span> c : spans) {
            Span s = new Span();
            s.setTraceId(trace);
            s.setSpanId(SpanId.of(trace.low() * 1000 + sid++));
            s.setParentSpanId(SpanId.of(42)); // not a root unless a test says so
            s.setName("op");
            s.setStartTimeUnixNano(1_000_000_000L);
            s.setEndTimeUnixNano(1_001_000_000L);
            c.accept(s);
            sg.items().add(s);
        }
        return b;
    }

    /** One batch holding one plain span of each trace. */
    public static TelemetryBatch<Span> batchOf(List<TraceId> ids, Consumer<Span> each) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ScopeGroup<Span> sg = b.addResource().addScope();
        for (TraceId id : ids) {
            Span s = new Span();
            s.setTraceId(id);
            s.setSpanId(SpanId.of(id.low() | 1));
            s.setParentSpanId(SpanId.of(42));
            each.accept(s);
            sg.items().add(s);
        }
        return b;
    }

    public static void error(Span s) {
        Status st = new Status();
        st.setCode(Status.CODE_ERROR);
        s.setStatus(st);
    }

    public static void root(Span s) {
        s.setParentSpanId(SpanId.EMPTY);
    }

    public static void plain(Span s) {
    }

    /** Trace IDs of every span in the batches, in order. */
    public static List<TraceId> traceIds(List<TelemetryBatch<?>> batches) {
        List<TraceId> out = new ArrayList<>();
        for (TelemetryBatch<?> b : batches) {
            for (ResourceGroup<Span> rg : b.asTraces().resources()) {
                for (ScopeGroup<Span> sg : rg.scopes()) {
                    for (Span s : sg.items()) {
                        out.add(s.traceId());
                    }
                }
            }
        }
        return out;
    }
}
