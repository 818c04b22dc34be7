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
        java.nio.file.Path f = java.nio.file.Files.createTempFile("collector", ".yaml");
        java.nio.file.Files.writeString(f, yaml);
        CollectorConfig cfg = CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(f.toString()), List.of()), Builtins.components(), Set.of());
        Collector c = new Collector(cfg, Set.of(), "test");
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
}
