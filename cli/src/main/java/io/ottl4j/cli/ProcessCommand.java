package io.ottl4j.cli;

import io.ottl4j.cli.process.LineDiff;
import io.ottl4j.cli.process.OfflinePipeline;
import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Configs;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ottl process}: runs one pipeline's processors of a collector config on OTLP/JSON, offline, and prints
 * the result (or, with {@code --diff}, what changed), as the web playgrounds do.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Run a pipeline's processors on OTLP/JSON input offline and print the result.")
public final class ProcessCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "URI", required = true, description = "Config source (repeatable), as for `ottl collector`.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, applied after every --config.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--pipeline", paramLabel = "ID", required = true, description = "The pipeline whose processors run, e.g. traces/x.")
    String pipeline;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "OTLP/JSON input (\"-\" reads standard input).")
    String input;

    @Option(names = "--diff", description = "Print a line diff of the input and the output instead of the output.")
    boolean diff;

    @Mixin
    FeatureGateOption gates;

    @Override
    public Integer call() throws Exception {
        CollectorConfig config;
        try {
            config = Configs.load(configs, sets, System.getenv(), Builtins.components(), CollectorCommand.enabled(gates));
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                System.err.println(p.format());
            }
            return 1;
        }
        PipelineId id;
        TelemetryBatch<?> batch;
        try {
            id = PipelineId.parse(pipeline);
            byte[] bytes = input.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input));
            batch = OtlpJson.read(bytes, id.signal());
        } catch (Exception e) {
            System.err.println("ottl process: " + e.getMessage());
            return 2;
        }
        String before = OtlpJson.writeString(batch.deepCopy(), true);
        TelemetryBatch<?> out;
        try {
            out = OfflinePipeline.run(config, id, batch, CollectorCommand.enabled(gates));
        } catch (IllegalArgumentException e) {
            System.err.println("ottl process: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("ottl process: the pipeline failed: " + e.getMessage());
            return 1;
        }
        String after = OtlpJson.writeString(out, true);
        System.out.println(diff ? LineDiff.diff(before, after, 3) : after);
        return 0;
    }
}
