package io.ottl4j.collector.component;

import io.ottl4j.pdata.Signal;

/** Exporters: one instance per (signal, exporter ID). */
public interface ExporterFactory<C> extends Factory<C> {
    @Override
    default Kind kind() {
        return Kind.EXPORTER;
    }

    Exporter create(CreateSettings settings, C config, Signal signal) throws Exception;

    /** An exporter is both a component and a consumer. */
    interface Exporter extends Component, Consumer {
    }
}
