package io.ottl4j.collector.processor.resourcedetection;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.processor.resourcedetection.internal.Detector;
import io.ottl4j.collector.processor.resourcedetection.internal.Detectors;
import io.ottl4j.collector.processor.resourcedetection.internal.Setup;
import io.ottl4j.collector.processor.resourcedetection.internal.SystemDetector;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The {@code resource_detection} processor (alias {@code resourcedetection}; collector-spec §3.5): detects the
 * resource at start (detectors run concurrently; the first detector in the list to set a key wins) and merges it
 * into every resource, overwriting existing keys when {@code override} is true; with {@code refresh_interval} the
 * detection runs again on that period and a successful run replaces the resource.
 *
 * <p>A detector's own error fails the collector's start, as upstream; a detector whose platform is absent adds
 * nothing (an error instead with {@code fail_on_missing_metadata}); a detector still running when {@code timeout}
 * has passed is logged and skipped.
 */
public final class ResourceDetectionProcessorFactory implements ProcessorFactory<ResourceDetectionProcessorFactory.Config> {
    /** A configured detector: its name and how to build it once the environment is known. */
    public record DetectorSpec(String name, Function<Setup, Detector> build) {
    }

    /**
     * Upstream's {@code retry} (configretry.BackOffConfig): a failed detection is tried again after an exponentially
     * growing, jittered interval, until {@code max_elapsed_time} (0: until {@code timeout}).
     */
    public record Retry(boolean enabled, Duration initialInterval, double randomizationFactor, double multiplier, Duration maxInterval,
            Duration maxElapsedTime) {
        public static final Retry NONE = new Retry(false, Duration.ZERO, 0, 1, Duration.ZERO, Duration.ZERO);
    }

    /** {@code timeout} bounds each detection attempt; the session ends at {@code retry.max_elapsed_time} when set, else at {@code timeout}. */
    public record Config(List<DetectorSpec> detectors, boolean override, Duration timeout, List<String> attributes, Duration refreshInterval,
            boolean failOnMissingMetadata, Retry retry) {
        public Config(List<DetectorSpec> detectors, boolean override, Duration timeout, List<String> attributes) {
            this(detectors, override, timeout, attributes, Duration.ZERO, false, Retry.NONE);
        }

        Duration session() {
            return retry.enabled() && retry.maxElapsedTime().isPositive() ? retry.maxElapsedTime() : timeout;
        }
    }

    /** The detected resource: attributes and schema URL. */
    record Detected(Map<String, Object> attributes, String schemaUrl) {
    }

    /** One component's detection, shared by its signals: the first result, then what each refresh finds. */
    private static final class Shared {
        final CompletableFuture<Detected> first = new CompletableFuture<>();
        volatile Detected current = new Detected(Map.of(), "");
        volatile Thread refresher;
    }

    private final UnaryOperator<String> env;
    private final Path root;
    private final SystemDetector.Names names;
    private final KubernetesClients clients;
    private final KubernetesClients.ApiConfig inClusterApi;
    /** One detection per component (its config instance): the signals share it, other collectors in the JVM do not. */
    private final Map<Config, Shared> detected = new IdentityHashMap<>();

    public ResourceDetectionProcessorFactory() {
        this(System::getenv, Path.of("/"), null, KubernetesClients.system());
    }

    /** A factory reading the environment, files below {@code root} and host names from the given sources (tests). */
    public ResourceDetectionProcessorFactory(UnaryOperator<String> env, Path root, SystemDetector.Names names, KubernetesClients clients) {
        this(env, root, names, clients, KubernetesClients.ApiConfig.DEFAULT);
    }

    /**
     * As above; {@code inClusterApi} is how the detectors that have no {@code auth_type} of their own ({@code eks})
     * reach the API server (the pod's service account in production, a kubeconfig in tests).
     */
    public ResourceDetectionProcessorFactory(UnaryOperator<String> env, Path root, SystemDetector.Names names, KubernetesClients clients,
            KubernetesClients.ApiConfig inClusterApi) {
        this.env = env;
        this.root = root;
        this.names = names;
        this.clients = clients;
        this.inClusterApi = inClusterApi;
    }

