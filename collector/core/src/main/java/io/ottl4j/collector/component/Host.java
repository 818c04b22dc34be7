package io.ottl4j.collector.component;

import java.util.Map;

/** What a running component can ask of the collector. */
public interface Host {
    /** The started extensions, by ID. */
    Map<ComponentId, Component> extensions();

    /** A component failed in the background (e.g. a listener died): the collector shuts down. */
    void reportFatalError(Throwable error);
}
