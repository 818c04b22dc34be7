package io.ottl4j.benchmarks;

import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.Records;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The span statement group of the Mastodon collector config, compiled by ottl4j, beside hand-written
 * Java doing the same work. One operation = one span processed (condition + statement).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MastodonStatementsBenchmark {
    static final int SPANS = 1000;
    static final String CONDITION = "attributes[\"code.namespace\"] != nil";
    static final String STATEMENT = "set(attributes[\"resource.name\"], Concat([attributes[\"code.namespace\"], attributes[\"code.function\"]], \"#\"))";

    private TelemetryBatch<Span> batch;
    private List<TransformContext> records;
    private CompiledStatements group;

    @Setup
    public void setup() throws Exception {
        batch = SpanFixtures.traces(SPANS, 42);
        records = Records.list(ContextKind.SPAN, batch);
        group = Ottl.create().compileGroup(ContextKind.SPAN, List.of(CONDITION), List.of(STATEMENT), ErrorMode.IGNORE);
    }

    /** The group on a whole batch, as the transform processor runs it. */
    @Benchmark
    @OperationsPerInvocation(SPANS)
    public void ottl() {
        group.execute(batch);
    }

    /** One call from Java per record: shows what entering compiled code costs. */
    @Benchmark
    @OperationsPerInvocation(SPANS)
    public void ottlPerRecordCall() {
        for (int i = 0; i < records.size(); i++) {
            group.execute(records.get(i));
        }
    }

    /** What a Java developer would write for the same group, walking the same batch. */
    @Benchmark
    @OperationsPerInvocation(SPANS)
    public void handWritten() {
        for (ResourceGroup<Span> rg : batch.resources()) {
            for (ScopeGroup<Span> sg : rg.scopes()) {
                List<Span> spans = sg.items();
                for (int i = 0; i < spans.size(); i++) {
                    AttributeMap a = spans.get(i).attributes();
                    Object ns = a.get("code.namespace");
                    if (ns != null) {
                        Object fn = a.get("code.function");
                        a.put("resource.name", stringOf(ns) + "#" + stringOf(fn));
                    }
                }
            }
        }
    }

    private static String stringOf(Object v) {
        return v instanceof String s ? s : v == null ? "<nil>" : String.valueOf(v);
    }
}
