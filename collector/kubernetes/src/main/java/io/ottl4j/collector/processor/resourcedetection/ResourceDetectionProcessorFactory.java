package io.ottl4j.collector.processor.resourcedetection;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.k8s.KubernetesClients;
import io.ottl4j.collector.processor.resourcedetection.internal.AttributeSwitches;
import io.ottl4j.collector.processor.resourcedetection.internal.AzureDetector;
import io.ottl4j.collector.processor.resourcedetection.internal.Detector;
import io.ottl4j.collector.processor.resourcedetection.internal.Ec2Detector;
import io.ottl4j.collector.processor.resourcedetection.internal.EnvDetector;
import io.ottl4j.collector.processor.resourcedetection.internal.GcpDetector;
import io.ottl4j.collector.processor.resourcedetection.internal.K8sNodeDetector;
import io.ottl4j.collector.processor.resourcedetection.internal.SystemDetector;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The {@code resourcedetection} processor (alias {@code resource_detection}; collector-spec §3.5): detects the
 * resource once at start (detectors run concurrently; the first detector in the list to set a key wins) and
 * merges it into every resource, overwriting existing keys when {@code override} is true.
 *
 * <p>A detector's own error fails the collector's start, as upstream; a cloud detector whose metadata service
 * does not answer adds nothing; a detector still running when {@code timeout} has passed is logged and skipped.
 */
public final class ResourceDetectionProcessorFactory implements ProcessorFactory<ResourceDetectionProcessorFactory.Config> {
    /** A configured detector: its name and how to build it once the environment is known. */
    public record DetectorSpec(String name, Function<Logger, Detector> build) {
    }

    public record Config(List<DetectorSpec> detectors, boolean override, Duration timeout, List<String> attributes) {
    }

    /** The detected resource: attributes and schema URL. */
    record Detected(Map<String, Object> attributes, String schemaUrl) {
    }

    private final UnaryOperator<String> env;
    private final Path root;
    private final SystemDetector.Names names;
    private final KubernetesClients clients;
    private final Map<ComponentId, CompletableFuture<Detected>> detected = new HashMap<>();

    public ResourceDetectionProcessorFactory() {
        this(System::getenv, Path.of("/"), null, KubernetesClients.system());
    }

    /** A factory reading the environment, files below {@code root} and host names from the given sources (tests). */
    public ResourceDetectionProcessorFactory(UnaryOperator<String> env, Path root, SystemDetector.Names names, KubernetesClients clients) {
        this.env = env;
        this.root = root;
        this.names = names;
        this.clients = clients;
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
        return "detects the host, cloud and Kubernetes node resource once at start and adds it to all data";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        List<String> names = c.strings("detectors", List.of());
        boolean override = c.bool("override", true);
        Duration timeout = c.duration("timeout", Duration.ofSeconds(5));
        Duration refresh = c.duration("refresh_interval", Duration.ZERO);
        if (!refresh.isZero()) {
            c.error("refresh_interval", "unsupported", "refresh_interval is not supported by ottl4j: detection runs once at start (use 0)");
        }
        c.bool("fail_on_missing_metadata", false);
        c.child("retry").keys().forEach(k -> c.child("retry").raw(k));
        c.has("retry");
        c.has("client");
        List<String> attributes = c.strings("attributes", List.of());
        List<DetectorSpec> specs = new ArrayList<>();
        for (String name : names) {
            DetectorSpec s = switch (name) {
                case "env" -> new DetectorSpec(name, log -> new EnvDetector(env));
                case "system" -> system(c.child("system"));
                case "ec2" -> {
                    AttributeSwitches a = switches(c.child("ec2"), Ec2Detector.DEFAULTS, "tags");
                    yield new DetectorSpec(name, log -> new Ec2Detector(a, env, log));
                }
                case "gcp" -> {
                    AttributeSwitches a = switches(c.child("gcp"), GcpDetector.DEFAULTS);
                    yield new DetectorSpec(name, log -> new GcpDetector(a, env, log));
                }
                case "azure" -> {
                    AttributeSwitches a = switches(c.child("azure"), AzureDetector.DEFAULTS, "tags");
                    yield new DetectorSpec(name, log -> new AzureDetector(a, env, log));
                }
                case "k8snode" -> k8sNode(c.child(name));
                default -> {
                    c.error("detectors", "invalid detector key: " + name + " (ottl4j supports env, system, ec2, gcp, azure, k8snode)");
                    yield null;
                }
            };
            if (s != null) {
                specs.add(s);
            }
        }
        // sections of detectors not in the list are still part of the config: accept them
        for (String other : List.of("system", "ec2", "gcp", "azure", "k8snode", "env", "eks", "ecs", "aks", "docker", "consul", "openshift", "heroku", "lambda")) {
            c.has(other);
        }
        return new Config(List.copyOf(specs), override, timeout, attributes);
    }

    private DetectorSpec system(Conf s) {
        List<String> sources = s.strings("hostname_sources", List.of("dns", "os"));
        for (String src : sources) {
            if (!List.of("dns", "os", "cname", "lookup").contains(src)) {
                s.error("hostname_sources", "invalid hostname source: " + src);
            }
        }
        AttributeSwitches a = switches(s, SystemDetector.DEFAULTS, "hostname_sources");
        return new DetectorSpec("system", log -> new SystemDetector(sources, a, root, names));
    }

    private DetectorSpec k8sNode(Conf k) {
        KubernetesClients.ApiConfig api = KubernetesClients.ApiConfig.decode(k);
        String var = k.string("node_from_env_var", "K8S_NODE_NAME");
        AttributeSwitches a = switches(k, K8sNodeDetector.DEFAULTS);
        return new DetectorSpec("k8snode", log -> new K8sNodeDetector(a, clients, api, var, env));
    }

    private static AttributeSwitches switches(Conf detector, Map<String, Boolean> defaults, String... otherKeys) {
        for (String k : otherKeys) {
            detector.has(k);
        }
        AttributeSwitches a = AttributeSwitches.decode(detector, defaults);
        detector.finish();
        return a;
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        Logger log = settings.logger(signal);
        return new Processor() {
            private volatile Detected resource = new Detected(Map.of(), "");

            @Override
            public void start(Host host) throws Exception {
                CompletableFuture<Detected> f;
                boolean mine = false;
                synchronized (detected) {
                    f = detected.get(settings.id());
                    if (f == null) {
                        f = new CompletableFuture<>();
                        detected.put(settings.id(), f);
                        mine = true;
                    }
                }
                if (mine) {
                    try {
                        f.complete(detect(config, log));
                    } catch (Exception e) {
                        f.completeExceptionally(e);
                    }
                }
                try {
                    resource = f.get();
                } catch (ExecutionException e) {
                    synchronized (detected) {
                        detected.remove(settings.id());
                    }
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                Detected d = resource;
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
                synchronized (detected) {
                    detected.remove(settings.id());
                }
            }
        };
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
    static Detected detect(Config config, Logger log) throws Exception {
        List<CompletableFuture<Map<String, Object>>> running = new ArrayList<>();
        List<Detector> detectors = new ArrayList<>();
        for (DetectorSpec s : config.detectors()) {
            Detector d = s.build().apply(log);
            detectors.add(d);
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return d.detect(config.timeout());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, r -> Thread.ofVirtual().name("resourcedetection-" + s.name()).start(r)));
        }
        long deadline = System.nanoTime() + config.timeout().toNanos();
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
                log.warning("resource detector " + name + " did not finish within " + config.timeout() + ": skipped");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
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
