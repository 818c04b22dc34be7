package io.ottl4j.otlp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * OTLP/JSON ({@code application/json} bodies, {@code file} exporter lines, test fixtures), decoded and
 * encoded as the Go collector's pdata does (collector-spec §2.4). Stateless and thread-safe.
 *
 * <p>Reading detects the signal from the top-level key ({@code resourceSpans}, {@code resourceMetrics},
 * {@code resourceLogs}, {@code resourceProfiles}, or their snake_case forms); pass a {@link Signal} when the document may be
 * {@code {}}. Failures raise {@link OtlpDecodeException} naming the JSON path of the offending value.
 */
public final class OtlpJson {
    private OtlpJson() {}

    /**
     * JSON nesting limit: upstream reads OTLP/JSON with jsoniter, whose limit is 10,000 levels (Jackson's
     * default of 1,000 refused kvlists deeper than 248 that upstream and our protobuf reader accept).
     */
    public static final int MAX_NESTING = 10_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            // writing has no limit upstream (a ParseJSON result 6,000 arrays deep is written as 12,000 levels)
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    // ---------------------------------------------------------------- reading

    public static TelemetryBatch<?> read(byte[] json) {
        return read(json, null);
    }

    public static TelemetryBatch<?> read(String json) {
        return read(json, null);
    }

    /** Reads the whole stream (not closed). I/O failures propagate; bad content is an {@link OtlpDecodeException}. */
    public static TelemetryBatch<?> read(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * @param expected the signal the document must hold, or null to detect it; with a signal, {@code {}}
     *                 decodes to an empty batch and a document of another signal is an error
     */
    public static TelemetryBatch<?> read(byte[] json, Signal expected) {
        return DeepStack.call(() -> readHere(json, expected));
    }

    private static TelemetryBatch<?> readHere(byte[] json, Signal expected) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return read(p, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on an array
        }
    }

    /** Reads {@code length} bytes of {@code json} from {@code offset} (a request buffer without copying it). */
    public static TelemetryBatch<?> read(byte[] json, int offset, int length, Signal expected) {
        return DeepStack.call(() -> readHere(json, offset, length, expected));
    }

    private static TelemetryBatch<?> readHere(byte[] json, int offset, int length, Signal expected) {
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            return read(p, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TelemetryBatch<?> read(String json, Signal expected) {
        return DeepStack.call(() -> readHere(json, expected));
    }

    private static TelemetryBatch<?> readHere(String json, Signal expected) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return read(p, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TelemetryBatch<?> read(InputStream in, Signal expected) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return read(p, expected);
        }
    }

    public static TelemetryBatch<Span> readTraces(byte[] json) {
        return read(json, Signal.TRACES).asTraces();
    }

    public static TelemetryBatch<Span> readTraces(String json) {
        return read(json, Signal.TRACES).asTraces();
    }

    public static TelemetryBatch<Metric> readMetrics(byte[] json) {
        return read(json, Signal.METRICS).asMetrics();
    }

    public static TelemetryBatch<Metric> readMetrics(String json) {
        return read(json, Signal.METRICS).asMetrics();
    }

    public static TelemetryBatch<LogRecord> readLogs(byte[] json) {
        return read(json, Signal.LOGS).asLogs();
    }

    public static TelemetryBatch<LogRecord> readLogs(String json) {
        return read(json, Signal.LOGS).asLogs();
    }

    public static TelemetryBatch<io.ottl4j.pdata.Profile> readProfiles(byte[] json) {
        return read(json, Signal.PROFILES).asProfiles();
    }

    public static TelemetryBatch<io.ottl4j.pdata.Profile> readProfiles(String json) {
        return read(json, Signal.PROFILES).asProfiles();
    }

    private static TelemetryBatch<?> read(JsonParser p, Signal expected) throws IOException {
        OtlpJsonReader reader = new OtlpJsonReader(p);
        try {
            return reader.readDocument(expected);
        } catch (JsonProcessingException e) { // malformed JSON, or a limit of Jackson's StreamReadConstraints
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new OtlpDecodeException(reader.path(), "malformed JSON: " + JsonErrors.describe(e.getOriginalMessage()) + where, e);
        }
    }

    // ---------------------------------------------------------------- writing

    /** Compact UTF-8 JSON. */
    public static byte[] write(TelemetryBatch<?> batch) {
        return DeepStack.call(() -> writeHere(batch));
    }

    private static byte[] writeHere(TelemetryBatch<?> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            write(batch, out, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact UTF-8 JSON to the stream (flushed, not closed). */
    public static void write(TelemetryBatch<?> batch, OutputStream out) throws IOException {
        write(batch, out, false);
    }

    public static String writeString(TelemetryBatch<?> batch, boolean pretty) {
        return DeepStack.call(() -> writeStringHere(batch, pretty));
    }

    private static String writeStringHere(TelemetryBatch<?> batch, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            write(batch, out, pretty);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(TelemetryBatch<?> batch, OutputStream out, boolean pretty) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            new OtlpJsonWriter(g).writeDocument(batch);
        }
    }
}
