package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cloud detectors that read one instance metadata service on the link-local address. Their SDKs have no
 * variable that moves the endpoint, so ottl4j reads {@code OTTL4J_METADATA_ENDPOINT_<TYPE>} (e.g.
 * {@code OTTL4J_METADATA_ENDPOINT_HETZNER=http://127.0.0.1:8080}). No answer: nothing detected (an error with
 * {@code fail_on_missing_metadata}), as upstream.
 */
public final class HostingDetectors {
    private HostingDetectors() {
    }

    static String endpointVariable(String type) {
        return "OTTL4J_METADATA_ENDPOINT_" + type.toUpperCase(Locale.ROOT);
    }

    private static final List<String> CLOUD_HOST = List.of("cloud.provider", "cloud.region", "host.id", "host.name");

    /** {@code akamai} (Linode): a metadata token, then the instance document. */
    public static final class Akamai extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.account.id", "cloud.platform", "cloud.provider",
                "cloud.region", "host.id", "host.image.id", "host.image.name", "host.name", "host.type"), List.of());

        public Akamai(AttributeSwitches attrs, Setup setup) {
            super("akamai", attrs, setup, endpointVariable("akamai"), "http://169.254.169.254");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            JsonNode i;
            try {
                MetadataClient http = new MetadataClient(timeout);
                MetadataClient.Response token = http.send("PUT", base + "/v1/token", Map.of("Metadata-Token-Expiry-Seconds", "3600"));
                if (!token.ok()) {
                    throw new IllegalStateException("token request: HTTP " + token.status());
                }
                i = http.getJson(base + "/v1/instance", Map.of("Metadata-Token", token.body().trim(), "Accept", "application/json"));
            } catch (Exception e) {
                return absent(e);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            attrs.put(out, "cloud.account.id", i.path("account_euuid").asText(""));
            attrs.put(out, "cloud.provider", "akamai_cloud");
            attrs.put(out, "cloud.platform", "akamai_cloud.compute");
            attrs.put(out, "cloud.region", i.path("region").asText(""));
            attrs.put(out, "host.id", i.path("id").asText(""));
            attrs.put(out, "host.image.id", i.path("image").path("id").asText(""));
            attrs.put(out, "host.image.name", i.path("image").path("label").asText(""));
            attrs.put(out, "host.name", i.path("label").asText(""));
            attrs.put(out, "host.type", i.path("type").asText(""));
            return out;
        }
    }

    /** {@code hetzner}: Hetzner Cloud's plain-text metadata paths. */
    public static final class Hetzner extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.availability_zone", "cloud.provider", "cloud.region",
                "host.id", "host.name"), List.of("cloud.platform"));

        public Hetzner(AttributeSwitches attrs, Setup setup) {
            super("hetzner", attrs, setup, endpointVariable("hetzner"), "http://169.254.169.254");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) throws Exception {
            return fromPaths(timeout, "/hetzner/v1/metadata/", Map.of(), "instance-id", (id, p, out) -> {
                attrs.put(out, "cloud.provider", "hetzner");
                attrs.put(out, "cloud.platform", "hetzner.cloud");
                attrs.put(out, "host.id", id);
                attrs.put(out, "host.name", p.get("hostname"));
                attrs.put(out, "cloud.region", p.get("region"));
                attrs.put(out, "cloud.availability_zone", p.get("availability-zone"));
            });
        }
    }

    /** {@code scaleway}: the instance's {@code /conf?format=json} on 169.254.42.42. */
    public static final class Scaleway extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.account.id", "cloud.availability_zone",
                "cloud.platform", "cloud.provider", "cloud.region", "host.id", "host.image.id", "host.image.name", "host.name", "host.type"), List.of());

        public Scaleway(AttributeSwitches attrs, Setup setup) {
            super("scaleway", attrs, setup, endpointVariable("scaleway"), "http://169.254.42.42");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            return fromJson(timeout, "/conf?format=json", Map.of(), (m, out) -> {
                String zone = m.path("location").path("zone_id").asText("");
                attrs.put(out, "cloud.account.id", m.path("organization").asText(""));
                attrs.put(out, "cloud.availability_zone", zone);
                attrs.put(out, "cloud.provider", "scaleway_cloud");
                attrs.put(out, "cloud.platform", "scaleway_cloud_compute");
                int dash = zone.lastIndexOf('-');
                attrs.put(out, "cloud.region", dash > 0 ? zone.substring(0, dash) : "");
                attrs.put(out, "host.id", m.path("id").asText(""));
                attrs.put(out, "host.image.id", m.path("image").path("id").asText(""));
                attrs.put(out, "host.image.name", m.path("image").path("name").asText(""));
                attrs.put(out, "host.name", m.path("name").asText(""));
                attrs.put(out, "host.type", m.path("commercial_type").asText(""));
            });
        }
    }

    /** {@code upcloud}: {@code /metadata/v1.json}. */
    public static final class Upcloud extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(CLOUD_HOST, List.of());

        public Upcloud(AttributeSwitches attrs, Setup setup) {
            super("upcloud", attrs, setup, endpointVariable("upcloud"), "http://169.254.169.254");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            return fromJson(timeout, "/metadata/v1.json", Map.of(), (m, out) -> {
                attrs.put(out, "cloud.provider", m.path("cloud_name").asText(""));
                attrs.put(out, "cloud.region", m.path("region").asText(""));
                attrs.put(out, "host.id", m.path("instance_id").asText(""));
                attrs.put(out, "host.name", m.path("hostname").asText(""));
            });
        }
    }

    /** {@code vultr}: {@code /v1.json}. */
    public static final class Vultr extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(CLOUD_HOST, List.of());

        public Vultr(AttributeSwitches attrs, Setup setup) {
            super("vultr", attrs, setup, endpointVariable("vultr"), "http://169.254.169.254");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            return fromJson(timeout, "/v1.json", Map.of(), (m, out) -> {
                attrs.put(out, "cloud.provider", "vultr");
                attrs.put(out, "cloud.region", m.path("region").path("regioncode").asText("").toLowerCase(Locale.ROOT));
                attrs.put(out, "host.id", m.path("instance-v2-id").asText(""));
                attrs.put(out, "host.name", m.path("hostname").asText(""));
            });
        }
    }

    /** {@code digitalocean}: the droplet's {@code /metadata/v1.json}. */
    public static final class DigitalOcean extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(CLOUD_HOST, List.of());

        public DigitalOcean(AttributeSwitches attrs, Setup setup) {
            super("digitalocean", attrs, setup, endpointVariable("digitalocean"), "http://169.254.169.254");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            return fromJson(timeout, "/metadata/v1.json", Map.of(), (m, out) -> {
                attrs.put(out, "cloud.provider", "digitalocean");
                attrs.put(out, "host.id", m.path("droplet_id").asText(""));
                attrs.put(out, "host.name", m.path("hostname").asText(""));
                attrs.put(out, "cloud.region", m.path("region").asText(""));
            });
        }
    }

    /** {@code nova} (OpenStack): {@code /openstack/latest/meta_data.json}, the EC2-compatible instance type, and {@code meta} keys matching {@code labels}. */
    public static final class Nova extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
                "cloud.availability_zone", "host.id", "host.name", "host.type"), List.of("cloud.region"));
        private final List<Pattern> labels;

        public Nova(AttributeSwitches attrs, Setup setup, List<Pattern> labels) {
            super("nova", attrs, setup, endpointVariable("nova"), "http://169.254.169.254");
            this.labels = labels;
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            MetadataClient http = new MetadataClient(timeout);
            JsonNode m;
            try {
                m = http.getJson(base + "/openstack/latest/meta_data.json", Map.of());
                if (m.path("uuid").asText("").isEmpty()) {
                    throw new IllegalStateException("instance ID (uuid) not found in metadata");
                }
            } catch (Exception e) {
                return absent(e);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            try {
                attrs.put(out, "host.type", http.get(base + "/latest/meta-data/instance-type", Map.of()));
            } catch (Exception e) {
                log.fine("nova: EC2-compatible instance type unavailable: " + e);
            }
            attrs.put(out, "cloud.provider", "openstack");
            attrs.put(out, "cloud.platform", "openstack_nova");
            attrs.put(out, "cloud.account.id", m.path("project_id").asText(""));
            attrs.put(out, "cloud.availability_zone", m.path("availability_zone").asText(""));
            attrs.put(out, "host.id", m.path("uuid").asText(""));
            attrs.put(out, "host.name", m.path("hostname").asText(""));
            for (Iterator<Map.Entry<String, JsonNode>> it = m.path("meta").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (labels.stream().anyMatch(p -> p.matcher(e.getKey()).find())) {
                    out.put("openstack.nova.meta." + e.getKey(), e.getValue().asText(""));
                }
            }
            return out;
        }
    }

    /** {@code oraclecloud}: a fast probe of {@code /opc/v2/instance/}; the probe answers but the document fails: an error, as upstream. */
    public static final class OracleCloud extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.availability_zone", "cloud.platform",
                "cloud.provider", "cloud.region", "host.id", "host.name", "host.type", "k8s.cluster.name", "oracle_cloud.realm"), List.of());
        private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer Oracle");

        public OracleCloud(AttributeSwitches attrs, Setup setup) {
            super("oraclecloud", attrs, setup, endpointVariable("oraclecloud"), "http://169.254.169.254");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) throws Exception {
            MetadataClient http = new MetadataClient(timeout);
            String url = base + "/opc/v2/instance/";
            try {
                MetadataClient.Response probe = http.send("HEAD", url, AUTH);
                if (probe.status() != 200) {
                    throw new IllegalStateException("HTTP " + probe.status());
                }
            } catch (Exception e) {
                return absent(e);
            }
            JsonNode m;
            try {
                m = http.getJson(url, AUTH);
            } catch (Exception e) {
                throw new IllegalStateException("failed to query OracleCloud IMDS: " + e.getMessage(), e);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            String cluster = m.path("metadata").path("oke-cluster-display-name").asText("");
            attrs.put(out, "cloud.provider", "oracle_cloud");
            attrs.put(out, "cloud.platform", cluster.isEmpty() ? "oracle_cloud_compute" : "oracle_cloud_oke");
            attrs.put(out, "cloud.region", m.path("canonicalRegionName").asText(""));
            attrs.put(out, "cloud.availability_zone", m.path("availabilityDomain").asText(""));
            attrs.put(out, "host.id", m.path("id").asText(""));
            attrs.put(out, "host.name", m.path("displayName").asText(""));
            attrs.put(out, "host.type", m.path("shape").asText(""));
            attrs.put(out, "k8s.cluster.name", cluster);
            attrs.put(out, "oracle_cloud.realm", m.path("regionInfo").path("realmKey").asText(""));
            return out;
        }
    }

    /** {@code alibaba_ecs}: the ECS metadata service at 100.100.100.200 (hardened mode token first). */
    public static final class AlibabaEcs extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
                "cloud.region", "cloud.availability_zone", "host.id", "host.name", "host.type", "host.image.id"), List.of());

        public AlibabaEcs(AttributeSwitches attrs, Setup setup) {
            super("alibaba_ecs", attrs, setup, endpointVariable("alibaba_ecs"), "http://100.100.100.200");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) throws Exception {
            MetadataClient http = new MetadataClient(timeout);
            Map<String, String> headers = new java.util.HashMap<>();
            try {
                MetadataClient.Response t = http.send("PUT", base + "/latest/api/token", Map.of("X-aliyun-ecs-metadata-token-ttl-seconds", "60"));
                if (t.ok()) {
                    headers.put("X-aliyun-ecs-metadata-token", t.body().trim());
                }
            } catch (Exception e) {
                // normal mode, or no metadata service: the next request says which
            }
            return fromPaths(timeout, "/latest/meta-data/", headers, "instance-id", (id, p, out) -> {
                attrs.put(out, "cloud.provider", "alibaba_cloud");
                attrs.put(out, "cloud.platform", "alibaba_cloud_ecs");
                attrs.put(out, "host.id", id);
                attrs.put(out, "cloud.account.id", p.get("owner-account-id"));
                attrs.put(out, "cloud.region", p.get("region-id"));
                attrs.put(out, "cloud.availability_zone", p.get("zone-id"));
                attrs.put(out, "host.name", p.get("hostname"));
                attrs.put(out, "host.type", p.get("instance/instance-type"));
                attrs.put(out, "host.image.id", p.get("image-id"));
            });
        }
    }

    /** {@code tencent_cvm}: the CVM metadata service at metadata.tencentyun.com. */
    public static final class TencentCvm extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
                "cloud.region", "cloud.availability_zone", "host.id", "host.name", "host.type"), List.of("host.image.id"));

        public TencentCvm(AttributeSwitches attrs, Setup setup) {
            super("tencent_cvm", attrs, setup, endpointVariable("tencent_cvm"), "http://metadata.tencentyun.com");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) throws Exception {
            return fromPaths(timeout, "/latest/meta-data/", Map.of(), "instance-id", (id, p, out) -> {
                attrs.put(out, "cloud.provider", "tencent_cloud");
                attrs.put(out, "cloud.platform", "tencent_cloud_cvm");
                attrs.put(out, "host.id", id);
                attrs.put(out, "cloud.account.id", p.get("app-id"));
                attrs.put(out, "cloud.region", p.get("placement/region"));
                attrs.put(out, "cloud.availability_zone", p.get("placement/zone"));
                attrs.put(out, "host.name", p.get("instance-name"));
                attrs.put(out, "host.type", p.get("instance/instance-type"));
                if (attrs.on("host.image.id")) {
                    attrs.put(out, "host.image.id", p.get("instance/image-id"));
                }
            });
        }
    }

    /** {@code ibmcloud_vpc}: an instance identity token, then {@code /metadata/v1/instance}; {@code protocol: https} for secure access. */
    public static final class IbmCloudVpc extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
                "cloud.region", "cloud.availability_zone", "host.id", "host.name", "host.type", "host.image.id", "host.image.name"), List.of());
        private static final String VERSION = "?version=2022-03-01";

        public IbmCloudVpc(AttributeSwitches attrs, Setup setup, String protocol) {
            super("ibmcloud_vpc", attrs, setup, endpointVariable("ibmcloud_vpc"), protocol + "://api.metadata.cloud.ibm.com");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) {
            JsonNode i;
            try {
                MetadataClient http = new MetadataClient(timeout);
                MetadataClient.Response t = http.send("PUT", base + "/identity/v1/token" + VERSION,
                        Map.of("Metadata-Flavor", "ibm", "Content-Type", "application/json", "Accept", "application/json"), "{\"expires_in\":300}");
                if (!t.ok()) {
                    throw new IllegalStateException("token request: HTTP " + t.status());
                }
                String token = MetadataClient.json(t.body()).path("access_token").asText("");
                i = http.getJson(base + "/metadata/v1/instance" + VERSION, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
            } catch (Exception e) {
                return absent(e);
            }
            String zone = i.path("zone").path("name").asText("");
            String[] crn = i.path("crn").asText("").split(":");
            String account = crn.length > 6 ? crn[6].replaceFirst("^a/", "") : "";
            Map<String, Object> out = new LinkedHashMap<>();
            attrs.put(out, "cloud.provider", "ibm_cloud");
            attrs.put(out, "cloud.platform", "ibm_cloud.vpc");
            attrs.put(out, "cloud.account.id", account);
            int dash = zone.lastIndexOf('-');
            attrs.put(out, "cloud.region", dash > 0 ? zone.substring(0, dash) : zone);
            attrs.put(out, "cloud.availability_zone", zone);
            attrs.put(out, "host.id", i.path("id").asText(""));
            attrs.put(out, "host.name", i.path("name").asText(""));
            attrs.put(out, "host.type", i.path("profile").path("name").asText(""));
            attrs.put(out, "host.image.id", i.path("image").path("id").asText(""));
            attrs.put(out, "host.image.name", i.path("image").path("name").asText(""));
            return out;
        }
    }

    /** {@code ibmcloud_classic}: the SoftLayer resource metadata service. */
    public static final class IbmCloudClassic extends CloudDetector {
        public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.account.id",
                "cloud.region", "host.id", "host.name"), List.of("host.type"));

        public IbmCloudClassic(AttributeSwitches attrs, Setup setup) {
            super("ibmcloud_classic", attrs, setup, endpointVariable("ibmcloud_classic"), "https://api.service.softlayer.com");
        }

        @Override
        public Map<String, Object> detect(Duration timeout) throws Exception {
            return fromPaths(timeout, "/rest/v3.1/SoftLayer_Resource_Metadata/", Map.of(), "getGlobalIdentifier.json", (id, p, out) -> {
                attrs.put(out, "cloud.provider", "ibm_cloud");
                attrs.put(out, "cloud.platform", "ibm_cloud.classic");
                attrs.put(out, "host.id", unquote(id));
                attrs.put(out, "cloud.account.id", unquote(p.get("getAccountId.json")));
                attrs.put(out, "cloud.region", unquote(p.get("getDatacenter.json")));
                attrs.put(out, "host.name", unquote(p.get("getHostname.json")));
            });
        }

        private static String unquote(String json) throws Exception {
            return MetadataClient.json(json).asText("");
        }
    }
}