    @Override
    public String type() {
        return "resource_detection";
    }

    @Override
    public List<String> aliases() {
        return List.of("resourcedetection");
    }

    @Override
    public String description() {
        return "detects the host, container, cloud and Kubernetes resource at start (and every refresh_interval) and adds it to all data";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA, Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        List<String> names = c.strings("detectors", List.of("env"));
        boolean override = c.bool("override", true);
        Duration timeout = c.duration("timeout", Duration.ofSeconds(5));
        Duration refresh = c.duration("refresh_interval", Duration.ZERO);
        if (refresh.isNegative()) {
            c.error("refresh_interval", "refresh_interval must not be negative");
        }
        boolean failOnMissing = c.bool("fail_on_missing_metadata", false);
        Conf retry = c.child("retry");
        boolean retrying = retry.bool("enabled", true);
        Duration initial = retry.duration("initial_interval", Duration.ofSeconds(1));
        double jitter = retry.doubleValue("randomization_factor", 0.5);
        double multiplier = retry.doubleValue("multiplier", 2);
        Duration maxInterval = retry.duration("max_interval", Duration.ofSeconds(30));
        Duration maxElapsed = retry.duration("max_elapsed_time", Duration.ZERO);
        retry.finish();
        if (retrying && timeout.isZero() && maxElapsed.isZero()) {
            c.error("timeout", "timeout and retry.max_elapsed_time cannot both be 0 while retry is enabled: a hung detector would block startup");
        }
        c.has("client");
        List<String> attributes = c.strings("attributes", List.of());
        // every detector section is decoded (upstream's config has them all), listed or not; editors learn the keys from it
        Map<String, Function<Setup, Detector>> built = new LinkedHashMap<>();
        for (String type : Detectors.TYPES) {
            built.put(type, Detectors.decode(type, c.child(type)));
        }
        List<DetectorSpec> specs = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim();
            Function<Setup, Detector> b = built.get(name);
            if (b == null) {
                c.error("detectors", "invalid detector key: " + name + " (the detectors are " + String.join(", ", Detectors.TYPES) + ")");
            } else {
                specs.add(new DetectorSpec(name, b));
            }
        }
        // timeout 0 is "no client timeout" upstream; the session is then bounded by retry.max_elapsed_time (else unbounded)
        Duration bound = !timeout.isZero() ? timeout : !maxElapsed.isZero() ? maxElapsed : Duration.ofDays(365);
        return new Config(List.copyOf(specs), override, bound, attributes, refresh, failOnMissing,
                new Retry(retrying, initial, jitter, multiplier, maxInterval, maxElapsed));
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        Logger log = settings.logger(signal);
        Setup setup = new Setup(log, config.failOnMissingMetadata(), env, root, clients, inClusterApi, names);
        return new Processor() {
            private volatile Shared shared;

            @Override
            public void start(Host host) throws Exception {
                Shared s;
                boolean mine = false;
                synchronized (detected) {
                    s = detected.get(config);
                    if (s == null) {
                        s = new Shared();
                        detected.put(config, s);
                        mine = true;
                    }
                }
                if (mine) {
                    try {
                        s.current = detect(config, setup);
                        s.first.complete(s.current);
                    } catch (Exception e) {
                        s.first.completeExceptionally(e);
                    }
                    if (s.first.isDone() && !s.first.isCompletedExceptionally() && config.refreshInterval().isPositive()) {
                        s.refresher = refresher(s, config, setup);
                    }
                }
                try {
                    s.first.get();
                    shared = s;
                } catch (ExecutionException e) {
                    synchronized (detected) {
                        detected.remove(config);
                    }
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                Shared s = shared;
                Detected d = s == null ? new Detected(Map.of(), "") : s.current;
                if (!d.attributes().isEmpty() || !d.schemaUrl().isEmpty()) {
                    for (ResourceGroup<?> rg : batch.resources()) {
                        merge(rg.resource().attributes(), d.attributes(), config.override());
                        if (rg.schemaUrl().isEmpty() && !d.schemaUrl().isEmpty()) {
                            rg.setSchemaUrl(d.schemaUrl());
                        }
                    }
                }
                next.consume(batch);
            }

            @Override
            public boolean mutatesData() {
                return true;
            }

            @Override
            public void shutdown() {
                Shared s;
                synchronized (detected) {
                    s = detected.remove(config);
                }
                if (s != null && s.refresher != null) {
                    s.refresher.interrupt();
                }
            }
        };
    }

