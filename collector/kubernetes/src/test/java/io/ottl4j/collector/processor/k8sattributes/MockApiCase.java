package io.ottl4j.collector.processor.k8sattributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.config.YamlReader;
import io.ottl4j.collector.k8s.MockKubernetesApi;
import io.ottl4j.collector.processor.k8sattributes.internal.Enricher;
import io.ottl4j.collector.processor.k8sattributes.internal.PodStore;
import io.ottl4j.collector.processor.k8sattributes.internal.Watcher;
import io.ottl4j.pdata.AttributeMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mock API server per test, and one watcher filling a cache from it: decode a config, {@link #watch} (returns once
 * the pods are listed), enrich resources. The cache's clock is {@link #clock}, moved by hand.
 */
abstract class MockApiCase {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    MockKubernetesApi api;
    Watcher watcher;
    final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void up() throws Exception {
        api = MockKubernetesApi.start(dir);
    }

    @AfterEach
    void down() {
        if (watcher != null) {
            watcher.close();
        }
        api.close();
    }

    /** A valid config (asserted), with KUBE_NODE_NAME=node-1 in its environment. */
    static K8sAttributesConfig config(String yaml) throws Exception {
        Problems p = new Problems();
        Conf c = new Conf(YamlReader.read(yaml, "test.yaml"), "processors::k8sattributes", p);
        K8sAttributesConfig cfg = new K8sAttributesProcessorFactory(null, Map.of("KUBE_NODE_NAME", "node-1")::get).decode(c);
        c.finish();
        assertThat(p.isEmpty()).as(p.toString()).isTrue();
        return cfg;
    }

    /** Starts the watcher (closing the client of the mock when closed: one per test). */
    PodStore watch(K8sAttributesConfig cfg) throws Exception {
        PodStore store = new PodStore(cfg, clock::get, Duration.ofSeconds(120), 1000);
        watcher = new Watcher(api.client(), cfg, store, Logger.getLogger("test"), Duration.ofDays(1));
        watcher.start();
        watcher.podsSynced().get(30, TimeUnit.SECONDS);
        return store;
    }

    static AttributeMap enrich(Enricher e, Object... kv) {
        AttributeMap m = AttributeMap.of(kv);
        e.enrich(m, "");
        return m;
    }
}
