package io.ottl4j.cli;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Configs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ottl validate}: reports every configuration problem at once (file:line:col, key path, code). */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a collector configuration, reporting every error at once.")
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "URI", required = true, description = "Config source (repeatable), as for `ottl collector`.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, applied after every --config.")
    List<String> sets = new ArrayList<>();

    @Mixin
    FeatureGateOption gates;

    @Override
    public Integer call() {
        try {
            Configs.load(configs, sets, System.getenv(), Builtins.components(), CollectorCommand.enabled(gates));
            System.out.println("configuration is valid");
            return 0;
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                System.out.println(p.format());
            }
            System.out.println(e.problems().size() + (e.problems().size() == 1 ? " error" : " errors"));
            return 1;
        }
    }
}
