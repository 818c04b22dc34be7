package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The EC2 instance metadata service as the AWS SDKs use it (IMDSv2 session token first, IMDSv1 when the token
 * request fails), shared by the {@code ec2} and {@code eks} detectors.
 */
final class Imds {
    private final MetadataClient http;
    private final String base;
    private final Map<String, String> headers = new HashMap<>();

    Imds(MetadataClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Opens a session: takes a token when IMDSv2 answers. */
    Imds open() {
        try {
            MetadataClient.Response token = http.send("PUT", base + "/latest/api/token", Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60"));
            if (token.ok()) {
                headers.put("X-aws-ec2-metadata-token", token.body().trim());
            }
        } catch (Exception e) {
            // IMDSv1 (or no IMDS at all: the next request says so)
        }
        return this;
    }

    JsonNode identity() throws Exception {
        return MetadataClient.json(http.get(base + "/latest/dynamic/instance-identity/document", headers));
    }

    String get(String path) throws Exception {
        return http.get(base + "/latest/meta-data/" + path, headers);
    }

    /** The instance's tags when the instance exposes them in IMDS (InstanceMetadataTags=enabled), else empty. */
    Map<String, String> tags() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            for (String key : get("tags/instance").split("\n")) {
                if (!key.isBlank()) {
                    out.put(key.trim(), get("tags/instance/" + key.trim()));
                }
            }
        } catch (Exception e) {
            // tags not exposed in IMDS
        }
        return out;
    }
}
