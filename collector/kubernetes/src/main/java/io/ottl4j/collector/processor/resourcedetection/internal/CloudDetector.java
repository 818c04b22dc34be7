package io.ottl4j.collector.processor.resourcedetection.internal;

import java.util.Map;
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

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }
}
