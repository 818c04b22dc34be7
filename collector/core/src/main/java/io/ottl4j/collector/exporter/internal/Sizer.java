package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.internal.Batches;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.TelemetryBatch;

/** How {@code sending_queue} measures {@code queue_size} and {@code batch} sizes: upstream's three sizers. */
public enum Sizer {
    /** One per request (the batch as it reached the exporter). */
    REQUESTS,
    /** Spans, metric data points or log records. */
    ITEMS,
    /** Bytes of the request's OTLP protobuf encoding. */
    BYTES;

    public static Sizer parse(String text) {
        return switch (text) {
            case "requests" -> REQUESTS;
            case "items" -> ITEMS;
            case "bytes" -> BYTES;
            default -> null;
        };
    }

    public long size(TelemetryBatch<?> batch) {
        return switch (this) {
            case REQUESTS -> 1;
            case ITEMS -> Batches.count(batch);
            case BYTES -> OtlpProto.encode(batch).length;
        };
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
