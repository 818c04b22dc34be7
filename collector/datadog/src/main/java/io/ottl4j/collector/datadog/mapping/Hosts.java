package io.ottl4j.collector.datadog.mapping;

import io.ottl4j.pdata.AttributeMap;
import java.net.InetAddress;

/**
 * Hostname resolution as upstream's attributes translator does it (opentelemetry-mapping-go source):
 * {@code datadog.host.name}; the cloud provider's host (AWS/Azure host.id, GCP host.name.project); the
 * Kubernetes node ({@code k8s.node.name}, with {@code -<k8s.cluster.name>} when known); {@code host.id};
 * {@code host.name}; then the configured {@code hostname}, then the system's.
 */
public final class Hosts {
    private static volatile String system;

    private Hosts() {
    }

    /** The hostname the resource names, or "" when it names none. */
    public static String fromResource(AttributeMap res) {
        if (res == null) {
            return "";
        }
        String custom = Attrs.get(null, res, "datadog.host.name");
        if (!custom.isEmpty()) {
            return custom;
        }
        String provider = Attrs.get(null, res, "cloud.provider");
        if (provider.equals("aws") && Attrs.get(null, res, "aws.ecs.launchtype").equals("fargate")) {
            return "";
        }
        switch (provider) {
            case "aws", "azure" -> {
                String id = Attrs.get(null, res, "host.id");
                if (!id.isEmpty()) {
                    return id;
                }
            }
            case "gcp" -> {
                String name = Attrs.get(null, res, "host.name");
                String project = Attrs.get(null, res, "cloud.account.id");
                if (!name.isEmpty() && !project.isEmpty()) {
                    return name + "." + project;
                }
            }
            default -> { }
        }
        String node = Attrs.get(null, res, "k8s.node.name");
        if (!node.isEmpty()) {
            String cluster = Attrs.get(null, res, "k8s.cluster.name");
            return cluster.isEmpty() ? node : node + "-" + cluster;
        }
        String hostId = Attrs.get(null, res, "host.id");
        if (!hostId.isEmpty()) {
            return hostId;
        }
        return Attrs.get(null, res, "host.name");
    }

    /** The resource's hostname, else {@code fallback} (the config's, or the system's when that is empty). */
    public static String resolve(AttributeMap res, String fallback) {
        String h = fromResource(res);
        if (!h.isEmpty()) {
            return h;
        }
        return fallback.isEmpty() ? system() : fallback;
    }

    /** The machine's hostname (config_or_system's "system"), looked up once. */
    public static String system() {
        String s = system;
        if (s == null) {
            try {
                s = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                s = System.getenv().getOrDefault("HOSTNAME", "localhost");
            }
            system = s;
        }
        return s;
    }
}
