package io.ottl4j.collector.processor.k8sattributes.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Extract;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.From;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a {@link PodStore} in step with the API server through fabric8 informers (list, then watch, with
 * resync), as upstream's client-go informers do: pods always; namespaces, nodes, replica sets, deployments,
 * stateful sets, daemon sets, jobs and cron jobs only when an extracted attribute needs them. Owner informers sync before
 * the pod informer starts, so a pod's deployment is known when the pod arrives.
 *
 * <p>An unreachable API server never stops the collector: every informer's exception handler asks fabric8 to
 * retry (list again, then watch) forever, as client-go's reflector does, and fabric8 re-opens cut watches with
 * capped back-off. {@link ApiHealth} judges from the informers' watches whether the API is reachable and logs
 * (and reports) each outage and each recovery once.
 */
public final class Watcher implements AutoCloseable {
    /** How long a lost watch may take to come back before the API counts as unreachable. */
    static final Duration UNWATCHED_GRACE = Duration.ofSeconds(5);
    private static final long HEALTH_CHECK_MILLIS = 500;

    private final KubernetesClient client;
    private final K8sAttributesConfig config;
    private final PodStore store;
    private final Logger log;
    private final Map<String, Supervised<?>> informers = new LinkedHashMap<>();
    private final CompletableFuture<Void> podsSynced = new CompletableFuture<>();
    private final ApiHealth health;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    public Watcher(KubernetesClient client, K8sAttributesConfig config, PodStore store, Logger log, Duration purgeEvery) {
        this(client, config, store, log, purgeEvery, ApiHealth.Listener.NONE);
    }

    /** A watcher that also tells {@code healthListener} when the API becomes unreachable and when it answers again. */
    public Watcher(KubernetesClient client, K8sAttributesConfig config, PodStore store, Logger log, Duration purgeEvery,
            ApiHealth.Listener healthListener) {
        this.client = client;
        this.config = config;
        this.store = store;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("k8sattributes-watcher").unstarted(r));
        long ms = Math.max(1, purgeEvery.toMillis());
        timer.scheduleWithFixedDelay(this::purge, ms, ms, TimeUnit.MILLISECONDS);
        this.health = new ApiHealth(log, System::nanoTime, UNWATCHED_GRACE, healthListener, this::relist);
        timer.scheduleWithFixedDelay(this::checkHealth, HEALTH_CHECK_MILLIS, HEALTH_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void checkHealth() {
        try {
            if (!closed) {
                health.check();
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "checking the Kubernetes informers failed", e);
        }
    }

    private void purge() {
        try {
            store.purgeExpired();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "purging deleted pods failed", e);
        }
    }

