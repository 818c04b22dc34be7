package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * {@code azure}: the VM's compute metadata from the Azure Instance Metadata Service; the endpoint honours
 * {@code IMDS_ENDPOINT}, the variable Azure's SDKs read. Not on Azure: nothing detected, as upstream.
 */
public final class AzureDetector implements Detector {
    public static final Map<String, Boolean> DEFAULTS = defaults();

    private static Map<String, Boolean> defaults() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String a : new String[] {"cloud.provider", "cloud.platform", "cloud.region", "cloud.account.id", "cloud.availability_zone", "host.id", "host.name",
                "azure.vm.name", "azure.vm.size", "azure.vm.scaleset.name", "azure.resourcegroup.name"}) {
            m.put(a, true);
        }
        return Map.copyOf(m);
    }

    private final AttributeSwitches attrs;
    private final String base;
    private final Logger log;

    public AzureDetector(AttributeSwitches attrs, UnaryOperator<String> env, Logger log) {
        this.attrs = attrs;
        this.base = MetadataClient.base(env.apply("IMDS_ENDPOINT"), "http://169.254.169.254");
        this.log = log;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        JsonNode c;
        try {
            c = MetadataClient.json(new MetadataClient(timeout).get(base + "/metadata/instance/compute?api-version=2020-09-01&format=json",
                    Map.of("Metadata", "True")));
        } catch (Exception e) {
            log.info("Azure metadata unavailable, azure detector adds nothing: " + e);
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "azure");
        attrs.put(out, "cloud.platform", "azure_vm");
        attrs.put(out, "host.name", c.path("name").asText(""));
        attrs.put(out, "cloud.region", c.path("location").asText(""));
        attrs.put(out, "host.id", c.path("vmId").asText(""));
        attrs.put(out, "cloud.account.id", c.path("subscriptionId").asText(""));
        attrs.put(out, "azure.vm.name", c.path("name").asText(""));
        attrs.put(out, "azure.vm.size", c.path("vmSize").asText(""));
        attrs.put(out, "azure.vm.scaleset.name", c.path("vmScaleSetName").asText(""));
        attrs.put(out, "azure.resourcegroup.name", c.path("resourceGroupName").asText(""));
        attrs.put(out, "cloud.availability_zone", c.path("zone").asText(""));
        return out;
    }
}
