package io.ottl4j.benchmarks;

import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The resource statement of the Mastodon config (appends "-k8s-1" to the node name). The statement
 * grows the value, so each operation first resets it, in both variants alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResourceStatementBenchmark {
    static final String CONDITION = "attributes[\"k8s.node.name\"] != nil";
    static final String STATEMENT = "set (attributes[\"k8s.node.name\"],\n    Concat([attributes[\"k8s.node.name\"], \"k8s-1\"], \"-\"))";

    private TransformContext record;
    private AttributeMap attributes;
    private CompiledStatements group;

    @Setup
    public void setup() throws Exception {
        TelemetryBatch<Span> batch = SpanFixtures.traces(1, 7);
        ResourceGroup<Span> rg = batch.resources().get(0);
        record = TransformContext.ofResource(rg);
        attributes = rg.resource().attributes();
        group = Ottl.create().compileGroup(ContextKind.RESOURCE, List.of(CONDITION), List.of(STATEMENT), ErrorMode.IGNORE);
    }

    @Benchmark
    public Object ottl() {
        attributes.put("k8s.node.name", "node-7");
        group.execute(record);
        return attributes.get("k8s.node.name");
    }

    @Benchmark
    public Object handWritten() {
        attributes.put("k8s.node.name", "node-7");
        Object node = attributes.get("k8s.node.name");
        if (node != null) {
            attributes.put("k8s.node.name", (node instanceof String s ? s : String.valueOf(node)) + "-" + "k8s-1");
        }
        return attributes.get("k8s.node.name");
    }
}
