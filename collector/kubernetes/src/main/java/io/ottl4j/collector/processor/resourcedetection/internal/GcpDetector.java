package io.ottl4j.collector.processor.resourcedetection.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gcp}: the GCE metadata server (its host honours {@code GCE_METADATA_HOST} as Google's client libraries do)
 * and the platform's environment, which decides the platform as upstream's detector does: GKE
 * ({@code KUBERNETES_SERVICE_HOST}), Cloud Functions ({@code FUNCTION_TARGET}), Cloud Run services
 * ({@code K_CONFIGURATION}), Cloud Run jobs ({@code CLOUD_RUN_JOB}), App Engine ({@code GAE_SERVICE}), else Compute
 * Engine. Not on GCP (no metadata server): nothing detected, as upstream. On Compute Engine, instance labels whose
 * keys match {@code labels} become {@code gcp.gce.instance.labels.<key>}, read from the Compute API with the instance's
 * service-account token (endpoint {@code OTTL4J_METADATA_ENDPOINT_GCP_COMPUTE}, else compute.googleapis.com).
 */
public final class GcpDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
            "cloud.region", "cloud.availability_zone", "host.id", "host.name", "host.type", "k8s.cluster.name", "faas.name", "faas.version",
            "faas.instance", "gcp.cloud_run.job.execution", "gcp.cloud_run.job.task_index"),
            List.of("faas.id", "gcp.gce.instance.hostname", "gcp.gce.instance.name", "gcp.gce.instance.group_manager.name", "gcp.gce.instance.group_manager.region",
                    "gcp.gce.instance.group_manager.zone"));

    private static final Map<String, String> FLAVOR = Map.of("Metadata-Flavor", "Google");
    private final String api;
    private final List<com.google.re2j.Pattern> labels;

    public GcpDetector(AttributeSwitches attrs, Setup setup, List<com.google.re2j.Pattern> labels) {
        super("gcp", attrs, setup, "GCE_METADATA_HOST", "http://169.254.169.254");
        this.api = base + "/computeMetadata/v1/";
        this.labels = labels;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        MetadataClient http = new MetadataClient(timeout);
        String project;
        try {
            project = http.get(api + "project/project-id", FLAVOR);
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "gcp");
        attrs.put(out, "cloud.account.id", project);
        if (!setup.var("KUBERNETES_SERVICE_HOST").isEmpty()) {
            attrs.put(out, "cloud.platform", "gcp_kubernetes_engine");
            String location = optional(http, "instance/attributes/cluster-location");
            if (location.chars().filter(ch -> ch == '-').count() == 2) {
                attrs.put(out, "cloud.availability_zone", location);
                attrs.put(out, "cloud.region", region(location));
            } else {
                attrs.put(out, "cloud.region", location);
            }
            attrs.put(out, "k8s.cluster.name", optional(http, "instance/attributes/cluster-name"));
            attrs.put(out, "host.id", optional(http, "instance/id"));
            attrs.put(out, "host.name", optional(http, "instance/name"));
        } else if (!setup.var("FUNCTION_TARGET").isEmpty() && !setup.var("K_SERVICE").isEmpty()) {
            serverless(http, out, "gcp_cloud_functions", setup.var("K_SERVICE"), setup.var("K_REVISION"));
        } else if (!setup.var("K_CONFIGURATION").isEmpty()) {
            serverless(http, out, "gcp_cloud_run", setup.var("K_SERVICE"), setup.var("K_REVISION"));
        } else if (!setup.var("CLOUD_RUN_JOB").isEmpty()) {
            serverless(http, out, "gcp_cloud_run", setup.var("CLOUD_RUN_JOB"), "");
            attrs.put(out, "gcp.cloud_run.job.execution", setup.var("CLOUD_RUN_EXECUTION"));
            attrs.put(out, "gcp.cloud_run.job.task_index", setup.var("CLOUD_RUN_TASK_INDEX"));
        } else if (!setup.var("GAE_SERVICE").isEmpty()) {
            attrs.put(out, "cloud.platform", "gcp_app_engine");
            String zone = last(optional(http, "instance/zone"));
            attrs.put(out, "cloud.availability_zone", zone);
            String r = last(optional(http, "instance/region"));
            attrs.put(out, "cloud.region", r.isEmpty() ? region(zone) : r);
            attrs.put(out, "faas.name", setup.var("GAE_SERVICE"));
            attrs.put(out, "faas.version", setup.var("GAE_VERSION"));
            attrs.put(out, "faas.instance", setup.var("GAE_INSTANCE"));
        } else {
            attrs.put(out, "cloud.platform", "gcp_compute_engine");
            String zone = last(http.get(api + "instance/zone", FLAVOR));
            attrs.put(out, "cloud.availability_zone", zone);
            attrs.put(out, "cloud.region", region(zone));
            attrs.put(out, "host.id", http.get(api + "instance/id", FLAVOR));
            String name = http.get(api + "instance/name", FLAVOR);
            attrs.put(out, "host.name", name);
            attrs.put(out, "host.type", last(http.get(api + "instance/machine-type", FLAVOR)));
            if (attrs.on("gcp.gce.instance.hostname")) {
                attrs.put(out, "gcp.gce.instance.hostname", http.get(api + "instance/hostname", FLAVOR));
            }
            attrs.put(out, "gcp.gce.instance.name", name);
            String createdBy = last(optional(http, "instance/attributes/created-by"));
            attrs.put(out, "gcp.gce.instance.group_manager.name", createdBy);
            if (!labels.isEmpty()) {
                labels(http, project, zone, name, out);
            }
        }
        return out;
    }

    private void serverless(MetadataClient http, Map<String, Object> out, String platform, String name, String version) {
        attrs.put(out, "cloud.platform", platform);
        attrs.put(out, "cloud.region", last(optional(http, "instance/region")));
        attrs.put(out, "faas.name", name);
        attrs.put(out, "faas.version", version);
        String id = optional(http, "instance/id");
        attrs.put(out, "faas.instance", id);
        attrs.put(out, "faas.id", id);
    }

    /** The instance's labels from the Compute API (the service account needs roles/compute.viewer, as upstream). */
    private void labels(MetadataClient http, String project, String zone, String name, Map<String, Object> out) throws Exception {
        String token = MetadataClient.json(http.get(api + "instance/service-accounts/default/token", FLAVOR)).path("access_token").asText("");
        String compute = MetadataClient.base(setup.var("OTTL4J_METADATA_ENDPOINT_GCP_COMPUTE"), "https://compute.googleapis.com");
        com.fasterxml.jackson.databind.JsonNode instance = http.getJson(compute + "/compute/v1/projects/" + project + "/zones/" + zone + "/instances/" + name,
                Map.of("Authorization", "Bearer " + token));
        instance.path("labels").fields().forEachRemaining(e -> {
            if (labels.stream().anyMatch(p -> p.matcher(e.getKey()).find())) {
                out.put("gcp.gce.instance.labels." + e.getKey(), e.getValue().asText(""));
            }
        });
    }

    private String optional(MetadataClient http, String path) {
        try {
            return http.get(api + path, FLAVOR);
        } catch (Exception e) {
            return "";
        }
    }

    private static String region(String zone) {
        int dash = zone.lastIndexOf('-');
        return dash > 0 ? zone.substring(0, dash) : "";
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
