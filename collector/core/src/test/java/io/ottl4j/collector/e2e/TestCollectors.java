package io.ottl4j.collector.e2e;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.service.Pipelines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Starts collectors in-process from YAML text, on ephemeral loopback ports. */
public final class TestCollectors {
    private TestCollectors() {
    }

    public static Collector start(String yaml) throws Exception {
        return start(yaml, Set.of());
    }

    /** With feature gates enabled, as {@code --feature-gates} does. */
    public static Collector start(String yaml, Set<String> featureGates) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("collector", ".yaml");
        java.nio.file.Files.writeString(f, yaml);
        CollectorConfig cfg = CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()), Builtins.components(),
                featureGates);
        Collector c = new Collector(cfg, featureGates, "test");
        c.start();
        return c;
    }

    public static OtlpReceiver receiver(Collector c) {
        for (Pipelines.Node n : c.pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r;
            }
        }
        throw new IllegalStateException("no otlp receiver");
    }

    public static void stop(Collector c) {
        if (c != null) {
            c.shutdown(Duration.ofSeconds(10));
        }
    }

    /**
     * Stops a collector whose OTLP/HTTP receiver closed connections on bad input: Netty then warns about a task its
     * handler executor rejects while winding down (a receiver shutdown-order problem, reported), which is not what
     * those tests are about, so its warnings are kept out of the build log for the stop.
     */
    public static void stopAfterBadInput(Collector c) {
        java.util.logging.Logger netty = java.util.logging.Logger.getLogger("io.netty.util.concurrent");
        java.util.logging.Level before = netty.getLevel();
        netty.setLevel(java.util.logging.Level.OFF);
        try {
            stop(c);
        } finally {
            netty.setLevel(before);
        }
    }
}
