package io.ottl4j.collector.processor.resourcedetection.internal;

import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/** What the cloud detectors share: their attribute switches, the metadata endpoint (overridable by environment) and a logger. */
abstract class CloudDetector implements Detector {
    protected final AttributeSwitches attrs;
    protected final String base;
    protected final Logger log;

    CloudDetector(AttributeSwitches attrs, UnaryOperator<String> env, String endpointVariable, String defaultEndpoint, Logger log) {
        this.attrs = attrs;
        this.base = MetadataClient.base(env.apply(endpointVariable), defaultEndpoint);
        this.log = log;
    }

    @Override
    public String schemaUrl() {
        return "https://opentelemetry.io/schemas/1.6.1";
    }
}
