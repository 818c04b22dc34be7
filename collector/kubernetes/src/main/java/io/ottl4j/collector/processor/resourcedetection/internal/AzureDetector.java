package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code azure}: the VM's compute metadata from the Azure Instance Metadata Service; the endpoint honours
 * {@code IMDS_ENDPOINT}, the variable Azure's SDKs read. Not on Azure: nothing detected, as upstream. Tags matching
 * {@code tags} become {@code azure.tag.<name>}.
 */
public final class AzureDetector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.region",
            "cloud.account.id", "cloud.availability_zone", "host.id", "host.name", "azure.vm.name", "azure.vm.size", "azure.vm.scaleset.name",
            "azure.resourcegroup.name"), List.of());

    private final List<Pattern> tags;

    public AzureDetector(AttributeSwitches attrs, Setup setup, List<Pattern> tags) {
        super("azure", attrs, setup, "IMDS_ENDPOINT", "http://169.254.169.254");
        this.tags = tags;
    }

    /** The compute metadata document (shared with {@code aks}). */
    static JsonNode compute(String base, Duration timeout) throws Exception {
        return new MetadataClient(timeout).getJson(base + "/metadata/instance/compute?api-version=2020-09-01&format=json", Map.of("Metadata", "True"));
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        JsonNode c;
        try {
            c = compute(base, timeout);
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "azure");
        attrs.put(out, "cloud.platform", "azure_vm");
        attrs.put(out, "host.name", c.path("osProfile").path("computerName").asText(""));
        attrs.put(out, "cloud.region", c.path("location").asText(""));
        attrs.put(out, "host.id", c.path("vmId").asText(""));
        attrs.put(out, "cloud.account.id", c.path("subscriptionId").asText(""));
        attrs.put(out, "azure.vm.name", c.path("name").asText(""));
        attrs.put(out, "azure.vm.size", c.path("vmSize").asText(""));
        attrs.put(out, "azure.vm.scaleset.name", c.path("vmScaleSetName").asText(""));
        attrs.put(out, "azure.resourcegroup.name", c.path("resourceGroupName").asText(""));
        attrs.put(out, "cloud.availability_zone", c.path("zone").asText(""));
        if (!tags.isEmpty()) {
            for (JsonNode t : c.path("tagsList")) {
                String k = t.path("name").asText("");
                if (tags.stream().anyMatch(p -> p.matcher(k).find())) {
                    out.put("azure.tag." + k, t.path("value").asText(""));
                }
            }
        }
        return out;
    }
}
