package io.ottl4j.collector.component;

import io.ottl4j.pdata.Signal;

/** Processors: one instance per (pipeline, processor ID). */
public interface ProcessorFactory<C> extends Factory<C> {
    @Override
    default Kind kind() {
        return Kind.PROCESSOR;
    }

    Processor create(CreateSettings settings, C config, Signal signal, Consumer next) throws Exception;

    /** A processor is both a component and a consumer. */
    interface Processor extends Component, Consumer {
    }
}
