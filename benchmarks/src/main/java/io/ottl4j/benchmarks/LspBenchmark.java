package io.ottl4j.benchmarks;

import io.ottl4j.language.catalog.FunctionCatalog;
import io.ottl4j.lsp.service.Analysis;
import io.ottl4j.lsp.service.LanguageService;
import io.ottl4j.lsp.service.Results;
import java.io.StringReader;
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
import org.yaml.snakeyaml.Yaml;

/**
 * The language service on a 300-line config: the full analysis after a one-character edit (what
 * publishing diagnostics costs: YAML, every OTTL group compiled with context inference, the whole of
 * {@code ottl validate}) and a completion inside a statement. Baselines: a bare SnakeYAML compose of the
 * same text, and a hand-written prefix filter over the catalog's function names.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LspBenchmark {
    private static final String URI = "file:///bench/collector.yaml";

    private final LanguageService service = new LanguageService();
    private String textA;
    private String textB;
    private boolean flip;
    private Analysis analysis;
    private int completionOffset;

    @Setup
    public void setup() {
        textA = LspConfigs.grown(20, "a");
        if (textA.split("\n").length < 290) {
            throw new IllegalStateException("expected about 300 lines, got " + textA.split("\n").length);
        }
        int at = textA.indexOf("bench.a0");
        textB = textA.substring(0, at) + "bench.b0" + textA.substring(at + "bench.a0".length());
        analysis = service.update(URI, textA);
        completionOffset = textA.indexOf("Concat([\"a\"") + 3;
    }

    @Benchmark
    public Analysis diagnosticsAfterOneCharEdit() {
        flip = !flip;
        return service.update(URI, flip ? textB : textA);
    }

    @Benchmark
    public Object baselineYamlCompose() {
        return new Yaml().compose(new StringReader(flip ? textB : textA));
    }

    @Benchmark
    public List<Results.Completion> completion() {
        return service.completion(analysis, completionOffset);
    }

    @Benchmark
    public List<String> baselineNamePrefixFilter() {
        return FunctionCatalog.standard().names().stream().filter(n -> n.startsWith("Con")).toList();
    }
}
