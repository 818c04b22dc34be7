package io.ottl4j.benchmarks;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.processor.tailsampling.TailSamplingProcessorFactory;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained memory per buffered trace and span in {@code tail_sampling}, measured with JOL: the object
 * graph of a processor holding N undecided traces minus that of an empty one, next to the graph of the
 * same spans alone (what any buffer must keep). Not a JMH benchmark: run
 * {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.ottl4j.benchmarks.TailSamplingMemory}.
 */
public final class TailSamplingMemory {
    private TailSamplingMemory() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        var cfg = SamplingFixtures.config("decision_wait: 30s\nnum_traces: 50000\n" + TailSamplingBenchmark.SEED);
        CreateSettings cs = new CreateSettings(ComponentId.parse("tail_sampling"), Kind.PROCESSOR, SelfTelemetry.noop(), Set.of(), "bench");
        ProcessorFactory.Processor p = new TailSamplingProcessorFactory().create(cs, cfg, io.ottl4j.pdata.Signal.TRACES, b -> { });
        long empty = GraphLayout.parseInstance(p).totalSize();
        List<Span> spans = new ArrayList<>();
        List<TelemetryBatch<Span>> copies = new ArrayList<>();
        for (int i = 1; i <= batches; i++) {
            TelemetryBatch<Span> b = SamplingFixtures.batch(i);
            TelemetryBatch<Span> mirror = SamplingFixtures.batch(i); // the same spans, kept apart to size them alone
            mirror.resources().forEach(rg -> rg.scopes().forEach(sg -> spans.addAll(sg.items())));
            copies.add(mirror);
            p.consume(b);
        }
        long full = GraphLayout.parseInstance(p).totalSize();
        long spansOnly = GraphLayout.parseInstance(spans.toArray()).totalSize() - GraphLayout.parseInstance((Object) new Object[spans.size()]).totalSize();
        int traces = batches * SamplingFixtures.TRACES;
        long retained = full - empty;
        System.out.printf("traces=%d spans=%d%n", traces, spans.size());
        System.out.printf("retained by the processor: %d B = %.0f B/trace, %.0f B/span%n", retained, (double) retained / traces, (double) retained / spans.size());
        System.out.printf("of which the spans themselves: %.0f B/span; bookkeeping: %.0f B/trace%n", (double) spansOnly / spans.size(),
                (double) (retained - spansOnly) / traces);
        p.shutdown();
    }
}
