package io.ottl4j.collector.processor.resourcedetection.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * {@code gcp} (Compute Engine, and the GKE cluster name): the GCE metadata server, whose host honours
 * {@code GCE_METADATA_HOST} as Google's client libraries do. Not on GCE: nothing detected, as upstream.
 */
public final class GcpDetector implements Detector {
    public static final Map<String, Boolean> DEFAULTS = defaults();

    private static Map<String, Boolean> defaults() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String a : new String[] {"cloud.provider", "cloud.platform", "cloud.account.id", "cloud.region", "cloud.availability_zone", "host.id", "host.name",
                "host.type", "k8s.cluster.name"}) {
            m.put(a, true);
        }
        m.put("gcp.gce.instance.hostname", false);
        m.put("gcp.gce.instance.name", false);
        return Map.copyOf(m);
    }

    private static final Map<String, String> FLAVOR = Map.of("Metadata-Flavor", "Google");
    private final AttributeSwitches attrs;
    private final String base;
    private final Logger log;

    public GcpDetector(AttributeSwitches attrs, UnaryOperator<String> env, Logger log) {
        this.attrs = attrs;
        this.base = MetadataClient.base(env.apply("GCE_METADATA_HOST"), "http://169.254.169.254") + "/computeMetadata/v1/";
        this.log = log;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        MetadataClient http = new MetadataClient(timeout);
        String project;
        try {
            project = http.get(base + "project/project-id", FLAVOR);
        } catch (Exception e) {
            log.info("GCE metadata unavailable, gcp detector adds nothing: " + e);
            return Map.of();
        }
        String zone = last(http.get(base + "instance/zone", FLAVOR));
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "gcp");
        attrs.put(out, "cloud.account.id", project);
        String cluster = optional(http, "instance/attributes/cluster-name");
        attrs.put(out, "cloud.platform", cluster.isEmpty() ? "gcp_compute_engine" : "gcp_kubernetes_engine");
        attrs.put(out, "cloud.availability_zone", zone);
        int dash = zone.lastIndexOf('-');
        attrs.put(out, "cloud.region", dash > 0 ? zone.substring(0, dash) : "");
        attrs.put(out, "host.id", http.get(base + "instance/id", FLAVOR));
        String name = http.get(base + "instance/name", FLAVOR);
        attrs.put(out, "host.name", name);
        attrs.put(out, "host.type", last(http.get(base + "instance/machine-type", FLAVOR)));
        attrs.put(out, "k8s.cluster.name", cluster);
        if (attrs.on("gcp.gce.instance.hostname")) {
            attrs.put(out, "gcp.gce.instance.hostname", http.get(base + "instance/hostname", FLAVOR));
        }
        attrs.put(out, "gcp.gce.instance.name", name);
        return out;
    }

    private String optional(MetadataClient http, String path) {
        try {
            return http.get(base + path, FLAVOR);
        } catch (Exception e) {
            return "";
        }
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
