package io.ottl4j.collector.component;

/** Anything with a lifecycle: started once, shut down once (shutdown must be safe without start). */
public interface Component {
    default void start(Host host) throws Exception {
    }

    default void shutdown() throws Exception {
    }
}
