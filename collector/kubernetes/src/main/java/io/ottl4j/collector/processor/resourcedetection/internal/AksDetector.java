package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aks}: in a Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} set) whose node answers on the Azure Instance
 * Metadata Service ({@code IMDS_ENDPOINT} overrides it). The cluster name comes from the node's infrastructure
 * resource group, {@code MC_<group>_<cluster>_<location>}; when that cannot be parsed the group name itself is used.
 */
public final class AksDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform"), List.of("k8s.cluster.name"));

    public AksDetector(AttributeSwitches attrs, Setup setup) {
        super("aks", attrs, setup, "IMDS_ENDPOINT", "http://169.254.169.254");
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        if (setup.var("KUBERNETES_SERVICE_HOST").isEmpty()) {
            return absent("not running in Kubernetes (KUBERNETES_SERVICE_HOST is not set)");
        }
        JsonNode c;
        try {
            c = AzureDetector.compute(base, timeout);
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "azure");
        attrs.put(out, "cloud.platform", "azure_aks");
        attrs.put(out, "k8s.cluster.name", clusterName(c.path("resourceGroupName").asText("")));
        return out;
    }

    public static String clusterName(String group) {
        String[] parts = group.split("_");
        return parts.length == 4 && parts[0].equalsIgnoreCase("mc") ? parts[2] : group;
    }
}
