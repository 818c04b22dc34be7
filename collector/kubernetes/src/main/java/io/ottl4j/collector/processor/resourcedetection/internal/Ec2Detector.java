package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * {@code ec2}: the instance identity document and host name from the EC2 instance metadata service (IMDSv2
 * token first, IMDSv1 when the token request fails). The endpoint honours {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}
 * as the AWS SDKs do. Not on EC2 (no answer within the timeout): nothing detected, as upstream.
 */
public final class Ec2Detector implements Detector {
    public static final Map<String, Boolean> DEFAULTS = Map.of("cloud.provider", true, "cloud.platform", true, "cloud.region", true,
            "cloud.availability_zone", true, "cloud.account.id", true, "host.id", true, "host.image.id", true, "host.name", true, "host.type", true);

    private final AttributeSwitches attrs;
    private final String base;
    private final Logger log;

    public Ec2Detector(AttributeSwitches attrs, UnaryOperator<String> env, Logger log) {
        this.attrs = attrs;
        this.base = MetadataClient.base(env.apply("AWS_EC2_METADATA_SERVICE_ENDPOINT"), "http://169.254.169.254");
        this.log = log;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }

    @Override
    public Map<String, Object> detect(Duration timeout) throws Exception {
        MetadataClient http = new MetadataClient(timeout);
        Map<String, String> headers = new HashMap<>();
        JsonNode doc;
        String hostname;
        try {
            MetadataClient.Response token = http.send("PUT", base + "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60"));
            if (token.ok()) {
                headers.put("X-aws-ec2-metadata-token", token.body().trim());
            }
        } catch (Exception e) {
            log.fine("EC2 IMDSv2 token unavailable, trying IMDSv1: " + e);
        }
        try {
            doc = MetadataClient.json(http.get(base + "/latest/dynamic/instance-identity/document", headers));
            hostname = http.get(base + "/latest/meta-data/hostname", headers);
        } catch (Exception e) {
            log.info("EC2 metadata unavailable, ec2 detector adds nothing: " + e);
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        attrs.put(out, "cloud.provider", "aws");
        attrs.put(out, "cloud.platform", "aws_ec2");
        attrs.put(out, "cloud.region", doc.path("region").asText(""));
        attrs.put(out, "cloud.account.id", doc.path("accountId").asText(""));
        attrs.put(out, "cloud.availability_zone", doc.path("availabilityZone").asText(""));
        attrs.put(out, "host.id", doc.path("instanceId").asText(""));
        attrs.put(out, "host.image.id", doc.path("imageId").asText(""));
        attrs.put(out, "host.type", doc.path("instanceType").asText(""));
        attrs.put(out, "host.name", hostname);
        return out;
    }
}
