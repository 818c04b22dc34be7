package io.ottl4j.repl;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start the REPL.
 *
 * @param context      the context to start in (a config name such as {@code span}), or null for span
 * @param inputs       OTLP/JSON files to load instead of the bundled samples
 * @param featureGates gates to enable (e.g. {@code ottl.functions.enableLambda})
 * @param history      the history file, or null for {@code ~/.ottl_history}
 */
public record ReplOptions(String context, List<Path> inputs, List<String> featureGates, Path history) {
    public ReplOptions {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        featureGates = featureGates == null ? List.of() : List.copyOf(featureGates);
    }
}