    /** Starts the informers; with {@code waitForMetadata} blocks until pods are synced or the timeout passes. */
    public void start() throws Exception {
        Extract x = config.extract();
        List<CompletableFuture<Void>> deps = new ArrayList<>();
        if (x.reads(From.NAMESPACE)) {
            deps.add(run("namespaces", client.namespaces(), store::addOrUpdateNamespace, store::deleteNamespace));
        } else if (x.has("k8s.cluster.uid")) {
            deps.add(run("namespace kube-system", client.namespaces().withName("kube-system"), store::addOrUpdateNamespace, store::deleteNamespace));
        }
        if (x.reads(From.NODE) || x.has("k8s.node.uid")) {
            String node = config.filter().node();
            Informable<Node> nodes = node.isEmpty() ? client.nodes() : client.nodes().withName(node);
            deps.add(run("nodes", nodes, store::addOrUpdateNode, store::deleteNode));
        }
        if ((x.has("k8s.deployment.name") && !x.deploymentNameFromReplicaSet()) || x.has("k8s.deployment.uid") || x.has("service.name")
                || x.reads(From.DEPLOYMENT) || x.reads(From.REPLICASET)) {
            deps.add(runInNamespaces("replicasets", ns -> ns == null ? client.apps().replicaSets().inAnyNamespace()
                    : client.apps().replicaSets().inNamespace(ns), store::addOrUpdateReplicaSet, store::deleteReplicaSet));
        }
        if (x.reads(From.DEPLOYMENT)) {
            deps.add(runInNamespaces("deployments", ns -> ns == null ? client.apps().deployments().inAnyNamespace() : client.apps().deployments().inNamespace(ns),
                    d -> store.addOrUpdateWorkload(From.DEPLOYMENT, d), d -> store.deleteWorkload(From.DEPLOYMENT, d)));
        }
        if (x.reads(From.STATEFULSET)) {
            deps.add(runInNamespaces("statefulsets", ns -> ns == null ? client.apps().statefulSets().inAnyNamespace()
                    : client.apps().statefulSets().inNamespace(ns),
                    d -> store.addOrUpdateWorkload(From.STATEFULSET, d), d -> store.deleteWorkload(From.STATEFULSET, d)));
        }
        if (x.reads(From.DAEMONSET)) {
            deps.add(runInNamespaces("daemonsets", ns -> ns == null ? client.apps().daemonSets().inAnyNamespace() : client.apps().daemonSets().inNamespace(ns),
                    d -> store.addOrUpdateWorkload(From.DAEMONSET, d), d -> store.deleteWorkload(From.DAEMONSET, d)));
        }
        if (x.reads(From.CRONJOB)) {
            deps.add(runInNamespaces("cronjobs", ns -> ns == null ? client.batch().v1().cronjobs().inAnyNamespace()
                    : client.batch().v1().cronjobs().inNamespace(ns),
                    c -> store.addOrUpdateWorkload(From.CRONJOB, c), c -> store.deleteWorkload(From.CRONJOB, c)));
        }
        if (x.reads(From.JOB) || x.reads(From.CRONJOB) || x.has("k8s.cronjob.uid")) {
            deps.add(runInNamespaces("jobs", ns -> ns == null ? client.batch().v1().jobs().inAnyNamespace() : client.batch().v1().jobs().inNamespace(ns),
                    store::addOrUpdateJob, store::deleteJob));
        }
        // the pod informer starts once the owners are known (upstream runInformerWithDependencies)
        CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (closed) {
                return;
            }
            try {
                runInNamespaces("pods", this::pods, store::addOrUpdate, store::delete).whenComplete((pv, pe) -> {
                    if (pe == null) {
                        podsSynced.complete(null);
                    }
                });
            } catch (RuntimeException ex) {
                log.log(Level.WARNING, "cannot start the pod informer", ex);
            }
        });
        if (config.waitForMetadata()) {
            try {
                podsSynced.get(config.waitForMetadataTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("failed to wait for caches to sync", e);
            }
        }
    }

    /**
     * One informer of {@code what} in every namespace of {@code filter.namespace} (one per namespace when it lists
     * several, as upstream watches each), or in all namespaces when none is set; completes when all have listed.
     * {@code source} gets null for all namespaces.
     */
    private <T extends HasMetadata> CompletableFuture<Void> runInNamespaces(String what, java.util.function.Function<String, Informable<T>> source,
            Consumer<T> upsert, Consumer<T> delete) {
        return runInNamespaces(what, source, upsert, (T t, Boolean unknown) -> delete.accept(t));
    }

    private <T extends HasMetadata> CompletableFuture<Void> runInNamespaces(String what, java.util.function.Function<String, Informable<T>> source,
            Consumer<T> upsert, BiConsumer<T, Boolean> delete) {
        List<String> namespaces = config.filter().namespaces();
        if (namespaces.isEmpty()) {
            return run(what, source.apply(null), upsert, delete);
        }
        if (namespaces.size() == 1) {
            return run(what, source.apply(namespaces.get(0)), upsert, delete);
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String ns : namespaces) {
            all.add(run(what + " in " + ns, source.apply(ns), upsert, delete));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Completes once the pod informer has listed all pods. */
    public CompletableFuture<Void> podsSynced() {
        return podsSynced;
    }

    /** The pods of namespace {@code ns} (null: every namespace) that the filter selects. */
    private Informable<Pod> pods(String ns) {
        K8sAttributesConfig.Filter f = config.filter();
        FilterWatchListDeletable<Pod, ? extends KubernetesResourceList<Pod>, ?> q = ns == null ? client.pods().inAnyNamespace()
                : client.pods().inNamespace(ns);
        for (Selector s : f.labels()) {
            q = switch (s.op()) {
                case "not-equals" -> q.withoutLabel(s.key(), s.value());
                case "exists" -> q.withLabel(s.key());
                case "does-not-exist" -> q.withoutLabel(s.key());
                default -> q.withLabel(s.key(), s.value());
            };
        }
        for (Selector s : f.fields()) {
            q = s.op().equals("not-equals") ? q.withoutField(s.key(), s.value()) : q.withField(s.key(), s.value());
        }
        if (!f.node().isEmpty()) {
            q = q.withField("spec.nodeName", f.node());
        }
        return q;
    }

    private <T extends HasMetadata> CompletableFuture<Void> run(String what, Informable<T> source, Consumer<T> upsert, Consumer<T> delete) {
        return run(what, source, upsert, (T t, Boolean unknown) -> delete.accept(t));
    }

    private <T extends HasMetadata> CompletableFuture<Void> run(String what, Informable<T> source, Consumer<T> upsert, BiConsumer<T, Boolean> delete) {
        Supervised<T> sup = new Supervised<>(what, source, upsert, delete);
        synchronized (informers) {
            if (closed) {
                return new CompletableFuture<>();
            }
            informers.put(what, sup);
            health.track(what, sup::watching);
        }
        return sup.start();
    }

    /** After an outage: list {@code what} again with a fresh informer, its watch may be dead without knowing it. */
    private void relist(String what) {
        Supervised<?> sup;
        synchronized (informers) {
            sup = informers.get(what);
        }
        if (sup != null && !closed) {
            log.fine("re-listing " + what + ": its watch outlived an outage of the Kubernetes API");
            try {
                timer.execute(sup::restart);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    /** One informer's source and handlers; the informer itself is replaced when its watch cannot be trusted. */
    private final class Supervised<T extends HasMetadata> {
        final String what;
        final Informable<T> source;
        final Consumer<T> upsert;
        final BiConsumer<T, Boolean> delete;
        volatile SharedIndexInformer<T> current;

        Supervised(String what, Informable<T> source, Consumer<T> upsert, BiConsumer<T, Boolean> delete) {
            this.what = what;
            this.source = source;
            this.upsert = upsert;
            this.delete = delete;
        }

        boolean watching() {
            SharedIndexInformer<T> inf = current;
            return inf != null && inf.isWatching();
        }

        CompletableFuture<Void> start() {
            SharedIndexInformer<T> inf = create();
            current = inf;
            return startAndApply(inf);
        }

        /** Replaces the informer: the new one lists everything; what the old one knew and the list lacks was deleted. */
        void restart() {
            SharedIndexInformer<T> old = current;
            SharedIndexInformer<T> fresh = create();
            synchronized (informers) {
                if (closed) {
                    return;
                }
                current = fresh;
            }
            stopQuietly(old);
            try {
                startAndApply(fresh).thenRun(() -> {
                    Set<String> now = new HashSet<>(fresh.getStore().listKeys());
                    for (T o : old.getStore().list()) {
                        if (!now.contains(Cache.metaNamespaceKeyFunc(o))) {
                            safely(() -> delete.accept(o, true));
                        }
                    }
                });
            } catch (RuntimeException e) {
                if (!closed) { // close() may have stopped the fresh informer before it started
                    log.log(Level.WARNING, "cannot re-list " + what, e);
                }
            }
        }

        private SharedIndexInformer<T> create() {
            SharedIndexInformer<T> inf = source.runnableInformer(config.watchSyncPeriod().toMillis());
            inf.addEventHandler(new ResourceEventHandler<T>() {
                @Override
                public void onAdd(T obj) {
                    safely(() -> upsert.accept(obj));
                }

                @Override
                public void onUpdate(T oldObj, T newObj) {
                    safely(() -> upsert.accept(newObj));
                }

                @Override
                public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                    safely(() -> delete.accept(obj, deletedFinalStateUnknown));
                }
            });
            // fabric8's default handler gives up on a WatcherException and on any failure before the first sync (the
            // informer then stops for good); client-go's reflector never gives up, so neither does this one
            inf.exceptionHandler((started, t) -> {
                if (!closed && current == inf) {
                    health.failed(what, t);
                }
                return !closed && current == inf;
            });
            // with the handler above only stop() ends an informer; anything else is a client change worth shouting about
            inf.stopped().whenComplete((v, e) -> {
                if (!closed && current == inf) {
                    log.log(Level.SEVERE, "the Kubernetes informer for " + what + " stopped; its metadata is no longer kept up to date", e);
                }
            });
            return inf;
        }

        private CompletableFuture<Void> startAndApply(SharedIndexInformer<T> inf) {
            return inf.start().toCompletableFuture().thenRun(() -> {
                // fabric8 hands events to handlers asynchronously: apply the listed state now, so "synced" means the
                // cache holds it (applying an object twice is harmless)
                inf.getStore().list().forEach(o -> safely(() -> upsert.accept(o)));
            });
        }
    }

    private void stopQuietly(SharedIndexInformer<?> i) {
        try {
            i.stop();
        } catch (RuntimeException e) {
            log.log(Level.FINE, "stopping an informer", e);
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "failed to handle a Kubernetes watch event", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        synchronized (informers) {
            for (Supervised<?> sup : informers.values()) {
                if (sup.current != null) {
                    stopQuietly(sup.current);
                }
            }
            informers.clear();
        }
        client.close();
    }
}
