package io.ottl4j.collector.datadog.mapping;

import io.ottl4j.pdata.AttributeMap;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * Hostname resolution as upstream's attributes translator does it (opentelemetry-mapping-go source):
 * a {@code host} attribute; {@code datadog.host.name}; the cloud provider's host (AWS: host.name unless it is
 * an EC2 default name, else host.id; GCP and Azure: host.name); the Kubernetes node ({@code k8s.node.name},
 * with {@code -<k8s.cluster.name>} when known); {@code host.id}; {@code host.name}; localhost-like names are
 * discarded. Then the configured {@code hostname}, then the system's.
 */
public final class Hosts {
    private static volatile String system;

    private Hosts() {
    }

    /** Names that say nothing about the host: discarded as upstream does. */
    private static final Set<String> INVALID = Set.of("0.0.0.0", "127.0.0.1", "localhost", "localhost.localdomain", "localhost6.localdomain6",
            "ip6-localhost");
    private static final List<String> EC2_DEFAULT_PREFIXES = List.of("ip-", "domu", "ec2amaz-");

    /** The hostname the resource names, or "" when it names none. */
    public static String fromResource(AttributeMap res) {
        if (res == null) {
            return "";
        }
        String h = candidate(res);
        return INVALID.contains(h) ? "" : h;
    }

    private static String candidate(AttributeMap res) {
        for (String k : List.of("host", "datadog.host.name")) {
            String v = Attrs.get(null, res, k);
            if (!v.isEmpty()) {
                return v;
            }
        }
        String provider = Attrs.get(null, res, "cloud.provider");
        String hostName = Attrs.get(null, res, "host.name");
        String hostId = Attrs.get(null, res, "host.id");
        switch (provider) {
            case "aws" -> {
                if (Attrs.get(null, res, "aws.ecs.launchtype").equals("fargate")) {
                    return "";
                }
                if (!hostName.isEmpty() && EC2_DEFAULT_PREFIXES.stream().noneMatch(hostName::startsWith)) {
                    return hostName;
                }
                if (!hostId.isEmpty()) {
                    return hostId;
                }
            }
            case "gcp", "azure" -> {
                if (!hostName.isEmpty()) {
                    return hostName;
                }
            }
            default -> { }
        }
        String node = Attrs.get(null, res, "k8s.node.name");
        if (!node.isEmpty()) {
            String cluster = Attrs.get(null, res, "k8s.cluster.name");
            return cluster.isEmpty() ? node : node + "-" + cluster;
        }
        return hostId.isEmpty() ? hostName : hostId;
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
