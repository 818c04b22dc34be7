package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.ottl4j.collector.internal.tls.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code openshift}: the cluster's {@code config.openshift.io/v1} Infrastructure status. Address, token and CA
 * default to the pod's ({@code KUBERNETES_SERVICE_HOST}/{@code _PORT}, the service-account token and
 * {@code ca.crt}); {@code address}, {@code token} and {@code tls} replace them. The API failing: logged, nothing
 * detected, as upstream; no address at all: an error.
 */
public final class OpenShiftDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.region",
            "k8s.cluster.name"), List.of());
    private static final String SA = "/var/run/secrets/kubernetes.io/serviceaccount/";

    private final String address;
    private final String token;
    private final TlsConfig tls;
    private final boolean tlsSet;

    public OpenShiftDetector(AttributeSwitches attrs, Setup setup, String address, String token, TlsConfig tls, boolean tlsSet) {
        super("openshift", attrs, setup, null, "http://unused");
        this.address = address;
        this.token = token;
        this.tls = tls;
        this.tlsSet = tlsSet;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        String addr = address;
        if (addr.isEmpty()) {
            String host = setup.var("KUBERNETES_SERVICE_HOST");
            String port = setup.var("KUBERNETES_SERVICE_PORT");
            if (host.isEmpty() || port.isEmpty()) {
                throw new IllegalStateException("could not extract openshift api address: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set "
                        + "or openshift::address configured");
            }
            addr = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
        String bearer = token;
        if (bearer.isEmpty()) {
            Path f = setup.file(SA + "token");
            bearer = Files.isReadable(f) ? Files.readString(f).trim() : "";
        }
        TlsConfig t = tls;
        if (!tlsSet || (!tls.insecure() && tls.caFile().isEmpty())) {
            Path ca = setup.file(SA + "ca.crt");
            if (Files.isReadable(ca)) {
                t = tls.withCaFile(ca.toString()); // the service account's CA; every other tls key as configured
            }
        }
        JsonNode infra;
        try {
            MetadataClient http = new MetadataClient(timeout, addr.startsWith("https://") ? t.clientContext() : null);
            infra = http.getJson(MetadataClient.base(addr, "") + "/apis/config.openshift.io/v1/infrastructures/cluster/status",
                    Map.of("Authorization", "Bearer " + bearer));
        } catch (Exception e) {
            log.severe("OpenShift detector metadata retrieval failed: " + e);
            return Map.of();
        }
        JsonNode status = infra.path("status");
        JsonNode ps = status.path("platformStatus");
        String provider = "";
        String platform = "";
        String region = switch (ps.path("type").asText("").toLowerCase(Locale.ROOT)) {
            case "aws" -> {
                provider = "aws";
                platform = "aws_openshift";
                yield ps.path("aws").path("region").asText("");
            }
            case "azure" -> {
                provider = "azure";
                platform = "azure_openshift";
                yield ps.path("azure").path("cloudName").asText("");
            }
            case "gcp" -> {
                provider = "gcp";
                platform = "gcp_openshift";
                yield ps.path("gcp").path("region").asText("");
            }
            case "ibmcloud" -> {
                provider = "ibm_cloud";
                platform = "ibm_cloud_openshift";
                yield ps.path("ibmcloud").path("location").asText("");
            }
            case "openstack" -> ps.path("openstack").path("cloudName").asText("");
            default -> "";
        };
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "k8s.cluster.name", status.path("infrastructureName").asText(""));
        attrs.put(out, "cloud.provider", provider);
        attrs.put(out, "cloud.platform", platform);
        attrs.put(out, "cloud.region", region.toLowerCase(Locale.ROOT));
        return out;
    }
}
