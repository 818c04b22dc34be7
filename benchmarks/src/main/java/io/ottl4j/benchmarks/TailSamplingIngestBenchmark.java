package io.ottl4j.benchmarks;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.processor.tailsampling.TailSamplingProcessorFactory;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest cost per span of {@code tail_sampling} with the seed's policies: {@code consume} of a fresh
 * 128-trace batch (1 662 spans, new trace IDs each time) into a running processor (num_traces 50 000, so at
 * steady state every new trace evicts the oldest; its real one-second ticker decides traces meanwhile).
 * Each op first copies a template batch and renumbers its trace IDs ({@link #copyOnly} measures that part
 * alone); the hand-written baseline groups the same spans by trace into a bounded insertion-ordered map.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TailSamplingIngestBenchmark {
    static final int SPANS = 1662;
    private TelemetryBatch<Span> template;
    private ProcessorFactory.Processor processor;
    private long batchNo;
    private final LinkedHashMap<TraceId, ArrayList<Span>> handBuffer = new LinkedHashMap<>(1 << 16) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TraceId, ArrayList<Span>> eldest) {
            return size() > 50_000;
        }
    };

    @Setup(Level.Trial)
    public void setup() throws Exception {
        if (SamplingFixtures.spanCount() != SPANS) {
            throw new IllegalStateException("fixture size changed: " + SamplingFixtures.spanCount());
        }
        template = SamplingFixtures.batch(0);
        var cfg = SamplingFixtures.config("decision_wait: 30s\nnum_traces: 50000\n" + TailSamplingBenchmark.SEED);
        CreateSettings cs = new CreateSettings(ComponentId.parse("tail_sampling"), Kind.PROCESSOR, SelfTelemetry.noop(), Set.of(), "bench");
        processor = new TailSamplingProcessorFactory().create(cs, cfg, Signal.TRACES, batch -> { });
        processor.start(null);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        processor.shutdown();
    }

    private TelemetryBatch<Span> fresh() {
        TelemetryBatch<Span> b = template.deepCopy();
        SamplingFixtures.renumber(b, ++batchNo);
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public Object copyOnly() {
        return fresh();
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public void ingest() throws Exception {
        processor.consume(fresh());
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public Object handWritten() {
        TelemetryBatch<Span> b = fresh();
        HashMap<TraceId, ArrayList<Span>> byTrace = new HashMap<>();
        for (ResourceGroup<Span> rg : b.resources()) {
            for (ScopeGroup<Span> sg : rg.scopes()) {
                for (Span s : sg.items()) {
                    byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        for (Map.Entry<TraceId, ArrayList<Span>> e : byTrace.entrySet()) {
            handBuffer.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
        return handBuffer;
    }
}