    /** Runs detection again every {@code refresh_interval}; a failed run keeps the previous resource, as upstream. */
    private static Thread refresher(Shared s, Config config, Setup setup) {
        return Thread.ofVirtual().name("resourcedetection-refresh").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(config.refreshInterval());
                    s.current = detect(config, setup);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    setup.log().warning("resource detection refresh failed, keeping the previous resource: " + e.getMessage());
                }
            }
        });
    }

    /**
     * Runs one detector, trying again after a failure while {@code retry} allows and the session lasts; each attempt
     * gets at most {@code timeout}.
     */
    private static Map<String, Object> attempts(Detector d, String name, Config config, long deadline, Logger log) throws Exception {
        Retry r = config.retry();
        double interval = r.initialInterval().toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                return d.detect(Duration.ofNanos(Math.max(1_000_000, Math.min(left, config.timeout().toNanos()))));
            } catch (Exception e) {
                long wait = (long) (interval * (1 + r.randomizationFactor() * (2 * java.util.concurrent.ThreadLocalRandom.current().nextDouble() - 1)));
                if (!r.enabled() || System.nanoTime() + wait >= deadline) {
                    throw e;
                }
                log.fine("resource detector " + name + " failed, trying again in " + Duration.ofNanos(wait) + ": " + e.getMessage());
                Thread.sleep(Duration.ofNanos(wait));
                interval = Math.min(interval * r.multiplier(), r.maxInterval().toNanos());
            }
        }
    }

    /** Whether a detector failed because a request of its own hit the detection timeout. */
    private static boolean ranOutOfTime(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static void merge(AttributeMap to, Map<String, Object> from, boolean override) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            if (override || !to.containsKey(e.getKey())) {
                to.put(e.getKey(), stored(e.getValue()));
            }
        }
    }

    private static Object stored(Object v) {
        if (v instanceof List<?> l) {
            AttributeList out = new AttributeList(l.size());
            l.forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
        return v;
    }

    /** Runs every detector concurrently within {@code timeout}; merges in list order, the first to set a key wins. */
    static Detected detect(Config config, Setup setup) throws Exception {
        Logger log = setup.log();
        List<CompletableFuture<Map<String, Object>>> running = new ArrayList<>();
        List<Detector> detectors = new ArrayList<>();
        for (DetectorSpec s : config.detectors()) {
            detectors.add(s.build().apply(setup));
        }
        long deadline = System.nanoTime() + config.session().toNanos();
        for (int i = 0; i < detectors.size(); i++) {
            Detector d = detectors.get(i);
            String name = config.detectors().get(i).name();
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return attempts(d, name, config, deadline, log);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, r -> Thread.ofVirtual().name("resourcedetection-" + name).start(r)));
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        String schemaUrl = "";
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            String name = config.detectors().get(i).name();
            try {
                Map<String, Object> got = running.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                got.forEach(merged::putIfAbsent);
                if (schemaUrl.isEmpty() && !got.isEmpty()) {
                    schemaUrl = detectors.get(i).schemaUrl();
                }
            } catch (TimeoutException e) {
                running.get(i).cancel(true);
                log.warning("resource detector " + name + " did not finish within " + config.session() + ": skipped");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (ranOutOfTime(cause)) {
                    // its own requests share the deadline: whichever clock fired first, the detector did not finish in time
                    log.warning("resource detector " + name + " did not finish within " + config.session() + ": skipped (" + cause.getMessage() + ")");
                    continue;
                }
                log.warning("failed to detect resource with detector " + name + ": " + cause.getMessage());
                errors.add(name + ": " + cause.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("resource detection failed: " + String.join("; ", errors));
        }
        if (!config.attributes().isEmpty()) {
            merged.keySet().retainAll(config.attributes());
        }
        log.info("detected resource information: " + merged);
        return new Detected(java.util.Collections.unmodifiableMap(merged), schemaUrl);
    }
}
