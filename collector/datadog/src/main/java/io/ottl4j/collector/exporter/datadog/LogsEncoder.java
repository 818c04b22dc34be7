package io.ottl4j.collector.exporter.datadog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ottl4j.collector.datadog.mapping.Attrs;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.mapping.Tags;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Log records → the JSON the logs intake reads ({@code POST /api/v2/logs}), as the logs-agent pipeline of
 * upstream's exporter builds it: message, status (from a status/severity/level attribute, else the
 * severity text, else the severity number), hostname, service, ddsource, ddtags, timestamps, trace
 * correlation ({@code dd.trace_id}/{@code dd.span_id} as decimals of the low 64 bits), and every record
 * and resource attribute flattened with dots. {@link LogsBatcher} groups the items into arrays of at most
 * 1000 items and 5 MB; a message is cut to half a megabyte so that one item stays under the intake's 1 MB.
 */
final class LogsEncoder {
    static final int MAX_ITEMS = 1000;
    static final int MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
    static final int MAX_ITEM_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String[] STATUS_BY_SEVERITY = {"trace", "debug", "info", "warn", "error", "fatal"};

    private final String fallbackHost;

    /** The JSON objects of a batch's records, one per record, and how many records could not be written. */
    record Encoded(List<byte[]> items, int skipped) {
    }

    LogsEncoder(String fallbackHost) {
        this.fallbackHost = fallbackHost;
    }

    /** One JSON object per record; {@link LogsBatcher} groups them into the intake's arrays. */
    Encoded encode(TelemetryBatch<?> batch) throws IOException {
        List<byte[]> out = new ArrayList<>();
        int skipped = 0;
        for (ResourceGroup<?> rg : batch.resources()) {
            AttributeMap res = rg.resource().attributes();
            String host = Hosts.resolve(res, fallbackHost);
            List<String> tags = Tags.fromResource(res, false);
            tags.add("otel_source:datadog_exporter");
            String ddtags = String.join(",", tags);
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    try {
                        out.add(item((LogRecord) item, res, host, ddtags));
                    } catch (RuntimeException e) { // a record that cannot be written is dropped, not the batch
                        skipped++;
                    }
                }
            }
        }
        return new Encoded(out, skipped);
    }

    byte[] item(LogRecord r, AttributeMap res, String host, String ddtags) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(256);
        AttributeMap attrs = r.attributes();
        try (JsonGenerator g = JSON.createGenerator(bos)) {
            g.writeStartObject();
            String message = Attrs.get(attrs, null, "msg", "message", "log");
            if (message.isEmpty() && r.body() != null) {
                message = Attrs.str(r.body());
            }
            if (message.length() > MAX_ITEM_BYTES / 2) {
                message = message.substring(0, MAX_ITEM_BYTES / 2) + "...TRUNCATED...";
            }
            g.writeStringField("message", message);
            g.writeStringField("status", status(r));
            long t = r.timeUnixNano() != 0 ? r.timeUnixNano() : r.observedTimeUnixNano();
            g.writeStringField("@timestamp", ISO_MILLIS.format(Instant.ofEpochSecond(0, t)));
            g.writeStringField("otel.timestamp", Long.toString(t));
            g.writeStringField("hostname", host);
            String service = Attrs.get(null, res, "service.name");
            if (!service.isEmpty()) {
                g.writeStringField("service", service);
            }
            g.writeStringField("ddsource", "otlp_log_ingestion");
            String extra = Attrs.get(attrs, null, "ddtags");
            g.writeStringField("ddtags", extra.isEmpty() ? ddtags : ddtags + "," + extra);
            if (!r.severityText().isEmpty()) {
                g.writeStringField("otel.severity_text", r.severityText());
            }
            if (r.severityNumber() != 0) {
                g.writeStringField("otel.severity_number", Integer.toString(r.severityNumber()));
            }
            if (!r.traceId().isEmpty()) {
                g.writeStringField("dd.trace_id", Long.toUnsignedString(r.traceId().low()));
                g.writeStringField("otel.trace_id", r.traceId().toHex());
            }
            if (!r.spanId().isEmpty()) {
                g.writeStringField("dd.span_id", Long.toUnsignedString(r.spanId().value()));
                g.writeStringField("otel.span_id", r.spanId().toHex());
            }
            for (int i = 0; i < attrs.size(); i++) {
                String k = attrs.keyAt(i);
                if (!k.equals("msg") && !k.equals("message") && !k.equals("log") && !k.equals("ddtags")) {
                    flatten(g, k, attrs.valueAt(i), 1);
                }
            }
            for (int i = 0; i < res.size(); i++) {
                String k = res.keyAt(i);
                String key = k.equals("hostname") || k.equals("service") ? "otel." + k : k;
                flatten(g, key, res.valueAt(i), 1);
            }
            g.writeEndObject();
        }
        return bos.toByteArray();
    }

    private static void flatten(JsonGenerator g, String key, Object v, int depth) throws IOException {
        if (v instanceof AttributeMap m && depth < 10) {
            for (int i = 0; i < m.size(); i++) {
                flatten(g, key + "." + m.keyAt(i), m.valueAt(i), depth + 1);
            }
        } else if (v instanceof AttributeList || v instanceof AttributeMap) {
            g.writeStringField(key, Attrs.str(v));
        } else if (v instanceof Long l) {
            g.writeNumberField(key, l);
        } else if (v instanceof Double d && Double.isFinite(d)) {
            g.writeNumberField(key, d);
        } else if (v instanceof Boolean b) {
            g.writeBooleanField(key, b);
        } else {
            g.writeStringField(key, Attrs.str(v));
        }
    }

    static String status(LogRecord r) {
        String s = Attrs.get(r.attributes(), null, "status", "severity", "level");
        if (!s.isEmpty()) {
            return s;
        }
        if (!r.severityText().isEmpty()) {
            return r.severityText();
        }
        int n = r.severityNumber();
        if (n <= 0) {
            return "";
        }
        return STATUS_BY_SEVERITY[Math.min(5, (n - 1) / 4)];
    }
}
