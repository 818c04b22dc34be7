package io.ottl4j.cli;

import io.ottl4j.repl.Repl;
import io.ottl4j.repl.ReplOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ottl repl}: try OTTL on sample or loaded telemetry and see what each statement changes. */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Interactive OTTL: run statements on telemetry and see exactly what changed.",
                "Starts on bundled sample traces, logs and metrics unless --input is given. Reads plain lines "
                        + "when stdin is not a terminal (for scripts)."})
final class ReplCommand implements Callable<Integer> {
    @Option(names = {"-c", "--context"}, paramLabel = "CONTEXT", defaultValue = "span",
            description = "Context to start in: resource, scope, span, spanevent, metric, datapoint, exemplar, log or profile (default: ${DEFAULT-VALUE}).")
    String context;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "OTLP/JSON file to load instead of the samples; repeat for several.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--history", paramLabel = "FILE", description = "History file (default: $OTTL_HISTORY or ~/.ottl_history).")
    Path history;

    @Mixin
    FeatureGateOption gates;

    @Override
    public Integer call() {
        List<String> enabled = new ArrayList<>(gates.ottl().featureGates());
        return Repl.main(new ReplOptions(context, inputs, enabled, history));
    }
}
