package io.ottl4j.cli;

import io.ottl4j.language.Ottl;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --feature-gates a,b}: the upstream way of enabling experimental behaviour, e.g. lambdas. */
public final class FeatureGateOption {
    @Option(names = "--feature-gates", split = ",", paramLabel = "GATE",
            description = "Feature gates to enable, comma-separated (e.g. ottl.functions.enableLambda).")
    List<String> gates = new ArrayList<>();

    public List<String> gates() {
        return gates;
    }

    public Ottl ottl() {
        List<String> enabled = new ArrayList<>();
        for (String g : gates) {
            String t = g.trim();
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            if (!t.isEmpty() && !t.startsWith("-")) {
                enabled.add(t);
            }
        }
        return Ottl.builder().featureGates(enabled).build();
    }
}
