package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker}: the daemon's host name and OS ({@code GET /info}); with a {@code container.*} attribute enabled,
 * the collector's own container, inspected by this host's name (Docker names a container's host after its ID).
 * Daemon unreachable: nothing detected (an error with {@code fail_on_missing_metadata}), as upstream.
 *
 * <p>Values as upstream emits them by default (its {@code EmitSemconvContainerAttributes} gate off):
 * {@code container.name} keeps the API's leading slash and {@code container.image.name} is the image ID.
 */
public final class DockerDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("host.name", "os.type"),
            List.of("container.image.id", "container.image.name", "container.image.tags", "container.name"));

    public DockerDetector(AttributeSwitches attrs, Setup setup) {
        super("docker", attrs, setup, null, "http://unused");
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        DockerApi api = new DockerApi(setup.env().apply("DOCKER_HOST"), timeout);
        JsonNode info;
        try {
            info = api.get("/info");
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "host.name", info.path("Name").asText(""));
        attrs.put(out, "os.type", SystemDetector.osType(info.path("OSType").asText("")));
        if (attrs.on("container.name") || attrs.on("container.image.id") || attrs.on("container.image.name") || attrs.on("container.image.tags")) {
            JsonNode c;
            try {
                c = api.get("/containers/" + URLEncoder.encode(setup.hostname(), StandardCharsets.UTF_8) + "/json");
            } catch (Exception e) {
                throw new IllegalStateException("failed to fetch container information: " + e.getMessage(), e);
            }
            attrs.put(out, "container.name", c.path("Name").asText(""));
            attrs.put(out, "container.image.id", c.path("Image").asText(""));
            attrs.put(out, "container.image.name", c.path("Image").asText(""));
            String ref = c.path("Config").path("Image").asText("");
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            if (!ref.isEmpty() && !ref.contains("@")) {
                attrs.put(out, "container.image.tags", List.of(colon > slash ? ref.substring(colon + 1) : "latest"));
            }
        }
        return out;
    }
}
