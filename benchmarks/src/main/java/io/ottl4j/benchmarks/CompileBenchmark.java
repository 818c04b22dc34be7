package io.ottl4j.benchmarks;

import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parse + bind + node construction of one statement: what a collector pays per statement at start-up. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {
    private final Ottl ottl = Ottl.create();

    @Benchmark
    public CompiledStatements spanStatement() throws Exception {
        return ottl.compileGroup(ContextKind.SPAN, List.of(MastodonStatementsBenchmark.CONDITION),
                List.of(MastodonStatementsBenchmark.STATEMENT), ErrorMode.IGNORE);
    }

    @Benchmark
    public CompiledStatements resourceStatement() throws Exception {
        return ottl.compileGroup(ContextKind.RESOURCE, List.of(ResourceStatementBenchmark.CONDITION),
                List.of(ResourceStatementBenchmark.STATEMENT), ErrorMode.IGNORE);
    }
}
