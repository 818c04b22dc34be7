package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * What the metadata-service detectors share: their attribute switches, the metadata endpoint (overridable by an
 * environment variable), a logger, and upstream's rule for an absent service: nothing detected, or an error when
 * {@code fail_on_missing_metadata} is set.
 */
abstract class CloudDetector implements Detector {
    protected final String name;
    protected final AttributeSwitches attrs;
    protected final String base;
    protected final Logger log;
    protected final boolean failOnMissing;
    protected final Setup setup;

    CloudDetector(String name, AttributeSwitches attrs, Setup setup, String endpointVariable, String defaultEndpoint) {
        this.name = name;
        this.attrs = attrs;
        this.setup = setup;
        this.base = MetadataClient.base(endpointVariable == null ? null : setup.env().apply(endpointVariable), defaultEndpoint);
        this.log = setup.log();
        this.failOnMissing = setup.failOnMissing();
    }

    /** The platform's metadata source did not answer: not on this platform. */
    protected Map<String, Object> absent(Exception cause) {
        if (failOnMissing) {
            throw new IllegalStateException(name + " metadata unavailable: " + cause.getMessage(), cause);
        }
        log.fine(name + " metadata unavailable, the " + name + " detector adds nothing: " + cause);
        return Map.of();
    }

    /** Not on this platform (an environment variable or file that the platform always sets is missing). */
    protected Map<String, Object> absent(String why) {
        return absent(new IllegalStateException(why));
    }

    /** The attributes {@code fill} reads from one JSON document of the metadata service; no document: {@link #absent}. */
    protected Map<String, Object> fromJson(Duration timeout, String path, Map<String, String> headers, BiConsumer<JsonNode, Map<String, Object>> fill) {
        JsonNode doc;
        try {
            doc = new MetadataClient(timeout).getJson(base + path, headers);
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        fill.accept(doc, out);
        return out;
    }

    /** Reads one plain-text path of a metadata service. */
    protected interface Paths {
        String get(String path) throws Exception;
    }

    /** Fills attributes from the value of the probe path and the service's other paths. */
    protected interface PathFill {
        void fill(String probed, Paths paths, Map<String, Object> out) throws Exception;
    }

    /**
     * A metadata service of plain-text paths below {@code prefix}: {@code probe} answering means "on this platform"
     * (no answer: {@link #absent}); after that a failing path is an error.
     */
    protected Map<String, Object> fromPaths(Duration timeout, String prefix, Map<String, String> headers, String probe, PathFill fill) throws Exception {
        MetadataClient http = new MetadataClient(timeout);
        String probed;
        try {
            probed = http.get(base + prefix + probe, headers);
        } catch (Exception e) {
            return absent(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        fill.fill(probed, path -> http.get(base + prefix + path, headers), out);
        return out;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }
}
