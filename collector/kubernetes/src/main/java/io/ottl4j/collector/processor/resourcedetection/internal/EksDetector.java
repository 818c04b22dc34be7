package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eks}: in a Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} set) whose API server reports an EKS version
 * ({@code gitVersion} containing {@code -eks-}), as upstream decides. The instance facts come from the EC2 metadata
 * service ({@code AWS_EC2_METADATA_SERVICE_ENDPOINT} overrides it); without IMDS (EKS Auto Mode, pods off the host
 * network) from the node named by {@code node_from_env_var}, whose {@code spec.providerID}
 * ({@code aws:///<zone>/<instance>}) the API server reports.
 *
 * <p>{@code k8s.cluster.name} comes from the instance's {@code eks:cluster-name} tag (or a
 * {@code kubernetes.io/cluster/<name>} tag), read with the EC2 DescribeInstances API (SigV4-signed, see {@link AwsApi})
 * as upstream does, else from the tags the instance exposes in IMDS.
 */
public final class EksDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform"),
            List.of("cloud.account.id", "cloud.region", "cloud.availability_zone", "host.name", "host.id", "host.image.id", "host.type", "k8s.cluster.name"));

    private final String nodeFromEnvVar;

    public EksDetector(AttributeSwitches attrs, Setup setup, String nodeFromEnvVar) {
        super("eks", attrs, setup, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://169.254.169.254");
        this.nodeFromEnvVar = nodeFromEnvVar;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        if (setup.var("KUBERNETES_SERVICE_HOST").isEmpty()) {
            return absent("not running in Kubernetes (KUBERNETES_SERVICE_HOST is not set)");
        }
        String version;
        try (KubernetesClient client = setup.clients().create(setup.inClusterApi())) {
            version = K8sApiDetector.within(timeout, () -> client.getKubernetesVersion().getGitVersion());
        } catch (Exception e) {
            return absent(new IllegalStateException("isEks() error retrieving cluster version: " + e.getMessage(), e));
        }
        if (version == null || !version.contains("-eks-")) {
            return absent("the cluster is not EKS (version " + version + ")");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        MetadataClient http = new MetadataClient(timeout);
        Imds imds = new Imds(http, base).open();
        try {
            imds.get("instance-id");
        } catch (Exception e) {
            return fromApiServer(timeout, e);
        }
        JsonNode doc = imds.identity();
        attrs.put(out, "cloud.provider", "aws");
        attrs.put(out, "cloud.platform", "aws_eks");
        Ec2Detector.identity(attrs, out, doc);
        attrs.put(out, "host.name", imds.get("hostname"));
        if (attrs.on("k8s.cluster.name")) {
            String cluster;
            try {
                Map<String, String> tags = new LinkedHashMap<>();
                for (Map<String, String> t : new AwsApi(setup, http, imds, doc.path("region").asText("")).ec2(Map.of("Action", "DescribeInstances",
                        "InstanceId.1", doc.path("instanceId").asText("")), "tagSet")) {
                    tags.put(t.getOrDefault("key", ""), t.getOrDefault("value", ""));
                }
                cluster = clusterName(tags);
            } catch (Exception e) {
                cluster = clusterName(imds.tags());
                if (cluster.isEmpty()) {
                    throw new IllegalStateException("failed getting the EKS cluster name: " + e.getMessage(), e);
                }
            }
            attrs.put(out, "k8s.cluster.name", cluster);
        }
        return out;
    }

    static String clusterName(Map<String, String> tags) {
        String name = tags.getOrDefault("eks:cluster-name", tags.getOrDefault("aws:eks:cluster-name", ""));
        if (name.isEmpty()) {
            for (String k : tags.keySet()) {
                if (k.startsWith("kubernetes.io/cluster/")) {
                    return k.substring("kubernetes.io/cluster/".length());
                }
            }
        }
        return name;
    }

    private Map<String, Object> fromApiServer(Duration timeout, Exception imdsFailure) throws Exception {
        String nodeName = setup.var(nodeFromEnvVar);
        if (nodeName.isEmpty()) {
            throw new IllegalStateException("EC2 metadata unavailable (" + imdsFailure.getMessage() + ") and " + nodeFromEnvVar
                    + " does not name the node", imdsFailure);
        }
        Node node;
        try (KubernetesClient client = setup.clients().create(setup.inClusterApi())) {
            node = K8sApiDetector.within(timeout, () -> client.nodes().withName(nodeName).get());
        }
        String provider = node == null || node.getSpec() == null || node.getSpec().getProviderID() == null ? "" : node.getSpec().getProviderID();
        if (!provider.startsWith("aws://")) {
            throw new IllegalStateException("node " + nodeName + " is not an AWS instance (providerID \"" + provider + "\")");
        }
        String[] parts = provider.substring("aws://".length()).replaceAll("^/+", "").split("/");
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "aws");
        attrs.put(out, "cloud.platform", "aws_eks");
        if (parts.length == 2) {
            String zone = parts[0];
            attrs.put(out, "cloud.availability_zone", zone);
            attrs.put(out, "cloud.region", zone.isEmpty() ? "" : zone.replaceAll("[a-z]$", ""));
            attrs.put(out, "host.id", parts[1]);
        }
        attrs.put(out, "host.name", nodeName);
        return out;
    }
}
