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
 * nothing detected, as upstream. Tags matching {@code tags} become {@code ec2.tag.<key>}; they are read from IMDS
 * (upstream's {@code tags_from_imds: true}); the signed EC2 DescribeTags API is not called.
 */
public final class Ec2Detector extends CloudDetector {
    public static final Map<String, Boolean> DEFAULTS = AttributeSwitches.defaults(List.of("cloud.provider", "cloud.platform", "cloud.region",
            "cloud.availability_zone", "cloud.account.id", "host.id", "host.image.id", "host.name", "host.type"), List.of());

    private final List<Pattern> tags;

    public Ec2Detector(AttributeSwitches attrs, Setup setup, List<Pattern> tags) {
        super("ec2", attrs, setup, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://169.254.169.254");
        this.tags = tags;
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        Imds imds = new Imds(new MetadataClient(timeout), base).open();
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
            Map<String, String> found = imds.tags();
            if (found.isEmpty()) {
                log.warning("ec2: no instance tags in the metadata service (enable InstanceMetadataTags; the DescribeTags API is not used by ottl4j)");
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
