package io.ottl4j.collector.component;

import io.ottl4j.pdata.TelemetryBatch;

/**
 * Accepts telemetry of one signal. A consumer that changes the batch it is given must say so with
 * {@link #mutatesData()}: the pipeline then gives it its own copy when the batch also goes elsewhere.
 */
public interface Consumer {
    /** @throws ConsumerException or any exception: non-permanent (retryable) unless marked permanent */
    void consume(TelemetryBatch<?> batch) throws Exception;

    default boolean mutatesData() {
        return false;
    }
}
