package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ec2}: the instance identity document and host name from the EC2 instance metadata service. The endpoint
 * honours {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} as the AWS SDKs do. Not on EC2 (no answer within the timeout):
 * nothing detected, as upstream. Tags matching {@code tags} become {@code ec2.tag.<key>}: read with the EC2
 * DescribeTags API (SigV4-signed, see {@link AwsApi}), or from IMDS with {@code tags_from_imds: true}; failing to read
 * them fails the detection, as upstream.
 */
public final class Ec2Detector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.region",
            "cloud.availability_zone", "cloud.account.id", "host.id", "host.image.id", "host.name", "host.type"), List.of());

    private final List<Pattern> tags;
    private final boolean tagsFromImds;

    public Ec2Detector(AttributeSwitches attrs, Setup setup, List<Pattern> tags, boolean tagsFromImds) {
        super("ec2", attrs, setup, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://169.254.169.254");
        this.tags = tags;
        this.tagsFromImds = tagsFromImds;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        MetadataClient http = new MetadataClient(timeout);
        Imds imds = new Imds(http, base).open();
        JsonNode doc;
        String hostname;
        try {
            doc = imds.identity();
            hostname = imds.get("hostname");
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "aws");
        attrs.put(out, "cloud.platform", "aws_ec2");
        identity(attrs, out, doc);
        attrs.put(out, "host.name", hostname);
        if (!tags.isEmpty()) {
            Map<String, String> found = new LinkedHashMap<>();
            if (tagsFromImds) {
                found.putAll(imds.tags());
            } else {
                String region = doc.path("region").asText("");
                try {
                    for (Map<String, String> t : new AwsApi(setup, http, imds, region).ec2(Map.of("Action", "DescribeTags", "Filter.1.Name", "resource-id",
                            "Filter.1.Value.1", doc.path("instanceId").asText("")), "tagSet")) {
                        found.put(t.getOrDefault("key", ""), t.getOrDefault("value", ""));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("failed fetching ec2 instance tags: " + e.getMessage(), e);
                }
            }
            found.forEach((k, v) -> {
                if (tags.stream().anyMatch(p -> p.matcher(k).find())) {
                    out.put("ec2.tag." + k, v);
                }
            });
        }
        return out;
    }

    /** The identity document's attributes (shared with {@code eks}). */
    static void identity(AttributeSwitches attrs, Map<String, Object> out, JsonNode doc) {
        attrs.put(out, "cloud.region", doc.path("region").asText(""));
        attrs.put(out, "cloud.account.id", doc.path("accountId").asText(""));
        attrs.put(out, "cloud.availability_zone", doc.path("availabilityZone").asText(""));
        attrs.put(out, "host.id", doc.path("instanceId").asText(""));
        attrs.put(out, "host.image.id", doc.path("imageId").asText(""));
        attrs.put(out, "host.type", doc.path("instanceType").asText(""));
    }
}
