package io.ottl4j.pdata;

/**
 * The item type of a {@link TelemetryBatch}: a span, a metric, a log record or a profile. Lets the generic
 * resource/scope containers copy their items without one container class per signal.
 */
public sealed interface TelemetryItem<T extends TelemetryItem<T>> permits Span, Metric, LogRecord, Profile {
    T deepCopy();
}
