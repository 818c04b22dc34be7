package io.ottl4j.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ExponentialHistogramDataPoint.Buckets;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.GoFloat;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import io.ottl4j.pdata.Resource;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import io.ottl4j.pdata.TraceId;
import io.ottl4j.pdata.SummaryDataPoint.ValueAtQuantile;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ProfilesDictionaries;
import io.ottl4j.pdata.ProfilesDictionary;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes OTLP/JSON as the Go collector's pdata marshaler does: camelCase names in proto field order,
 * default values omitted, 64-bit integers as decimal strings, ids as lowercase hex, bytes as base64,
 * doubles in Go's JSON number form ({@code NaN}/{@code Infinity} as strings). Message fields that pdata
 * holds by value ({@code resource}, {@code scope}, {@code status}, log {@code body}, attribute
 * {@code value}, exponential histogram buckets) are always written, as there.
 */
final class OtlpJsonWriter {
    private final JsonGenerator g;

    OtlpJsonWriter(JsonGenerator generator) {
        this.g = generator;
    }

    void writeDocument(TelemetryBatch<?> batch) throws IOException {
        g.writeStartObject();
        switch (batch.signal()) {
            case TRACES -> writeResources(batch.asTraces(), "resourceSpans", "scopeSpans", "spans", this::writeSpan);
            case METRICS -> writeResources(batch.asMetrics(), "resourceMetrics", "scopeMetrics", "metrics", this::writeMetric);
            case LOGS -> writeResources(batch.asLogs(), "resourceLogs", "scopeLogs", "logRecords", this::writeLogRecord);
            case PROFILES -> {
                TelemetryBatch<Profile> profiles = ProfilesDictionaries.unify(batch.asProfiles());
                writeResources(profiles, "resourceProfiles", "scopeProfiles", "profiles", this::writeProfile);
                List<ProfilesDictionary> dicts = ProfilesDictionaries.dictionaries(profiles);
                if (!dicts.isEmpty()) {
                    g.writeFieldName("dictionary");
                    writeDictionary(dicts.getFirst());
                }
            }
        }
        g.writeEndObject();
    }

    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(T item) throws IOException;
    }

    private <T extends TelemetryItem<T>> void writeResources(TelemetryBatch<T> batch, String resourcesName,
            String scopesName, String itemsName, ItemWriter<T> itemWriter) throws IOException {
        if (batch.resources().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(resourcesName);
        for (ResourceGroup<T> rg : batch.resources()) {
            g.writeStartObject();
            g.writeFieldName("resource");
            writeResource(rg.resource());
            if (!rg.scopes().isEmpty()) {
                g.writeArrayFieldStart(scopesName);
                for (ScopeGroup<T> sg : rg.scopes()) {
                    g.writeStartObject();
                    g.writeFieldName("scope");
                    writeScope(sg.scope());
                    if (!sg.items().isEmpty()) {
                        g.writeArrayFieldStart(itemsName);
                        for (T item : sg.items()) {
                            itemWriter.write(item);
                        }
                        g.writeEndArray();
                    }
                    stringField("schemaUrl", sg.schemaUrl());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            stringField("schemaUrl", rg.schemaUrl());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeResource(Resource r) throws IOException {
        g.writeStartObject();
        attributesField("attributes", r.attributes());
        uint32Field("droppedAttributesCount", r.droppedAttributesCount());
        g.writeEndObject();
    }

    private void writeScope(InstrumentationScope s) throws IOException {
        g.writeStartObject();
        stringField("name", s.name());
        stringField("version", s.version());
        attributesField("attributes", s.attributes());
        uint32Field("droppedAttributesCount", s.droppedAttributesCount());
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- traces

    private void writeSpan(Span s) throws IOException {
        g.writeStartObject();
        traceIdField("traceId", s.traceId());
        spanIdField("spanId", s.spanId());
        stringField("traceState", s.traceState());
        spanIdField("parentSpanId", s.parentSpanId());
        uint32Field("flags", s.flags());
        stringField("name", s.name());
        int32Field("kind", s.kind());
        uint64Field("startTimeUnixNano", s.startTimeUnixNano());
        uint64Field("endTimeUnixNano", s.endTimeUnixNano());
        attributesField("attributes", s.attributes());
        uint32Field("droppedAttributesCount", s.droppedAttributesCount());
        if (!s.events().isEmpty()) {
            g.writeArrayFieldStart("events");
            for (SpanEvent e : s.events()) {
                g.writeStartObject();
                uint64Field("timeUnixNano", e.timeUnixNano());
                stringField("name", e.name());
                attributesField("attributes", e.attributes());
                uint32Field("droppedAttributesCount", e.droppedAttributesCount());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        uint32Field("droppedEventsCount", s.droppedEventsCount());
        if (!s.links().isEmpty()) {
            g.writeArrayFieldStart("links");
            for (SpanLink l : s.links()) {
                g.writeStartObject();
                traceIdField("traceId", l.traceId());
                spanIdField("spanId", l.spanId());
                stringField("traceState", l.traceState());
                attributesField("attributes", l.attributes());
                uint32Field("droppedAttributesCount", l.droppedAttributesCount());
                uint32Field("flags", l.flags());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        uint32Field("droppedLinksCount", s.droppedLinksCount());
        g.writeObjectFieldStart("status");
        stringField("message", s.status().message());
        int32Field("code", s.status().code());
        g.writeEndObject();
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- logs

    private void writeLogRecord(LogRecord l) throws IOException {
        g.writeStartObject();
        uint64Field("timeUnixNano", l.timeUnixNano());
        uint64Field("observedTimeUnixNano", l.observedTimeUnixNano());
        int32Field("severityNumber", l.severityNumber());
        stringField("severityText", l.severityText());
        g.writeFieldName("body");
        writeAnyValue(l.body());
        attributesField("attributes", l.attributes());
        uint32Field("droppedAttributesCount", l.droppedAttributesCount());
        uint32Field("flags", l.flags());
        traceIdField("traceId", l.traceId());
        spanIdField("spanId", l.spanId());
        stringField("eventName", l.eventName());
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- metrics

    private void writeMetric(Metric m) throws IOException {
        g.writeStartObject();
        stringField("name", m.name());
        stringField("description", m.description());
        stringField("unit", m.unit());
        MetricType type = m.type();
        if (type != MetricType.EMPTY) {
            g.writeObjectFieldStart(switch (type) {
                case GAUGE -> "gauge";
                case SUM -> "sum";
                case HISTOGRAM -> "histogram";
                case EXPONENTIAL_HISTOGRAM -> "exponentialHistogram";
                case SUMMARY -> "summary";
                case EMPTY -> throw new AssertionError();
            });
            if (!m.dataPoints().isEmpty()) {
                g.writeArrayFieldStart("dataPoints");
                for (DataPoint dp : m.dataPoints()) {
                    OtlpProto.checkFits(m, dp);
                    writeDataPoint(dp);
                }
                g.writeEndArray();
            }
            if (type.hasTemporality()) {
                int32Field("aggregationTemporality", m.aggregationTemporality());
            }
            if (type == MetricType.SUM && m.isMonotonic()) {
                g.writeBooleanField("isMonotonic", true);
            }
            g.writeEndObject();
        }
        attributesField("metadata", m.metadata());
        g.writeEndObject();
    }

    private void writeDataPoint(DataPoint dp) throws IOException {
        g.writeStartObject();
        switch (dp) {
            case NumberDataPoint n -> {
                commonHead(n);
                if (n.valueKind() == NumberKind.DOUBLE) {
                    doubleValueField("asDouble", n.doubleValue());
                } else if (n.valueKind() == NumberKind.INT) {
                    int64Field("asInt", n.intValue());
                }
                exemplarsField(n);
                uint32Field("flags", n.flags());
            }
            case HistogramDataPoint h -> {
                commonHead(h);
                uint64Field("count", h.count());
                optionalDoubleField("sum", h.hasSum(), h.sum());
                uint64ArrayField("bucketCounts", h.bucketCounts());
                if (h.explicitBounds().length > 0) {
                    g.writeArrayFieldStart("explicitBounds");
                    for (double b : h.explicitBounds()) {
                        writeDouble(b);
                    }
                    g.writeEndArray();
                }
                exemplarsField(h);
                uint32Field("flags", h.flags());
                optionalDoubleField("min", h.hasMin(), h.min());
                optionalDoubleField("max", h.hasMax(), h.max());
            }
            case ExponentialHistogramDataPoint e -> {
                commonHead(e);
                uint64Field("count", e.count());
                optionalDoubleField("sum", e.hasSum(), e.sum());
                int32Field("scale", e.scale());
                uint64Field("zeroCount", e.zeroCount());
                g.writeFieldName("positive");
                writeBuckets(e.positive());
                g.writeFieldName("negative");
                writeBuckets(e.negative());
                uint32Field("flags", e.flags());
                exemplarsField(e);
                optionalDoubleField("min", e.hasMin(), e.min());
                optionalDoubleField("max", e.hasMax(), e.max());
                doubleField("zeroThreshold", e.zeroThreshold());
            }
            case SummaryDataPoint s -> {
                commonHead(s);
                uint64Field("count", s.count());
                doubleField("sum", s.sum());
                if (!s.quantileValues().isEmpty()) {
                    g.writeArrayFieldStart("quantileValues");
                    for (ValueAtQuantile q : s.quantileValues()) {
                        g.writeStartObject();
                        doubleField("quantile", q.quantile());
                        doubleField("value", q.value());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                uint32Field("flags", s.flags());
            }
        }
        g.writeEndObject();
    }

    /** A proto3 optional double: written only when present. */
    private void optionalDoubleField(String name, boolean present, double value) throws IOException {
        if (present) {
            doubleValueField(name, value);
        }
    }

    private void commonHead(DataPoint dp) throws IOException {
        attributesField("attributes", dp.attributes());
        uint64Field("startTimeUnixNano", dp.startTimeUnixNano());
        uint64Field("timeUnixNano", dp.timeUnixNano());
    }

    private void writeBuckets(Buckets b) throws IOException {
        g.writeStartObject();
        int32Field("offset", b.offset());
        uint64ArrayField("bucketCounts", b.bucketCounts());
        g.writeEndObject();
    }

    private void exemplarsField(DataPoint dp) throws IOException {
        if (dp.exemplars().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("exemplars");
        for (Exemplar e : dp.exemplars()) {
            g.writeStartObject();
            attributesField("filteredAttributes", e.filteredAttributes());
            uint64Field("timeUnixNano", e.timeUnixNano());
            if (e.valueKind() == NumberKind.DOUBLE) {
                doubleValueField("asDouble", e.doubleValue());
            } else if (e.valueKind() == NumberKind.INT) {
                int64Field("asInt", e.intValue());
            }
            traceIdField("traceId", e.traceId());
            spanIdField("spanId", e.spanId());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    // ---------------------------------------------------------------- values

    private void attributesField(String name, AttributeMap m) throws IOException {
        if (m.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        writeKeyValues(m);
        g.writeEndArray();
    }

    private void writeKeyValues(AttributeMap m) throws IOException {
        for (int i = 0, n = m.size(); i < n; i++) {
            g.writeStartObject();
            stringField("key", m.keyAt(i));
            g.writeFieldName("value");
            writeAnyValue(m.valueAt(i));
            g.writeEndObject();
        }
    }

    private void writeAnyValue(Object v) throws IOException {
        g.writeStartObject();
        if (v instanceof String s) {
            g.writeFieldName("stringValue");
            writeText(s);
        } else if (v instanceof Long l) {
            int64Field("intValue", l);
        } else if (v instanceof Double d) {
            doubleValueField("doubleValue", d);
        } else if (v instanceof Boolean b) {
            g.writeBooleanField("boolValue", b);
        } else if (v instanceof AttributeMap m) {
            g.writeObjectFieldStart("kvlistValue");
            if (!m.isEmpty()) {
                g.writeArrayFieldStart("values");
                writeKeyValues(m);
                g.writeEndArray();
            }
            g.writeEndObject();
        } else if (v instanceof AttributeList l) {
            g.writeObjectFieldStart("arrayValue");
            if (!l.isEmpty()) {
                g.writeArrayFieldStart("values");
                for (int i = 0, n = l.size(); i < n; i++) {
                    writeAnyValue(l.get(i));
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } else if (v instanceof byte[] b) {
            g.writeFieldName("bytesValue");
            g.writeBinary(b);
        } else if (v != AnyValue.EMPTY) {
            throw new IllegalArgumentException("not a stored value: " + v.getClass().getName());
        }
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- profiles

    private void writeProfile(Profile pr) throws IOException {
        g.writeStartObject();
        valueTypeField("sampleType", pr.sampleType());
        if (!pr.samples().isEmpty()) {
            g.writeArrayFieldStart("sample");
            for (Profile.Sample s : pr.samples()) {
                g.writeStartObject();
                int32Field("stackIndex", s.stackIndex());
                int64ArrayField("values", s.values());
                int32ArrayField("attributeIndices", s.attributeIndices());
                int32Field("linkIndex", s.linkIndex());
                uint64ArrayField("timestampsUnixNano", s.timestampsUnixNano());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        uint64Field("timeUnixNano", pr.timeUnixNano());
        uint64Field("durationNano", pr.durationNano());
        valueTypeField("periodType", pr.periodType());
        if (pr.period() != 0) {
            int64Field("period", pr.period());
        }
        int32ArrayField("commentStrindices", pr.commentStrindices().toArray());
        if (pr.hasProfileId()) {
            g.writeStringField("profileId", HexFormat.of().formatHex(pr.profileId()));
        }
        uint32Field("droppedAttributesCount", pr.droppedAttributesCount());
        stringField("originalPayloadFormat", pr.originalPayloadFormat());
        byte[] payload = pr.originalPayload();
        if (payload.length > 0) {
            g.writeStringField("originalPayload", Base64.getEncoder().encodeToString(payload));
        }
        int32ArrayField("attributeIndices", pr.attributeIndices().toArray());
        g.writeEndObject();
    }

    /** pdata holds a profile's value types by value: always written, as its other by-value messages. */
    private void valueTypeField(String name, Profile.ValueType v) throws IOException {
        g.writeObjectFieldStart(name);
        int32Field("typeStrindex", v.typeStrindex());
        int32Field("unitStrindex", v.unitStrindex());
        int32Field("aggregationTemporality", v.aggregationTemporality());
        g.writeEndObject();
    }

    private void writeDictionary(ProfilesDictionary d) throws IOException {
        g.writeStartObject();
        if (!d.mappingTable().isEmpty()) {
            g.writeArrayFieldStart("mappingTable");
            for (ProfilesDictionary.Mapping m : d.mappingTable()) {
                g.writeStartObject();
                uint64Field("memoryStart", m.memoryStart());
                uint64Field("memoryLimit", m.memoryLimit());
                uint64Field("fileOffset", m.fileOffset());
                int32Field("filenameStrindex", m.filenameStrindex());
                int32ArrayField("attributeIndices", m.attributeIndices());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!d.locationTable().isEmpty()) {
            g.writeArrayFieldStart("locationTable");
            for (ProfilesDictionary.Location l : d.locationTable()) {
                g.writeStartObject();
                int32Field("mappingIndex", l.mappingIndex());
                uint64Field("address", l.address());
                if (!l.lines().isEmpty()) {
                    g.writeArrayFieldStart("line");
                    for (ProfilesDictionary.Line line : l.lines()) {
                        g.writeStartObject();
                        int32Field("functionIndex", line.functionIndex());
                        if (line.line() != 0) {
                            int64Field("line", line.line());
                        }
                        if (line.column() != 0) {
                            int64Field("column", line.column());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                int32ArrayField("attributeIndices", l.attributeIndices());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!d.functionTable().isEmpty()) {
            g.writeArrayFieldStart("functionTable");
            for (ProfilesDictionary.Function f : d.functionTable()) {
                g.writeStartObject();
                int32Field("nameStrindex", f.nameStrindex());
                int32Field("systemNameStrindex", f.systemNameStrindex());
                int32Field("filenameStrindex", f.filenameStrindex());
                if (f.startLine() != 0) {
                    int64Field("startLine", f.startLine());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!d.linkTable().isEmpty()) {
            g.writeArrayFieldStart("linkTable");
            for (ProfilesDictionary.Link l : d.linkTable()) {
                g.writeStartObject();
                traceIdField("traceId", l.traceId());
                spanIdField("spanId", l.spanId());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!d.stringTable().isEmpty()) {
            g.writeArrayFieldStart("stringTable");
            for (String s : d.stringTable()) {
                writeText(s);
            }
            g.writeEndArray();
        }
        if (!d.attributeTable().isEmpty()) {
            g.writeArrayFieldStart("attributeTable");
            for (ProfilesDictionary.Attribute a : d.attributeTable()) {
                g.writeStartObject();
                int32Field("keyStrindex", a.keyStrindex());
                g.writeFieldName("value");
                writeAnyValue(a.value());
                int32Field("unitStrindex", a.unitStrindex());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!d.stackTable().isEmpty()) {
            g.writeArrayFieldStart("stackTable");
            for (ProfilesDictionary.Stack s : d.stackTable()) {
                g.writeStartObject();
                int32ArrayField("locationIndices", s.locationIndices());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void int32ArrayField(String name, int[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private void int64ArrayField(String name, long[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (long v : values) {
            g.writeString(Long.toString(v));
        }
        g.writeEndArray();
    }

    // ---------------------------------------------------------------- scalar fields (omitted when default)

    private void stringField(String name, String value) throws IOException {
        if (!value.isEmpty()) {
            g.writeFieldName(name);
            writeText(value);
        }
    }

    /** Java strings may hold lone surrogates (e.g. after a substring); JSON output needs valid UTF-8. */
    private void writeText(String s) throws IOException {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                g.writeString(OtlpProto.replaceLoneSurrogates(s));
                return;
            }
        }
        g.writeString(s);
    }

    private void uint32Field(String name, int value) throws IOException {
        if (value != 0) {
            g.writeNumberField(name, Integer.toUnsignedLong(value));
        }
    }

    private void int32Field(String name, int value) throws IOException {
        if (value != 0) {
            g.writeNumberField(name, value);
        }
    }

    private void uint64Field(String name, long value) throws IOException {
        if (value != 0) {
            g.writeStringField(name, Long.toUnsignedString(value));
        }
    }

    private void int64Field(String name, long value) throws IOException {
        g.writeStringField(name, Long.toString(value));
    }

    private void uint64ArrayField(String name, long[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (long v : values) {
            g.writeString(Long.toUnsignedString(v));
        }
        g.writeEndArray();
    }

    /** A double field omitted when 0 (proto3 implicit presence; -0.0 too, as Go compares with ==). */
    private void doubleField(String name, double value) throws IOException {
        if (value != 0) {
            doubleValueField(name, value);
        }
    }

    /** A double field that is always written (oneof members and optional fields that are set). */
    private void doubleValueField(String name, double value) throws IOException {
        g.writeFieldName(name);
        writeDouble(value);
    }

    private void writeDouble(double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeString(GoFloat.formatJson(v));
        } else {
            g.writeNumber(GoFloat.formatJson(v));
        }
    }

    private void traceIdField(String name, TraceId id) throws IOException {
        if (!id.isEmpty()) {
            g.writeStringField(name, id.toHex());
        }
    }

    private void spanIdField(String name, SpanId id) throws IOException {
        if (!id.isEmpty()) {
            g.writeStringField(name, id.toHex());
        }
    }
}
