package io.ottl4j.collector.kafka;

import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's message encodings that need no extra dependency: {@code otlp_proto} (default) and {@code otlp_json}
 * for every signal; for logs also {@code raw} (the body's bytes, one message per record) and, on the receiver,
 * {@code text} / {@code text_<charset>} (the message as a string body) and {@code json} (the message parsed as the
 * body).
 */
enum Encoding {
    OTLP_PROTO("otlp_proto"), OTLP_JSON("otlp_json"), RAW("raw"), TEXT("text"), JSON("json");

    final String configName;

    Encoding(String configName) {
        this.configName = configName;
    }

    /** The encoding named {@code name} for a signal and side, or {@code null}. */
    static Encoding parse(String name, Signal signal, boolean receiver) {
        String base = name.startsWith("text_") ? "text" : name;
        for (Encoding e : values()) {
            if (e.configName.equals(base)) {
                boolean logsOnly = e == RAW || e == TEXT || e == JSON;
                if (logsOnly && signal != Signal.LOGS) {
                    return null;
                }
                if ((e == TEXT || e == JSON) && !receiver) {
                    return null;
                }
                return e;
            }
        }
        return null;
    }

    /** The messages for a batch (one for OTLP, one per log record for raw). */
    List<byte[]> encode(TelemetryBatch<?> batch) {
        return switch (this) {
            case OTLP_PROTO -> List.of(OtlpProto.encode(batch));
            case OTLP_JSON -> List.of(OtlpJson.write(batch));
            case RAW -> {
                List<byte[]> out = new ArrayList<>();
                for (ResourceGroup<LogRecord> rg : batch.asLogs().resources()) {
                    for (ScopeGroup<LogRecord> sg : rg.scopes()) {
                        for (LogRecord r : sg.items()) {
                            out.add(rawBody(r.body()));
                        }
                    }
                }
                yield out;
            }
            default -> throw new IllegalStateException(configName + " is a receiver-only encoding");
        };
    }

    private static byte[] rawBody(Object body) {
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return AnyValue.asString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** A message as a batch; {@code name} carries the charset of {@code text_<charset>}. */
    TelemetryBatch<?> decode(Signal signal, String name, byte[] message) {
        return switch (this) {
            case OTLP_PROTO -> OtlpProto.decode(signal, message);
            case OTLP_JSON -> OtlpJson.read(message, signal);
            case RAW -> logWithBody(message);
            case TEXT -> {
                Charset cs = name.startsWith("text_") ? Charset.forName(name.substring(5)) : StandardCharsets.UTF_8;
                yield logWithBody(new String(message, cs));
            }
            case JSON -> logWithBody(parseJson(message));
        };
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Object parseJson(byte[] message) {
        try {
            return AnyValue.fromRaw(MAPPER.readValue(message, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the message is not JSON: " + e.getMessage(), e);
        }
    }

    private static TelemetryBatch<?> logWithBody(Object body) {
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        LogRecord r = new LogRecord();
        r.setBody(body);
        r.setObservedTimeUnixNano(System.currentTimeMillis() * 1_000_000L);
        b.addResource().addScope().items().add(r);
        return b;
    }
}
