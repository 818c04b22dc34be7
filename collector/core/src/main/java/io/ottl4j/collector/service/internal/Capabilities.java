package io.ottl4j.collector.service.internal;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.pdata.TelemetryBatch;

/** The entry of a pipeline: declares whether any of its processors mutates data. */
public record Capabilities(Consumer next, boolean mutatesData) implements Consumer {
    @Override
    public void consume(TelemetryBatch<?> batch) throws Exception {
        next.consume(batch);
    }
}
