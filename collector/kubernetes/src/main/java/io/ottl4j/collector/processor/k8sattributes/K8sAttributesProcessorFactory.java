package io.ottl4j.collector.processor.k8sattributes;

import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.ComponentStatus;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.processor.k8sattributes.internal.ApiHealth;
import io.ottl4j.collector.processor.k8sattributes.internal.Enricher;
import io.ottl4j.collector.processor.k8sattributes.internal.PodStore;
import io.ottl4j.collector.processor.k8sattributes.internal.Watcher;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The {@code k8sattributes} processor (alias {@code k8s_attributes}; collector-spec §3.4): tags each resource with
 * the metadata of the pod it came from, found through the pod association rules, from a cache that informers
 * keep in step with the Kubernetes API.
 *
 * <p>The traces, metrics and logs instances of one component ID share one watcher (upstream's shared watch
 * client), started by the first instance and closed by the last.
 */
public final class K8sAttributesProcessorFactory implements ProcessorFactory<K8sAttributesConfig> {
    /** At most this many deleted pods wait out their grace period; older ones leave the cache early. */
    static final int MAX_PENDING_DELETES = 50_000;

    private final KubernetesClients clients;
    private final UnaryOperator<String> env;
    /**
     * Keyed by config instance, which the collector decodes once per component: the signals of one component share,
     * while two collectors in one JVM (tests) never do.
     */
    private final Map<K8sAttributesConfig, Shared> shared = new IdentityHashMap<>();

    public K8sAttributesProcessorFactory() {
        this(KubernetesClients.system(), System::getenv);
    }

    /** A factory whose clients and environment are given (tests). */
    public K8sAttributesProcessorFactory(KubernetesClients clients, UnaryOperator<String> env) {
        this.clients = clients;
        this.env = env;
    }

    @Override
    public String type() {
        return "k8s_attributes";
    }

    @Override
    public List<String> aliases() {
        return List.of("k8sattributes");
    }

    @Override
    public String description() {
        return "adds Kubernetes pod, namespace, node and workload metadata to resources";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA, Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public K8sAttributesConfig decode(Conf c) {
        return K8sAttributesConfig.decode(c, env);
    }

    /** One watcher and store per component ID, with a count of the started instances using it. */
    private static final class Shared {
        final PodStore store;
        Watcher watcher;
        int users;

        Shared(PodStore store) {
            this.store = store;
        }
    }

    /**
     * An unreachable API is a recoverable error (the processor keeps passing data and enriches from its cache), so
     * health checks stay green while it lasts; the status shows it.
     */
    private static ApiHealth.Listener statusReporter(CreateSettings settings) {
        return new ApiHealth.Listener() {
            @Override
            public void unreachable(String why) {
                settings.reportStatus(ComponentStatus.RECOVERABLE_ERROR, new IllegalStateException("Kubernetes API unreachable: " + why));
            }

            @Override
            public void reachable() {
                settings.reportStatus(ComponentStatus.OK, null);
            }
        };
    }

    @Override
    public Processor create(CreateSettings settings, K8sAttributesConfig config, Signal signal, Consumer next) {
        Logger log = settings.logger(signal);
        if (config.extract().has(K8sAttributesConfig.CLUSTER_NAME)) {
            // as upstream: accepted for old configs, but the Kubernetes API has had no cluster name since 1.24
            log.warning("k8s.cluster.name metadata param has been deprecated and will be removed soon; it is never set "
                    + "(the Kubernetes API has no cluster name: use k8s.cluster.uid, or set k8s.cluster.name with the resource processor)");
        }
        PodStore store;
        Shared sh;
        if (config.passthrough()) {
            store = null;
            sh = null;
        } else {
            synchronized (shared) {
                sh = shared.computeIfAbsent(config, k -> new Shared(new PodStore(config, System::nanoTime, config.podDeleteGracePeriod(), MAX_PENDING_DELETES)));
            }
            store = sh.store;
        }
        Enricher enricher = new Enricher(config, store);
        return new Processor() {
            private boolean started;

            @Override
            public void start(Host host) throws Exception {
                if (sh == null) {
                    return;
                }
                synchronized (shared) {
                    if (sh.watcher == null) {
                        Watcher w = new Watcher(clients.create(config.api()), config, sh.store, settings.logger(), Duration.ofSeconds(30),
                                statusReporter(settings));
                        sh.watcher = w;
                        try {
                            w.start();
                        } catch (Exception e) {
                            sh.watcher = null;
                            w.close();
                            throw e;
                        }
                    }
                    sh.users++;
                    started = true;
                }
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                String address = ClientInfo.current().address();
                for (ResourceGroup<?> rg : batch.resources()) {
                    enricher.enrich(rg.resource().attributes(), address);
                }
                next.consume(batch);
            }

            @Override
            public boolean mutatesData() {
                return true;
            }

            @Override
            public void shutdown() {
                if (sh == null || !started) {
                    return;
                }
                synchronized (shared) {
                    started = false;
                    if (--sh.users == 0 && sh.watcher != null) {
                        sh.watcher.close();
                        sh.watcher = null;
                        shared.remove(config);
                    }
                }
            }
        };
    }
}
