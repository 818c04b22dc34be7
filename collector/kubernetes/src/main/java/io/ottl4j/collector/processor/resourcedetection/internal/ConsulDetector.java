package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code consul}: the local agent's {@code /v1/agent/self}: node name, node ID, datacenter, and the node meta keys
 * listed in {@code meta} (as attributes named by the key). Defaults as Consul's API client: {@code CONSUL_HTTP_ADDR}
 * (else 127.0.0.1:8500), {@code CONSUL_HTTP_TOKEN} / {@code CONSUL_HTTP_TOKEN_FILE}, {@code CONSUL_NAMESPACE}.
 * The agent not answering fails detection, as upstream.
 */
public final class ConsulDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.region", "host.id", "host.name"), List.of());

    /** Upstream's {@code consul} keys. */
    public record Options(String address, String datacenter, String token, String tokenFile, String namespace, Set<String> meta) {
    }

    private final Options options;

    public ConsulDetector(AttributeSwitches attrs, Setup setup, Options options) {
        super("consul", attrs, setup, null, "http://unused");
        this.options = options;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        String address = first(options.address(), setup.var("CONSUL_HTTP_ADDR"), "127.0.0.1:8500");
        String scheme = address.startsWith("http://") || address.startsWith("https://") ? ""
                : "true".equalsIgnoreCase(setup.var("CONSUL_HTTP_SSL")) ? "https://" : "http://";
        String url = MetadataClient.base(scheme + address, "") + "/v1/agent/self";
        if (!options.datacenter().isEmpty()) {
            url += "?dc=" + URLEncoder.encode(options.datacenter(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new HashMap<>();
        String token = options.token();
        String tokenFile = first(options.tokenFile(), setup.var("CONSUL_HTTP_TOKEN_FILE"), "");
        if (token.isEmpty() && !tokenFile.isEmpty()) {
            token = Files.readString(Path.of(tokenFile)).trim();
        }
        token = first(token, setup.var("CONSUL_HTTP_TOKEN"), "");
        if (!token.isEmpty()) {
            headers.put("X-Consul-Token", token);
        }
        String ns = first(options.namespace(), setup.var("CONSUL_NAMESPACE"), "");
        if (!ns.isEmpty()) {
            headers.put("X-Consul-Namespace", ns);
        }
        JsonNode self;
        try {
            self = new MetadataClient(timeout).getJson(url, headers);
        } catch (Exception e) {
            throw new IllegalStateException("failed to get consul metadata: failed to get local agent information: " + e.getMessage(), e);
        }
        JsonNode config = self.path("Config");
        for (String k : List.of("NodeName", "Datacenter", "NodeID")) {
            if (!config.path(k).isTextual()) {
                throw new IllegalStateException("failed to get consul metadata: was '" + k + "' returned by consul?");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "host.name", config.path("NodeName").asText());
        attrs.put(out, "cloud.region", config.path("Datacenter").asText());
        attrs.put(out, "host.id", config.path("NodeID").asText());
        self.path("Meta").fields().forEachRemaining(e -> {
            if (options.meta().contains(e.getKey())) {
                out.put(e.getKey(), e.getValue().asText(""));
            }
        });
        return out;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
