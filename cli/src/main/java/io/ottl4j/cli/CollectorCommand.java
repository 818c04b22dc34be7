package io.ottl4j.cli;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Configs;
import io.ottl4j.collector.service.Collector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ottl collector}: runs the collector until SIGTERM/SIGINT, then drains within a deadline. */
@Command(name = "collector", mixinStandardHelpOptions = true,
        description = "Run the collector. Without --config: OTLP gRPC :4317 + HTTP :4318 -> batch -> debug for traces, metrics and logs.")
public final class CollectorCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "URI", description = "Config source: a file path, file:PATH, env:VAR or yaml:KEY::PATH: VALUE; repeatable, merged left to right.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (dots separate keys), applied after every --config.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION", description = "Deadline for draining on shutdown (default ${DEFAULT-VALUE}).")
    String shutdownTimeout = "10s";

    /** For the launcher's start-up cache (AOT training run, see the {@code ottl} script): start, then stop at once. */
    @Option(names = "--exit-when-ready", hidden = true)
    boolean exitWhenReady;

    @Mixin
    FeatureGateOption gates = new FeatureGateOption();

    static Set<String> enabled(FeatureGateOption gates) {
        Set<String> out = new LinkedHashSet<>();
        for (String g : gates.gates()) {
            String t = g.trim();
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            if (!t.isEmpty()) {
                out.add(t); // a disabled gate stays as "-name": components can tell an explicit opt-out of a default-on gate
            }
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        // the collector's log lines from the start (warnings while loading the config too), in one format;
        // re-installed below with service::telemetry::logs once the config is read
        io.ottl4j.collector.telemetry.ComponentLogs.install("info", "console");
        CollectorConfig config;
        try {
            config = Configs.load(configs, sets, System.getenv(), Builtins.components(), enabled(gates));
        } catch (ConfigException e) {
            System.err.println("Error: invalid configuration:");
            for (ConfigProblem p : e.problems()) {
                System.err.println("  " + p.format());
            }
            return 1;
        }
        io.ottl4j.collector.telemetry.ComponentLogs.install(config.service().telemetry().logLevel(), config.service().telemetry().logEncoding());
        java.time.Duration deadline = io.ottl4j.collector.config.Conf.parseDuration(shutdownTimeout);
        Collector collector = new Collector(config, enabled(gates), VersionProvider.class.getPackage().getImplementationVersion() == null
                ? "dev" : VersionProvider.class.getPackage().getImplementationVersion());
        try {
            collector.start();
        } catch (Exception e) {
            System.err.println("Error: cannot start pipelines: " + e.getMessage());
            return 1;
        }
        if (exitWhenReady) {
            return collector.shutdown(deadline == null ? java.time.Duration.ofSeconds(10) : deadline) ? 0 : 1;
        }
        io.ottl4j.cli.internal.PeriodicHeapTrim.startIfConfigured();
        Thread hook = new Thread(() -> collector.shutdown(deadline == null ? java.time.Duration.ofSeconds(10) : deadline), "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        collector.awaitTermination();
        return collector.fatalError() == null ? 0 : 1;
    }
}
