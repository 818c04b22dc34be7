package io.ottl4j.benchmarks;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.processor.tailsampling.TailSamplingProcessorFactory;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.List;

/**
 * Traces shaped like upstream's tail-sampling benchmarks: 128 traces per batch with 1, 2, 4, 8, 16 and 48
 * spans in turn (1 662 spans), realistic Mastodon span attributes, a root span per trace, and an ERROR
 * status on one span of every 20th trace.
 */
final class SamplingFixtures {
    static final int TRACES = 128;
    static final int[] SIZES = {1, 2, 4, 8, 16, 48};

    private SamplingFixtures() {
    }

    static int spanCount() {
        int n = 0;
        for (int i = 0; i < TRACES; i++) {
            n += SIZES[i % SIZES.length];
        }
        return n;
    }

    /** One batch of 128 traces; trace IDs are {@code (batch, i)} so every batch holds new traces. */
    static TelemetryBatch<Span> batch(long batchNo) {
        TelemetryBatch<Span> b = SpanFixtures.traces(spanCount(), 11);
        renumber(b, batchNo);
        return b;
    }

    /** Gives the spans of {@code b} (in fixture order) the trace IDs of batch {@code batchNo}. */
    static void renumber(TelemetryBatch<Span> b, long batchNo) {
        int trace = 0;
        int left = SIZES[0];
        boolean first = true;
        for (ResourceGroup<Span> rg : b.resources()) {
            for (ScopeGroup<Span> sg : rg.scopes()) {
                for (Span s : sg.items()) {
                    if (left == 0) {
                        trace++;
                        left = SIZES[trace % SIZES.length];
                        first = true;
                    }
                    s.setTraceId(TraceId.of(0x5a5a5a5a00000000L | batchNo, 0x9e3779b97f4a7c15L * (trace + 1)));
                    s.setParentSpanId(first ? SpanId.EMPTY : SpanId.of(trace + 1));
                    if (trace % 20 == 7 && left == 1) {
                        Status st = new Status();
                        st.setCode(Status.CODE_ERROR);
                        s.setStatus(st);
                    }
                    first = false;
                    left--;
                }
            }
        }
    }

    /** The 128 traces of one batch as the processor buffers them: one chunk each, sharing resource and scope. */
    static TraceData[] traces() {
        TelemetryBatch<Span> b = batch(1);
        ResourceGroup<Span> rg = b.resources().get(0);
        ScopeGroup<Span> sg = rg.scopes().get(0);
        List<TraceData> out = new ArrayList<>();
        ArrayList<Span> spans = new ArrayList<>();
        for (int i = 0; i < sg.items().size(); i++) {
            Span s = sg.items().get(i);
            spans.add(s);
            boolean last = i + 1 == sg.items().size() || !sg.items().get(i + 1).traceId().equals(s.traceId());
            if (last) {
                TraceData t = new TraceData(s.traceId(), 0);
                t.add(new TraceData.Chunk(rg, sg, spans), 0);
                out.add(t);
                spans = new ArrayList<>();
            }
        }
        return out.toArray(TraceData[]::new);
    }

    static TailSamplingProcessorFactory.Config config(String yaml) {
        Problems problems = new Problems();
        TailSamplingProcessorFactory f = new TailSamplingProcessorFactory();
        try {
            Conf c = new Conf(YamlReader.read(yaml, "benchmark.yaml"), "tail_sampling", problems);
            TailSamplingProcessorFactory.Config cfg = f.decode(c);
            c.finish();
            problems.throwIfAny();
            return cfg;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
