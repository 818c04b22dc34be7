package io.ottl4j.collector.processor.resourcedetection.internal;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ottl4j.collector.k8s.KubernetesClients;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubeadm}: the cluster name from the {@code kube-system/kubeadm-config} ConfigMap (its
 * {@code ClusterConfiguration}'s {@code clusterName}) and the cluster UID (the {@code kube-system} namespace's UID).
 * API failures are logged and nothing is detected (an error with {@code fail_on_missing_metadata}), as upstream.
 */
public final class KubeadmDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("k8s.cluster.name"), List.of("k8s.cluster.uid"));
    private static final Pattern CLUSTER_NAME = Pattern.compile("(?m)^clusterName:\\s*\"?([^\"\\s]+)\"?\\s*$");

    private final KubernetesClients.ApiConfig api;

    public KubeadmDetector(AttributeSwitches attrs, Setup setup, KubernetesClients.ApiConfig api) {
        super("kubeadm", attrs, setup, null, "http://unused");
        this.api = api;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (KubernetesClient client = setup.clients().create(api)) {
            if (attrs.on("k8s.cluster.name")) {
                ConfigMap cm = K8sApiDetector.within(timeout, () -> client.configMaps().inNamespace("kube-system").withName("kubeadm-config").get());
                if (cm == null) {
                    throw new IllegalStateException("failed to fetch ConfigMap with name kubeadm-config and namespace kube-system from K8s API: not found");
                }
                attrs.put(out, "k8s.cluster.name", clusterName(cm.getData() == null ? Map.of() : cm.getData()));
            }
            if (attrs.on("k8s.cluster.uid")) {
                attrs.put(out, "k8s.cluster.uid", K8sApiDetector.clusterUid(client, timeout, log));
            }
        } catch (Exception e) {
            return absent(e);
        }
        return out;
    }

    static String clusterName(Map<String, String> data) {
        String direct = data.getOrDefault("clusterName", "");
        if (!direct.isEmpty()) {
            return direct;
        }
        Matcher m = CLUSTER_NAME.matcher(data.getOrDefault("ClusterConfiguration", ""));
        return m.find() ? m.group(1) : "";
    }
}
