package io.ottl4j.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ExponentialHistogramDataPoint.Buckets;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.Resource;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ProfilesDictionary;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import io.ottl4j.pdata.TraceId;
import io.ottl4j.pdata.SummaryDataPoint.ValueAtQuantile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.DoubleConsumer;

/**
 * Decodes one OTLP/JSON document by walking Jackson's token stream (no data binding), following the
 * Go collector's pdata decoder: camelCase and snake_case field names, unknown fields skipped, hex ids,
 * enums by number or name, integers as numbers or decimal strings, {@code null} meaning the default.
 * Every error names the JSON path of the offending value.
 */
final class OtlpJsonReader {
    private final JsonParser p;
    private final JsonPath path = new JsonPath();
    private ProfilesDictionary dictionary;

    OtlpJsonReader(JsonParser parser) {
        this.p = parser;
    }

    /** The path of the value being read, for error messages. */
    String path() {
        return path.toString();
    }

    // ---------------------------------------------------------------- document

    TelemetryBatch<?> readDocument(Signal expected) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw error("expected a JSON object with " + expectedKeys(expected) + ", got " + describe(t));
        }
        path.enterObject();
        TelemetryBatch<?> batch = null;
        for (String f; (f = nextField()) != null; ) {
            Signal s = switch (f) {
                case "resourceSpans", "resource_spans" -> Signal.TRACES;
                case "resourceMetrics", "resource_metrics" -> Signal.METRICS;
                case "resourceLogs", "resource_logs" -> Signal.LOGS;
                case "resourceProfiles", "resource_profiles" -> Signal.PROFILES;
                default -> null;
            };
            if (s == null && f.equals("dictionary") && (expected == null || expected == Signal.PROFILES)) {
                readDictionary(profilesDictionary());
                continue;
            }
            if (s == null) {
                p.skipChildren();
                continue;
            }
            if (expected != null && s != expected) {
                throw error("expected " + topKey(expected) + " (" + expected.name().toLowerCase()
                        + "), but the document holds " + f);
            }
            if (batch != null && batch.signal() != s) {
                throw error("a document holds one signal, but it has both " + topKey(batch.signal()) + " and " + f);
            }
            if (batch == null) {
                batch = TelemetryBatch.of(s);
            }
            readResources(batch);
        }
        if (p.nextToken() != null) {
            throw error("unexpected content after the end of the document");
        }
        if (batch == null) {
            if (expected == null) {
                throw error("the document has none of " + expectedKeys(null)
                        + "; it must hold one of them (or pass the expected signal)");
            }
            batch = TelemetryBatch.of(expected);
        }
        return batch;
    }

    private static String topKey(Signal s) {
        return switch (s) {
            case TRACES -> "resourceSpans";
            case METRICS -> "resourceMetrics";
            case LOGS -> "resourceLogs";
            case PROFILES -> "resourceProfiles";
        };
    }

    private static String expectedKeys(Signal expected) {
        return expected != null ? topKey(expected) : "resourceSpans, resourceMetrics, resourceLogs or resourceProfiles";
    }

    @SuppressWarnings("unchecked")
    private void readResources(TelemetryBatch<?> batch) throws IOException {
        switch (batch.signal()) {
            case TRACES -> readResources((TelemetryBatch<Span>) batch, SPANS);
            case METRICS -> readResources((TelemetryBatch<Metric>) batch, METRICS);
            case LOGS -> readResources((TelemetryBatch<LogRecord>) batch, LOGS);
            case PROFILES -> readResources((TelemetryBatch<Profile>) batch, PROFILES);
        }
    }

    // ---------------------------------------------------------------- resource and scope plumbing, once for all signals

    /** What differs between the signals' resource/scope wrappers: the field names and how to read an item. */
    private record Shape<T extends TelemetryItem<T>>(String scopesCamel, String scopesSnake, String itemsCamel,
            String itemsSnake, ItemReader<T> reader) {}

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(OtlpJsonReader r) throws IOException;
    }

    private static final Shape<Span> SPANS =
            new Shape<>("scopeSpans", "scope_spans", "spans", "spans", OtlpJsonReader::readSpan);
    private static final Shape<Metric> METRICS =
            new Shape<>("scopeMetrics", "scope_metrics", "metrics", "metrics", OtlpJsonReader::readMetric);
    private static final Shape<LogRecord> LOGS =
            new Shape<>("scopeLogs", "scope_logs", "logRecords", "log_records", OtlpJsonReader::readLogRecord);

    private static final Shape<Profile> PROFILES =
            new Shape<>("scopeProfiles", "scope_profiles", "profiles", "profiles", OtlpJsonReader::readProfile);

    private <T extends TelemetryItem<T>> void readResources(TelemetryBatch<T> batch, Shape<T> shape) throws IOException {
        if (!startArray()) {
            return;
        }
        while (nextElement()) {
            ResourceGroup<T> rg = batch.addResource();
            if (!startObject()) {
                continue;
            }
            for (String f; (f = nextField()) != null; ) {
                if (f.equals("resource")) {
                    readResource(rg.resource());
                } else if (f.equals("schemaUrl") || f.equals("schema_url")) {
                    rg.setSchemaUrl(readString());
                } else if (f.equals(shape.scopesCamel) || f.equals(shape.scopesSnake)) {
                    readScopes(rg, shape);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private void readResource(Resource r) throws IOException {
        if (!startObject()) {
            return;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "attributes" -> readAttributes(r.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" -> r.setDroppedAttributesCount(readUint32());
                default -> p.skipChildren();
            }
        }
    }

    private <T extends TelemetryItem<T>> void readScopes(ResourceGroup<T> rg, Shape<T> shape) throws IOException {
        if (!startArray()) {
            return;
        }
        while (nextElement()) {
            ScopeGroup<T> sg = rg.addScope();
            if (!startObject()) {
                continue;
            }
            for (String f; (f = nextField()) != null; ) {
                if (f.equals("scope")) {
                    readScope(sg.scope());
                } else if (f.equals("schemaUrl") || f.equals("schema_url")) {
                    sg.setSchemaUrl(readString());
                } else if (f.equals(shape.itemsCamel) || f.equals(shape.itemsSnake)) {
                    if (startArray()) {
                        while (nextElement()) {
                            sg.items().add(shape.reader.read(this));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private void readScope(InstrumentationScope s) throws IOException {
        if (!startObject()) {
            return;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "name" -> s.setName(readString());
                case "version" -> s.setVersion(readString());
                case "attributes" -> readAttributes(s.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" -> s.setDroppedAttributesCount(readUint32());
                default -> p.skipChildren();
            }
        }
    }

    // ---------------------------------------------------------------- traces

    private Span readSpan() throws IOException {
        Span s = new Span();
        if (!startObject()) {
            return s;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "traceId", "trace_id" -> s.setTraceId(readTraceId());
                case "spanId", "span_id" -> s.setSpanId(readSpanId());
                case "traceState", "trace_state" -> s.setTraceState(readString());
                case "parentSpanId", "parent_span_id" -> s.setParentSpanId(readSpanId());
                case "flags" -> s.setFlags(readUint32());
                case "name" -> s.setName(readString());
                case "kind" -> s.setKind(readEnum(OtlpEnums.SPAN_KIND));
                case "startTimeUnixNano", "start_time_unix_nano" -> s.setStartTimeUnixNano(readUint64());
                case "endTimeUnixNano", "end_time_unix_nano" -> s.setEndTimeUnixNano(readUint64());
                case "attributes" -> readAttributes(s.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" -> s.setDroppedAttributesCount(readUint32());
                case "events" -> {
                    if (startArray()) {
                        while (nextElement()) {
                            s.events().add(readSpanEvent());
                        }
                    }
                }
                case "droppedEventsCount", "dropped_events_count" -> s.setDroppedEventsCount(readUint32());
                case "links" -> {
                    if (startArray()) {
                        while (nextElement()) {
                            s.links().add(readSpanLink());
                        }
                    }
                }
                case "droppedLinksCount", "dropped_links_count" -> s.setDroppedLinksCount(readUint32());
                case "status" -> readStatus(s.status());
                default -> p.skipChildren();
            }
        }
        return s;
    }

    private SpanEvent readSpanEvent() throws IOException {
        SpanEvent e = new SpanEvent();
        if (!startObject()) {
            return e;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "timeUnixNano", "time_unix_nano" -> e.setTimeUnixNano(readUint64());
                case "name" -> e.setName(readString());
                case "attributes" -> readAttributes(e.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" -> e.setDroppedAttributesCount(readUint32());
                default -> p.skipChildren();
            }
        }
        return e;
    }

    private SpanLink readSpanLink() throws IOException {
        SpanLink l = new SpanLink();
        if (!startObject()) {
            return l;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "traceId", "trace_id" -> l.setTraceId(readTraceId());
                case "spanId", "span_id" -> l.setSpanId(readSpanId());
                case "traceState", "trace_state" -> l.setTraceState(readString());
                case "attributes" -> readAttributes(l.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" -> l.setDroppedAttributesCount(readUint32());
                case "flags" -> l.setFlags(readUint32());
                default -> p.skipChildren();
            }
        }
        return l;
    }

    private void readStatus(Status st) throws IOException {
        if (!startObject()) {
            return;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "message" -> st.setMessage(readString());
                case "code" -> st.setCode(readEnum(OtlpEnums.STATUS_CODE));
                default -> p.skipChildren();
            }
        }
    }

    // ---------------------------------------------------------------- logs

    private LogRecord readLogRecord() throws IOException {
        LogRecord l = new LogRecord();
        if (!startObject()) {
            return l;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "timeUnixNano", "time_unix_nano" -> l.setTimeUnixNano(readUint64());
                case "observedTimeUnixNano", "observed_time_unix_nano" -> l.setObservedTimeUnixNano(readUint64());
                case "severityNumber", "severity_number" -> l.setSeverityNumber(readEnum(OtlpEnums.SEVERITY_NUMBER));
                case "severityText", "severity_text" -> l.setSeverityText(readString());
                case "body" -> l.setBody(readAnyValue());
                case "attributes" -> readAttributes(l.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" -> l.setDroppedAttributesCount(readUint32());
                case "flags" -> l.setFlags(readUint32());
                case "traceId", "trace_id" -> l.setTraceId(readTraceId());
                case "spanId", "span_id" -> l.setSpanId(readSpanId());
                case "eventName", "event_name" -> l.setEventName(readString());
                default -> p.skipChildren();
            }
        }
        return l;
    }

    // ---------------------------------------------------------------- metrics

    private Metric readMetric() throws IOException {
        Metric m = new Metric();
        if (!startObject()) {
            return m;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "name" -> m.setName(readString());
                case "description" -> m.setDescription(readString());
                case "unit" -> m.setUnit(readString());
                case "metadata" -> readAttributes(m.metadata());
                case "gauge" -> readMetricData(m, MetricType.GAUGE);
                case "sum" -> readMetricData(m, MetricType.SUM);
                case "histogram" -> readMetricData(m, MetricType.HISTOGRAM);
                case "exponentialHistogram", "exponential_histogram" -> readMetricData(m, MetricType.EXPONENTIAL_HISTOGRAM);
                case "summary" -> readMetricData(m, MetricType.SUMMARY);
                default -> p.skipChildren();
            }
        }
        return m;
    }

    /** One member of the metric's data oneof; a second member replaces the first, as in pdata. */
    private void readMetricData(Metric m, MetricType type) throws IOException {
        m.setType(MetricType.EMPTY);
        m.setType(type);
        if (!startObject()) {
            return;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "dataPoints", "data_points" -> {
                    if (startArray()) {
                        while (nextElement()) {
                            m.dataPoints().add(readDataPoint(type));
                        }
                    }
                }
                case "aggregationTemporality", "aggregation_temporality" -> {
                    if (type.hasTemporality()) {
                        m.setAggregationTemporality(readEnum(OtlpEnums.AGGREGATION_TEMPORALITY));
                    } else {
                        p.skipChildren();
                    }
                }
                case "isMonotonic", "is_monotonic" -> {
                    if (type == MetricType.SUM) {
                        m.setMonotonic(readBool());
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private DataPoint readDataPoint(MetricType type) throws IOException {
        DataPoint dp = DataPoint.create(type);
        if (!startObject()) {
            return dp;
        }
        for (String f; (f = nextField()) != null; ) {
            if (!readCommonPointField(dp, f)) {
                boolean known = switch (dp) {
                    case NumberDataPoint n -> readNumberField(n, f);
                    case HistogramDataPoint h -> readHistogramField(h, f);
                    case ExponentialHistogramDataPoint e -> readExpHistogramField(e, f);
                    case SummaryDataPoint s -> readSummaryField(s, f);
                };
                if (!known) {
                    p.skipChildren();
                }
            }
        }
        return dp;
    }

    private boolean readCommonPointField(DataPoint dp, String f) throws IOException {
        switch (f) {
            case "attributes" -> readAttributes(dp.attributes());
            case "startTimeUnixNano", "start_time_unix_nano" -> dp.setStartTimeUnixNano(readUint64());
            case "timeUnixNano", "time_unix_nano" -> dp.setTimeUnixNano(readUint64());
            case "flags" -> dp.setFlags(readUint32());
            case "exemplars" -> {
                if (startArray()) {
                    while (nextElement()) {
                        dp.exemplars().add(readExemplar());
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean readNumberField(NumberDataPoint n, String f) throws IOException {
        switch (f) {
            case "asDouble", "as_double" -> n.setDoubleValue(readDouble());
            case "asInt", "as_int" -> n.setIntValue(readInt64());
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean readHistogramField(HistogramDataPoint h, String f) throws IOException {
        switch (f) {
            case "count" -> h.setCount(readUint64());
            case "sum" -> readOptionalDouble(h::setSum);
            case "bucketCounts", "bucket_counts" -> h.setBucketCounts(readUint64Array());
            case "explicitBounds", "explicit_bounds" -> h.setExplicitBounds(readDoubleArray());
            case "min" -> readOptionalDouble(h::setMin);
            case "max" -> readOptionalDouble(h::setMax);
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean readExpHistogramField(ExponentialHistogramDataPoint e, String f) throws IOException {
        switch (f) {
            case "count" -> e.setCount(readUint64());
            case "sum" -> readOptionalDouble(e::setSum);
            case "scale" -> e.setScale(readInt32());
            case "zeroCount", "zero_count" -> e.setZeroCount(readUint64());
            case "zeroThreshold", "zero_threshold" -> e.setZeroThreshold(readDouble());
            case "positive" -> readBuckets(e.positive());
            case "negative" -> readBuckets(e.negative());
            case "min" -> readOptionalDouble(e::setMin);
            case "max" -> readOptionalDouble(e::setMax);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Reads a proto3 optional double into {@code set}; {@code null} leaves the field absent. */
    private void readOptionalDouble(DoubleConsumer set) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            set.accept(readDouble());
        }
    }

    private void readBuckets(Buckets b) throws IOException {
        if (!startObject()) {
            return;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "offset" -> b.setOffset(readInt32());
                case "bucketCounts", "bucket_counts" -> b.setBucketCounts(readUint64Array());
                default -> p.skipChildren();
            }
        }
    }

    private boolean readSummaryField(SummaryDataPoint s, String f) throws IOException {
        switch (f) {
            case "count" -> s.setCount(readUint64());
            case "sum" -> s.setSum(readDouble());
            case "quantileValues", "quantile_values" -> {
                if (startArray()) {
                    while (nextElement()) {
                        s.quantileValues().add(readQuantile());
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private ValueAtQuantile readQuantile() throws IOException {
        ValueAtQuantile q = new ValueAtQuantile();
        if (!startObject()) {
            return q;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "quantile" -> q.setQuantile(readDouble());
                case "value" -> q.setValue(readDouble());
                default -> p.skipChildren();
            }
        }
        return q;
    }

    private Exemplar readExemplar() throws IOException {
        Exemplar e = new Exemplar();
        if (!startObject()) {
            return e;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "filteredAttributes", "filtered_attributes" -> readAttributes(e.filteredAttributes());
                case "timeUnixNano", "time_unix_nano" -> e.setTimeUnixNano(readUint64());
                case "asDouble", "as_double" -> e.setDoubleValue(readDouble());
                case "asInt", "as_int" -> e.setIntValue(readInt64());
                case "traceId", "trace_id" -> e.setTraceId(readTraceId());
                case "spanId", "span_id" -> e.setSpanId(readSpanId());
                default -> p.skipChildren();
            }
        }
        return e;
    }

    // ---------------------------------------------------------------- profiles

    /** The document's dictionary: profiles read before the {@code dictionary} field point into it too. */
    private ProfilesDictionary profilesDictionary() {
        if (dictionary == null) {
            dictionary = new ProfilesDictionary();
        }
        return dictionary;
    }

    private Profile readProfile() throws IOException {
        Profile pr = new Profile(profilesDictionary());
        if (!startObject()) {
            return pr;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "sampleType", "sample_type" -> pr.setSampleType(readValueType());
                case "sample", "samples" -> {
                    if (startArray()) {
                        while (nextElement()) {
                            pr.samples().add(readSample());
                        }
                    }
                }
                case "timeUnixNano", "time_unix_nano" -> pr.setTimeUnixNano(readUint64());
                case "durationNano", "duration_nano" -> pr.setDurationNano(readUint64());
                case "periodType", "period_type" -> pr.setPeriodType(readValueType());
                case "period" -> pr.setPeriod(readInt64());
                case "commentStrindices", "comment_strindices" -> pr.commentStrindices().setAll(readInt32Array());
                case "profileId", "profile_id" -> {
                    byte[] id = readHexId("profile id", Profile.ID_SIZE);
                    if (id.length > 0) {
                        pr.setProfileId(id);
                    }
                }
                case "droppedAttributesCount", "dropped_attributes_count" -> pr.setDroppedAttributesCount(readUint32());
                case "originalPayloadFormat", "original_payload_format" -> pr.setOriginalPayloadFormat(readString());
                case "originalPayload", "original_payload" -> pr.setOriginalPayload(readBase64());
                case "attributeIndices", "attribute_indices" -> pr.attributeIndices().setAll(readInt32Array());
                default -> p.skipChildren();
            }
        }
        return pr;
    }

    private Profile.ValueType readValueType() throws IOException {
        int type = 0;
        int unit = 0;
        int temporality = 0;
        if (!startObject()) {
            return Profile.ValueType.EMPTY;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "typeStrindex", "type_strindex" -> type = readInt32();
                case "unitStrindex", "unit_strindex" -> unit = readInt32();
                case "aggregationTemporality", "aggregation_temporality" -> temporality = readEnum(OtlpEnums.PROFILE_AGGREGATION_TEMPORALITY);
                default -> p.skipChildren();
            }
        }
        return new Profile.ValueType(type, unit, temporality);
    }

    private Profile.Sample readSample() throws IOException {
        int stack = 0;
        long[] values = new long[0];
        int[] attrs = new int[0];
        int link = 0;
        long[] timestamps = new long[0];
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "stackIndex", "stack_index" -> stack = readInt32();
                    case "values" -> values = readInt64Array();
                    case "attributeIndices", "attribute_indices" -> attrs = readInt32Array();
                    case "linkIndex", "link_index" -> link = readInt32();
                    case "timestampsUnixNano", "timestamps_unix_nano" -> timestamps = readUint64Array();
                    default -> p.skipChildren();
                }
            }
        }
        return new Profile.Sample(stack, values, attrs, link, timestamps);
    }

    private void readDictionary(ProfilesDictionary d) throws IOException {
        if (!startObject()) {
            return;
        }
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "mappingTable", "mapping_table" -> readEach(() -> d.mappingTable().add(readMapping()));
                case "locationTable", "location_table" -> readEach(() -> d.locationTable().add(readLocation()));
                case "functionTable", "function_table" -> readEach(() -> d.functionTable().add(readFunction()));
                case "linkTable", "link_table" -> readEach(() -> d.linkTable().add(readLink()));
                case "stringTable", "string_table" -> readEach(() -> d.stringTable().add(readString()));
                case "attributeTable", "attribute_table" -> readEach(() -> d.attributeTable().add(readTableAttribute()));
                case "stackTable", "stack_table" -> readEach(() -> d.stackTable().add(readStack()));
                default -> p.skipChildren();
            }
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        void read() throws IOException;
    }

    private void readEach(ElementReader r) throws IOException {
        if (startArray()) {
            while (nextElement()) {
                r.read();
            }
        }
    }

    private ProfilesDictionary.Mapping readMapping() throws IOException {
        long start = 0;
        long limit = 0;
        long offset = 0;
        int filename = 0;
        int[] attrs = new int[0];
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "memoryStart", "memory_start" -> start = readUint64();
                    case "memoryLimit", "memory_limit" -> limit = readUint64();
                    case "fileOffset", "file_offset" -> offset = readUint64();
                    case "filenameStrindex", "filename_strindex" -> filename = readInt32();
                    case "attributeIndices", "attribute_indices" -> attrs = readInt32Array();
                    default -> p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Mapping(start, limit, offset, filename, attrs);
    }

    private ProfilesDictionary.Location readLocation() throws IOException {
        int mapping = 0;
        long address = 0;
        java.util.List<ProfilesDictionary.Line> lines = new java.util.ArrayList<>();
        int[] attrs = new int[0];
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "mappingIndex", "mapping_index" -> mapping = readInt32();
                    case "address" -> address = readUint64();
                    case "line", "lines" -> readEach(() -> lines.add(readLine()));
                    case "attributeIndices", "attribute_indices" -> attrs = readInt32Array();
                    default -> p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Location(mapping, address, lines, attrs);
    }

    private ProfilesDictionary.Line readLine() throws IOException {
        int function = 0;
        long line = 0;
        long column = 0;
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "functionIndex", "function_index" -> function = readInt32();
                    case "line" -> line = readInt64();
                    case "column" -> column = readInt64();
                    default -> p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Line(function, line, column);
    }

    private ProfilesDictionary.Function readFunction() throws IOException {
        int name = 0;
        int systemName = 0;
        int filename = 0;
        long startLine = 0;
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "nameStrindex", "name_strindex" -> name = readInt32();
                    case "systemNameStrindex", "system_name_strindex" -> systemName = readInt32();
                    case "filenameStrindex", "filename_strindex" -> filename = readInt32();
                    case "startLine", "start_line" -> startLine = readInt64();
                    default -> p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Function(name, systemName, filename, startLine);
    }

    private ProfilesDictionary.Link readLink() throws IOException {
        TraceId trace = TraceId.EMPTY;
        SpanId span = SpanId.EMPTY;
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "traceId", "trace_id" -> trace = readTraceId();
                    case "spanId", "span_id" -> span = readSpanId();
                    default -> p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Link(trace, span);
    }

    private ProfilesDictionary.Attribute readTableAttribute() throws IOException {
        int key = 0;
        Object value = AnyValue.EMPTY;
        int unit = 0;
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                switch (f) {
                    case "keyStrindex", "key_strindex" -> key = readInt32();
                    case "value" -> value = readAnyValue();
                    case "unitStrindex", "unit_strindex" -> unit = readInt32();
                    default -> p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Attribute(key, value, unit);
    }

    private ProfilesDictionary.Stack readStack() throws IOException {
        int[] locations = new int[0];
        if (startObject()) {
            for (String f; (f = nextField()) != null; ) {
                if (f.equals("locationIndices") || f.equals("location_indices")) {
                    locations = readInt32Array();
                } else {
                    p.skipChildren();
                }
            }
        }
        return new ProfilesDictionary.Stack(locations);
    }

    /** A hex id of {@code size} bytes, or empty. */
    private byte[] readHexId(String what, int size) throws IOException {
        String hex = readIdText(what);
        if (hex.isEmpty()) {
            return new byte[0];
        }
        if (hex.length() != size * 2) {
            throw error(what + " must be " + size * 2 + " hex characters, got " + hex.length());
        }
        try {
            return java.util.HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw error("invalid " + what + ": " + e.getMessage());
        }
    }

    private int[] readInt32Array() throws IOException {
        long[] wide = readLongArray(this::readInt32);
        int[] out = new int[wide.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) wide[i];
        }
        return out;
    }

    private long[] readInt64Array() throws IOException {
        return readLongArray(this::readInt64);
    }

    // ---------------------------------------------------------------- attributes and AnyValue

    /** {@code [{"key": …, "value": {…}}, …]}; the first of duplicate keys wins (pdata's {@code Get} finds the first). */
    private void readAttributes(AttributeMap target) throws IOException {
        if (!startArray()) {
            return;
        }
        while (nextElement()) {
            readKeyValue(target);
        }
    }

    private void readKeyValue(AttributeMap target) throws IOException {
        if (!startObject()) {
            target.putIfAbsent("", AnyValue.EMPTY);
            return;
        }
        String key = "";
        Object value = AnyValue.EMPTY;
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "key" -> key = readString();
                case "value" -> value = readAnyValue();
                default -> p.skipChildren();
            }
        }
        target.putIfAbsent(key, value);
    }

    /** {@code {"stringValue": …}} and the other members; missing, {@code {}} or {@code null} is the empty value. */
    private Object readAnyValue() throws IOException {
        if (!startObject()) {
            return AnyValue.EMPTY;
        }
        Object v = AnyValue.EMPTY;
        for (String f; (f = nextField()) != null; ) {
            switch (f) {
                case "stringValue", "string_value" -> v = readString();
                case "boolValue", "bool_value" -> v = readBool();
                case "intValue", "int_value" -> v = readInt64();
                case "doubleValue", "double_value" -> v = readDouble();
                case "bytesValue", "bytes_value" -> v = readBase64();
                case "arrayValue", "array_value" -> v = readArrayValue();
                case "kvlistValue", "kvlist_value" -> v = readKvListValue();
                default -> p.skipChildren();
            }
        }
        return v;
    }

    private AttributeList readArrayValue() throws IOException {
        AttributeList list = new AttributeList();
        if (!startObject()) {
            return list;
        }
        for (String f; (f = nextField()) != null; ) {
            if (f.equals("values")) {
                if (startArray()) {
                    while (nextElement()) {
                        list.add(readAnyValue());
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return list;
    }

    private AttributeMap readKvListValue() throws IOException {
        AttributeMap map = new AttributeMap();
        if (!startObject()) {
            return map;
        }
        for (String f; (f = nextField()) != null; ) {
            if (f.equals("values")) {
                readAttributes(map);
            } else {
                p.skipChildren();
            }
        }
        return map;
    }

    // ---------------------------------------------------------------- structure

    /** At a value: true and inside the object if it is one, false for {@code null}; anything else is an error. */
    private boolean startObject() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            path.enterObject();
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw error("expected an object, got " + describe(t));
    }

    /** The next field's name with the parser on its value, or null at the end of the object. */
    private String nextField() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            path.exit();
            return null;
        }
        String name = p.currentName();
        path.field(name);
        p.nextToken();
        return name;
    }

    private boolean startArray() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            path.enterArray();
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw error("expected an array, got " + describe(t));
    }

    /** Moves to the next element's value; false at the end of the array. */
    private boolean nextElement() throws IOException {
        if (p.nextToken() == JsonToken.END_ARRAY) {
            path.exit();
            return false;
        }
        path.nextIndex();
        return true;
    }

    // ---------------------------------------------------------------- scalars

    private String readString() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        throw error("expected a string, got " + describe(t));
    }

    private boolean readBool() throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw error("expected true or false, got " + describe(p.currentToken()));
        };
    }

    private TraceId readTraceId() throws IOException {
        String hex = readIdText("trace id");
        try {
            return TraceId.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private SpanId readSpanId() throws IOException {
        String hex = readIdText("span id");
        try {
            return SpanId.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private String readIdText(String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        throw error("expected the " + what + " as a hex string, got " + describe(t));
    }

    /** Standard base64 as protobuf JSON writes it; URL-safe and unpadded input accepted too. */
    private byte[] readBase64() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return new byte[0];
        }
        if (t != JsonToken.VALUE_STRING) {
            throw error("expected base64 bytes as a string, got " + describe(t));
        }
        String s = p.getText();
        try {
            boolean url = s.indexOf('-') >= 0 || s.indexOf('_') >= 0;
            return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
        } catch (IllegalArgumentException e) {
            throw error("invalid base64: " + e.getMessage());
        }
    }

    private int readEnum(OtlpEnums.Table table) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String name = p.getText();
            Integer n = table.byName().get(name);
            if (n == null) {
                throw error("unknown " + table.typeName() + " value \"" + name + "\"");
            }
            return n;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NULL) {
            return readInt32();
        }
        throw error("expected a " + table.typeName() + " number or name, got " + describe(t));
    }

    private enum IntKind {
        INT32("int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
        UINT32("uint32", 0, 0xFFFF_FFFFL),
        INT64("int64", Long.MIN_VALUE, Long.MAX_VALUE),
        UINT64("uint64", 0, Long.MAX_VALUE); // range checked separately: values above Long.MAX_VALUE arrive as BigInteger

        final String name;
        final long min;
        final long max;

        IntKind(String name, long min, long max) {
            this.name = name;
            this.min = min;
            this.max = max;
        }
    }

    private int readInt32() throws IOException {
        return (int) readInteger(IntKind.INT32);
    }

    /** A uint32 in the low 32 bits of an int (read it back with {@link Integer#toUnsignedLong}). */
    private int readUint32() throws IOException {
        return (int) readInteger(IntKind.UINT32);
    }

    private long readInt64() throws IOException {
        return readInteger(IntKind.INT64);
    }

    /** A uint64 as the bits of a long (values above {@code Long.MAX_VALUE} come out negative). */
    private long readUint64() throws IOException {
        return readInteger(IntKind.UINT64);
    }

    /** A JSON number or a decimal string; floats only when integral (JavaScript writers produce {@code 1e21}). */
    private long readInteger(IntKind kind) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return fromBig(p.getBigIntegerValue(), kind, p.getText());
                }
                long v = p.getLongValue();
                return checkRange(v, kind, p.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                java.math.BigDecimal d = p.getDecimalValue();
                if (d.precision() - d.scale() > 21) { // more integer digits than any 64-bit value: skip the huge BigInteger
                    throw outOfRange(kind, p.getText());
                }
                java.math.BigInteger bi;
                try {
                    bi = d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw error("expected an integer (" + kind.name + "), got " + p.getText());
                }
                return fromBig(bi, kind, p.getText());
            }
            case VALUE_STRING -> {
                return parseIntegerString(p.getText(), kind);
            }
            case VALUE_NULL -> {
                return 0;
            }
            default -> throw error("expected an integer (" + kind.name + ") as a number or decimal string, got "
                    + describe(t));
        }
    }

    private long parseIntegerString(String s, IntKind kind) {
        int start = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') && kind != IntKind.UINT64 && kind != IntKind.UINT32) {
            start = 1;
        }
        if (start == s.length() || s.length() - start > 40) {
            throw error("expected an integer (" + kind.name + ") as a decimal string, got \"" + s + "\"");
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw error("expected an integer (" + kind.name + ") as a decimal string, got \"" + s + "\"");
            }
        }
        return fromBig(new java.math.BigInteger(s), kind, s);
    }

    private long fromBig(java.math.BigInteger v, IntKind kind, String text) {
        if (kind == IntKind.UINT64) {
            if (v.signum() < 0 || v.bitLength() > 64) {
                throw outOfRange(kind, text);
            }
            return v.longValue();
        }
        if (v.bitLength() > 63) {
            throw outOfRange(kind, text);
        }
        return checkRange(v.longValue(), kind, text);
    }

    private long checkRange(long v, IntKind kind, String text) {
        if (kind == IntKind.UINT64) {
            if (v < 0) {
                throw outOfRange(kind, text);
            }
            return v;
        }
        if (v < kind.min || v > kind.max) {
            throw outOfRange(kind, text);
        }
        return v;
    }

    private OtlpDecodeException outOfRange(IntKind kind, String text) {
        return error("value " + text + " is out of range for " + kind.name);
    }

    /** A JSON number, or a string: a decimal number, {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    private double readDouble() throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_STRING -> {
                return parseDoubleString(p.getText());
            }
            case VALUE_NULL -> {
                return 0;
            }
            default -> throw error("expected a number or a numeric string, got " + describe(t));
        }
    }

    private double parseDoubleString(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan" -> {
                return Double.NaN;
            }
            case "infinity", "+infinity", "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-infinity", "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!isDecimalNumber(s)) {
                    throw error("expected a number as a string (or NaN, Infinity, -Infinity), got \"" + s + "\"");
                }
                return Double.parseDouble(s);
            }
        }
    }

    /** {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} — what Double.parseDouble should see (it also takes "1d", " 1"). */
    private static boolean isDecimalNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private long[] readUint64Array() throws IOException {
        return readLongArray(this::readUint64);
    }

    @FunctionalInterface
    private interface LongElement {
        long read() throws IOException;
    }

    /** A JSON array of integers, each read by {@code element} (which checks its range). */
    private long[] readLongArray(LongElement element) throws IOException {
        if (!startArray()) {
            return new long[0];
        }
        long[] out = new long[8];
        int n = 0;
        while (nextElement()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = element.read();
        }
        return Arrays.copyOf(out, n);
    }

    private double[] readDoubleArray() throws IOException {
        if (!startArray()) {
            return new double[0];
        }
        double[] out = new double[8];
        int n = 0;
        while (nextElement()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = readDouble();
        }
        return Arrays.copyOf(out, n);
    }

    // ---------------------------------------------------------------- errors

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    OtlpDecodeException error(String problem) {
        return new OtlpDecodeException(path.toString(), problem + location());
    }

    String location() {
        var loc = p.currentTokenLocation();
        return loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "";
    }
}
