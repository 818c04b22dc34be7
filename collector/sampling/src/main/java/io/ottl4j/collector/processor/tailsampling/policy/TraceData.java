package io.ottl4j.collector.processor.tailsampling.policy;

import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans buffered for one trace, as chunks that point at the resource and scope group they arrived in.
 * The processor owns the incoming batches (it declares {@code mutatesData}), so a chunk shares the original
 * resource and scope instead of copying them: only the traces that are kept pay for a copy, when released.
 */
public final class TraceData {
    /** Spans of one trace that arrived in one scope group. */
    public record Chunk(ResourceGroup<Span> resource, ScopeGroup<Span> scope, ArrayList<Span> spans) {
    }

    private final TraceId traceId;
    private final long arrivalNanos;
    private ArrayList<Chunk> chunks = new ArrayList<>(2);
    private int spanCount;
    private long byteSize;
    /** Bit {@code c} set when a span with status code c (UNSET 0, OK 1, ERROR 2) was added. */
    private int statusMask;
    /** The first policy that sampled the trace ({@code tailsampling.policy}). */
    private String sampledBy;
    /** The sub-policy of a composite that sampled the trace ({@code tailsampling.composite_policy}). */
    private volatile String compositePolicy;

    public TraceData(TraceId traceId, long arrivalNanos) {
        this.traceId = traceId;
        this.arrivalNanos = arrivalNanos;
    }

    /** A trace holding every span of {@code batch} (tests and benchmarks). */
    public static TraceData of(TelemetryBatch<Span> batch) {
        TraceData t = null;
        for (ResourceGroup<Span> rg : batch.resources()) {
            for (ScopeGroup<Span> sg : rg.scopes()) {
                if (sg.items().isEmpty()) {
                    continue;
                }
                if (t == null) {
                    t = new TraceData(sg.items().get(0).traceId(), 0);
                }
                t.add(new Chunk(rg, sg, new ArrayList<>(sg.items())), 0);
            }
        }
        return t == null ? new TraceData(TraceId.EMPTY, 0) : t;
    }

    public TraceId traceId() {
        return traceId;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    public int spanCount() {
        return spanCount;
    }

    /** The status codes of the spans, as bits: {@code 1 << code} for each code present. */
    public int statusMask() {
        return statusMask;
    }

    /** The protobuf size of the spans (0 unless a setting or policy needs sizes). */
    public long byteSize() {
        return byteSize;
    }

    public String sampledBy() {
        return sampledBy;
    }

    public void setSampledBy(String policy) {
        sampledBy = policy;
    }

    public String compositePolicy() {
        return compositePolicy;
    }

    public void setCompositePolicy(String name) {
        compositePolicy = name;
    }

    /** Appends spans; merges with the last chunk when they came from the same scope group. */
    public void add(Chunk chunk, long bytes) {
        // status_code (one of the seed's two policies) then answers without walking the spans again
        ArrayList<Span> added = chunk.spans();
        for (int i = 0, n = added.size(); i < n; i++) {
            int code = added.get(i).status().code();
            if (code >= 0 && code < 31) {
                statusMask |= 1 << code;
            }
        }
        if (!chunks.isEmpty()) {
            Chunk last = chunks.get(chunks.size() - 1);
            if (last.scope() == chunk.scope()) {
                last.spans().addAll(chunk.spans());
                spanCount += chunk.spans().size();
                byteSize += bytes;
                return;
            }
        }
        chunks.add(chunk);
        spanCount += chunk.spans().size();
        byteSize += bytes;
    }

    /** Adds to the protobuf size of the trace. */
    public void addBytes(long bytes) {
        byteSize += bytes;
    }

    /** Forgets the spans (the decision stays, for late spans). */
    public List<Chunk> release() {
        List<Chunk> out = chunks;
        chunks = new ArrayList<>(0);
        return out;
    }

    /** Calls {@code test} for every span with its resource and scope; true as soon as one answers true. */
    public boolean anySpan(SpanTest test) throws Exception {
        for (Chunk c : chunks) {
            ArrayList<Span> spans = c.spans();
            for (int i = 0, n = spans.size(); i < n; i++) {
                if (test.test(c.resource(), c.scope(), spans.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A predicate over a span in its resource and scope. */
    @FunctionalInterface
    public interface SpanTest {
        boolean test(ResourceGroup<Span> resource, ScopeGroup<Span> scope, Span span) throws Exception;
    }
}
