package io.ottl4j.collector.exporter.datadog;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The logs agent's batch strategy in front of the logs intake: encoded log items collect into one JSON array
 * until it holds {@value LogsEncoder#MAX_ITEMS} items, would pass {@value LogsEncoder#MAX_PAYLOAD_BYTES} bytes,
 * or {@code logs::batch_wait} has passed since its first item; then it is compressed ({@code use_compression},
 * {@code compression_level}) and handed to the {@link PayloadWriter}. Items from several exporter batches
 * share a payload. Time comes from an injectable nanosecond clock; {@link #flushIfDue} is called by a ticker
 * (or by tests).
 *
 * <p>A cut payload the writer has no room for is held here, and {@link #add} refuses items until the writer
 * takes it: the caller then backs off and retries, so a full buffer holds the data back instead of dropping it.
 */
final class LogsBatcher {
    private final DatadogConfig.Logs config;
    private final PayloadWriter writer;
    private final LongSupplier nanos;
    private final LongSupplier clockMillis;
    private ByteArrayOutputStream open;
    private int items;
    private long openedAt;
    /** A payload cut but not yet taken by the writer. */
    private Senders.Request ready;

    LogsBatcher(DatadogConfig.Logs config, PayloadWriter writer, LongSupplier nanos, LongSupplier clockMillis) {
        this.config = config;
        this.writer = writer;
        this.nanos = nanos;
        this.clockMillis = clockMillis;
    }

    /** Adds one encoded item; false when a cut payload still waits for room in the writer (nothing was added). */
    synchronized boolean add(byte[] item) throws InterruptedException {
        if (!handOff()) {
            return false;
        }
        if (items > 0 && (items >= LogsEncoder.MAX_ITEMS || open.size() + item.length + 2 > LogsEncoder.MAX_PAYLOAD_BYTES)) {
            cut();
            handOff();
        }
        if (items == 0) {
            open = new ByteArrayOutputStream(Math.max(1024, item.length * 16));
            openedAt = nanos.getAsLong();
            open.write('[');
        } else {
            open.write(',');
        }
        open.write(item, 0, item.length);
        items++;
        return true;
    }

    /** Cuts the open payload when {@code batch_wait} has passed since its first item, and hands held payloads on. */
    synchronized void flushIfDue() throws InterruptedException {
        if (!handOff()) {
            return;
        }
        if (items > 0 && nanos.getAsLong() - openedAt >= config.batchWait().toNanos()) {
            cut();
            handOff();
        }
    }

    /** Cuts whatever is open and hands it on, waiting up to {@code wait} for room (shutdown). */
    synchronized boolean flushAll(Duration wait) throws InterruptedException {
        if (ready != null && !writer.offer(ready, wait)) {
            return false;
        }
        ready = null;
        if (items > 0) {
            cut();
            if (!writer.offer(ready, wait)) {
                return false;
            }
            ready = null;
        }
        return true;
    }

    /** Items not yet handed to the writer (open or held). */
    synchronized int pending() {
        return items + (ready == null ? 0 : ready.items());
    }

    private boolean handOff() throws InterruptedException {
        return handOff(Duration.ZERO);
    }

    /** Hands a held payload to the writer, waiting up to {@code wait} for room; true when none is held any more. */
    synchronized boolean handOff(Duration wait) throws InterruptedException {
        if (ready != null && writer.offer(ready, wait)) {
            ready = null;
        }
        return ready == null;
    }

    private void cut() {
        open.write(']');
        byte[] body = open.toByteArray();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("DD-PROTOCOL", "agent-json");
        headers.put("DD-EVP-ORIGIN", "otel");
        headers.put("dd-current-timestamp", Long.toString(clockMillis.getAsLong()));
        if (config.useCompression()) {
            body = Intake.gzip(body, config.compressionLevel());
            headers.put("Content-Encoding", "gzip");
        }
        ready = new Senders.Request(config.endpoint() + "/api/v2/logs", headers, body, items);
        open = null;
        items = 0;
    }
}
