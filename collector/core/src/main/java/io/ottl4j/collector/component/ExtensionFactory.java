package io.ottl4j.collector.component;

/** Extensions: one instance per ID listed in {@code service.extensions}. */
public interface ExtensionFactory<C> extends Factory<C> {
    @Override
    default Kind kind() {
        return Kind.EXTENSION;
    }

    Component create(CreateSettings settings, C config) throws Exception;

    /** Extensions that care about pipeline readiness (health_check). */
    interface PipelineWatcher {
        void ready();

        void notReady();
    }
}
