package io.ottl4j.collector.processor.resourcedetection.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ottl4j.collector.k8s.KubernetesClients;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** {@code k8snode}: the name and UID of the node named by an environment variable (downward API), from the API server. */
public final class K8sNodeDetector implements Detector {
    public static final Map<String, Boolean> DEFAULTS = Map.of("k8s.node.name", true, "k8s.node.uid", true);

    private final AttributeSwitches attrs;
    private final KubernetesClients clients;
    private final KubernetesClients.ApiConfig api;
    private final String nodeFromEnvVar;
    private final UnaryOperator<String> env;

    public K8sNodeDetector(AttributeSwitches attrs, KubernetesClients clients, KubernetesClients.ApiConfig api, String nodeFromEnvVar, UnaryOperator<String> env) {
        this.attrs = attrs;
        this.clients = clients;
        this.api = api;
        this.nodeFromEnvVar = nodeFromEnvVar;
        this.env = env;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        String node = env.apply(nodeFromEnvVar);
        if (node == null || node.isEmpty()) {
            throw new IllegalStateException("node name can't be found: set the environment variable " + nodeFromEnvVar
                    + " (e.g. from the downward API's spec.nodeName)");
        }
        try (KubernetesClient client = clients.create(api)) {
            Node n = CompletableFuture.supplyAsync(() -> client.nodes().withName(node).get()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null) {
                throw new IllegalStateException("failed getting k8s node UID: node \"" + node + "\" not found");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            attrs.put(out, "k8s.node.name", node);
            attrs.put(out, "k8s.node.uid", n.getMetadata().getUid());
            return out;
        }
    }
}
