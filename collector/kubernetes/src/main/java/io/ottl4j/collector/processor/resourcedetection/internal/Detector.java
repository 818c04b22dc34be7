package io.ottl4j.collector.processor.resourcedetection.internal;

import java.time.Duration;
import java.util.Map;

/** One resource detector (upstream {@code internal.Detector}). */
public interface Detector {
    /**
     * The detected attributes (values: String, Long or a List of String), in the order they should appear.
     * An empty map means "not on this platform" (cloud detectors); an exception fails the collector's start.
     *
     * @param timeout the time left for the whole detection (HTTP requests stay within it)
     */
    Map<String, Object> detect(Duration timeout) throws Exception;

    /** The semantic-conventions schema URL of what this detector emits, or empty. */
    default String schemaUrl() {
        return "";
    }
}
