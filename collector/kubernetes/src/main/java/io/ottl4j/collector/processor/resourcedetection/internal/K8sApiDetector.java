package io.ottl4j.collector.processor.resourcedetection.internal;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ottl4j.collector.k8s.KubernetesClients;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code k8s_api} (deprecated name {@code k8snode}): the name and UID of the node named by an environment variable
 * (downward API) and the cluster UID (the {@code kube-system} namespace's UID), from the API server. Without
 * permission to read {@code kube-system} the cluster UID is skipped with a warning, as upstream.
 */
public final class K8sApiDetector implements Detector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("k8s.cluster.uid", "k8s.node.name", "k8s.node.uid"), List.of());

    private final AttributeSwitches attrs;
    private final Setup setup;
    private final KubernetesClients.ApiConfig api;
    private final String nodeFromEnvVar;

    public K8sApiDetector(AttributeSwitches attrs, Setup setup, KubernetesClients.ApiConfig api, String nodeFromEnvVar) {
        this.attrs = attrs;
        this.setup = setup;
        this.api = api;
        this.nodeFromEnvVar = nodeFromEnvVar;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.40.0";
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        String node = setup.var(nodeFromEnvVar);
        if (node.isEmpty()) {
            throw new IllegalStateException("node name can't be found: set the environment variable " + nodeFromEnvVar
                    + " (e.g. from the downward API's spec.nodeName)");
        }
        try (KubernetesClient client = setup.clients().create(api)) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (attrs.on("k8s.node.uid")) {
                Node n = within(timeout, () -> client.nodes().withName(node).get());
                if (n == null) {
                    throw new IllegalStateException("failed getting k8s node UID: node \"" + node + "\" not found");
                }
                attrs.put(out, "k8s.node.uid", n.getMetadata().getUid());
            }
            attrs.put(out, "k8s.node.name", node);
            if (attrs.on("k8s.cluster.uid")) {
                attrs.put(out, "k8s.cluster.uid", clusterUid(client, timeout, setup.log()));
            }
            return out;
        }
    }

    /** The kube-system namespace's UID, or empty (with a warning) when the API forbids reading it. */
    static String clusterUid(KubernetesClient client, Duration timeout, Logger log) throws Exception {
        try {
            Namespace ns = within(timeout, () -> client.namespaces().withName("kube-system").get());
            if (ns == null) {
                throw new IllegalStateException("failed getting k8s cluster UID: namespace kube-system not found");
            }
            return ns.getMetadata().getUid();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401 || e.getCode() == 403) {
                log.warning("no permission to get kube-system namespace, skipping k8s.cluster.uid; grant 'get' on namespaces/kube-system to fix: "
                        + e.getMessage());
                return "";
            }
            throw new IllegalStateException("failed getting k8s cluster UID: " + e.getMessage(), e);
        }
    }

    /**
     * One API call bounded by the detection timeout; the client's own exception comes through as itself. The call runs
     * on its own virtual thread: on the common pool (one worker on a 2-core machine) it could wait for the client's
     * own completion stages queued behind it.
     */
    static <T> T within(Duration timeout, Supplier<T> call) throws Exception {
        try {
            return CompletableFuture.supplyAsync(call, r -> Thread.ofVirtual().name("resourcedetection-k8s").start(r))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }
}
