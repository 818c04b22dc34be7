package io.ottl4j.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ExponentialHistogramDataPoint.Buckets;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.Exemplar;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SpanLink;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import io.ottl4j.pdata.TraceId;
import io.ottl4j.pdata.SummaryDataPoint.ValueAtQuantile;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * OTLP protobuf ({@code application/x-protobuf} bodies and gRPC), via the {@code opentelemetry-proto}
 * classes — except traces, the collector's hot path, which {@link TraceWireEncoder} and {@link TraceWireDecoder}
 * read and write directly with the same results. Stateless and thread-safe.
 *
 * <p>Encoding follows the Go collector: message fields that pdata holds by value (resource, scope,
 * status, attribute values, log body, exponential histogram buckets) are always present, possibly empty.
 * Decoding rejects ids whose length is neither 0 nor 16 (trace) / 8 (span) bytes.
 */
public final class OtlpProto {
    private OtlpProto() {}

    // ---------------------------------------------------------------- bytes

    /** The serialized {@code Export*ServiceRequest} of the batch's signal. */
    public static byte[] encode(TelemetryBatch<?> batch) {
        return DeepStack.call(() -> encodeHere(batch));
    }

    private static byte[] encodeHere(TelemetryBatch<?> batch) {
        if (batch.signal() == Signal.TRACES) {
            return TraceWireEncoder.encode(batch.asTraces()); // the same bytes, without message objects
        }
        if (batch.signal() == Signal.PROFILES) {
            return ProfilesProto.toRequest(batch.asProfiles()).toByteArray();
        }
        return toProto(batch).toByteArray();
    }

    /** Parses an {@code Export*ServiceRequest} of the given signal. */
    public static TelemetryBatch<?> decode(Signal signal, byte[] bytes) {
        return DeepStack.call(() -> decodeHere(signal, bytes));
    }

    /**
     * Nesting limit of messages, as upstream's Go protobuf (protowire's default recursion limit of 10,000;
     * protobuf-java's default is 100, which made our own hops refuse what upstream accepts).
     */
    public static final int MAX_NESTING = 10_000;

    private static TelemetryBatch<?> decodeHere(Signal signal, byte[] bytes) {
        try {
            return switch (signal) {
                case TRACES -> TraceWireDecoder.decode(bytes); // the same result, without message objects
                case METRICS -> fromProto(ExportMetricsServiceRequest.parseFrom(input(bytes)));
                case LOGS -> fromProto(ExportLogsServiceRequest.parseFrom(input(bytes)));
                case PROFILES -> ProfilesProto.fromRequest(
                        io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest.parseFrom(input(bytes)));
            };
        } catch (InvalidProtocolBufferException e) {
            throw new OtlpDecodeException("", "invalid " + requestName(signal) + " protobuf: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new OtlpDecodeException("", "invalid " + requestName(signal) + " protobuf: " + e.getMessage(), e);
        }
    }

    private static com.google.protobuf.CodedInputStream input(byte[] bytes) {
        com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(bytes);
        in.setRecursionLimit(MAX_NESTING);
        return in;
    }

    public static TelemetryBatch<Span> decodeTraces(byte[] bytes) {
        return decode(Signal.TRACES, bytes).asTraces();
    }

    public static TelemetryBatch<Metric> decodeMetrics(byte[] bytes) {
        return decode(Signal.METRICS, bytes).asMetrics();
    }

    public static TelemetryBatch<LogRecord> decodeLogs(byte[] bytes) {
        return decode(Signal.LOGS, bytes).asLogs();
    }

    public static TelemetryBatch<io.ottl4j.pdata.Profile> decodeProfiles(byte[] bytes) {
        return decode(Signal.PROFILES, bytes).asProfiles();
    }

    private static String requestName(Signal s) {
        return switch (s) {
            case TRACES -> "ExportTraceServiceRequest";
            case METRICS -> "ExportMetricsServiceRequest";
            case LOGS -> "ExportLogsServiceRequest";
            case PROFILES -> "ExportProfilesServiceRequest";
        };
    }

    // ---------------------------------------------------------------- model → proto

    /** The request message of the batch's signal ({@link ExportTraceServiceRequest} etc.). */
    public static Message toProto(TelemetryBatch<?> batch) {
        return switch (batch.signal()) {
            case TRACES -> toTraceRequest(batch.asTraces());
            case METRICS -> toMetricsRequest(batch.asMetrics());
            case LOGS -> toLogsRequest(batch.asLogs());
            case PROFILES -> ProfilesProto.toRequest(batch.asProfiles());
        };
    }

    public static ExportTraceServiceRequest toTraceRequest(TelemetryBatch<Span> batch) {
        ExportTraceServiceRequest.Builder req = ExportTraceServiceRequest.newBuilder();
        encodeGroups(batch, (r, url) -> req.addResourceSpansBuilder().setResource(r).setSchemaUrl(url),
                (rb, s, url) -> rb.addScopeSpansBuilder().setScope(s).setSchemaUrl(url), (sb, s) -> sb.addSpans(span(s)));
        return req.build();
    }

    public static ExportMetricsServiceRequest toMetricsRequest(TelemetryBatch<Metric> batch) {
        ExportMetricsServiceRequest.Builder req = ExportMetricsServiceRequest.newBuilder();
        encodeGroups(batch, (r, url) -> req.addResourceMetricsBuilder().setResource(r).setSchemaUrl(url),
                (rb, s, url) -> rb.addScopeMetricsBuilder().setScope(s).setSchemaUrl(url), (sb, m) -> sb.addMetrics(metric(m)));
        return req.build();
    }

    public static ExportLogsServiceRequest toLogsRequest(TelemetryBatch<LogRecord> batch) {
        ExportLogsServiceRequest.Builder req = ExportLogsServiceRequest.newBuilder();
        encodeGroups(batch, (r, url) -> req.addResourceLogsBuilder().setResource(r).setSchemaUrl(url),
                (rb, s, url) -> rb.addScopeLogsBuilder().setScope(s).setSchemaUrl(url),
                (sb, l) -> sb.addLogRecords(logRecord(l)));
        return req.build();
    }

    /** Opens a scope-level builder ({@code ScopeSpans.Builder} etc.) inside a resource-level one. */
    @FunctionalInterface
    private interface ScopeAdder<R, S> {
        S add(R resourceBuilder, InstrumentationScope scope, String schemaUrl);
    }

    /**
     * Walks the batch's resource and scope groups; each signal opens its own resource- and scope-level
     * builders and adds an item to the latter.
     */
    private static <T extends TelemetryItem<T>, R, S> void encodeGroups(TelemetryBatch<T> batch, BiFunction<Resource, String, R> addResource,
            ScopeAdder<R, S> addScope, BiConsumer<S, T> addItem) {
        for (ResourceGroup<T> rg : batch.resources()) {
            R rb = addResource.apply(resource(rg.resource()), rg.schemaUrl());
            for (ScopeGroup<T> sg : rg.scopes()) {
                S sb = addScope.add(rb, scope(sg.scope()), sg.schemaUrl());
                for (T item : sg.items()) {
                    addItem.accept(sb, item);
                }
            }
        }
    }

    static Resource resource(io.ottl4j.pdata.Resource r) {
        return Resource.newBuilder()
                .addAllAttributes(keyValues(r.attributes()))
                .setDroppedAttributesCount(r.droppedAttributesCount())
                .build();
    }

    static InstrumentationScope scope(io.ottl4j.pdata.InstrumentationScope s) {
        return InstrumentationScope.newBuilder()
                .setName(s.name())
                .setVersion(s.version())
                .addAllAttributes(keyValues(s.attributes()))
                .setDroppedAttributesCount(s.droppedAttributesCount())
                .build();
    }

    private static io.opentelemetry.proto.trace.v1.Span span(Span s) {
        io.opentelemetry.proto.trace.v1.Span.Builder b = io.opentelemetry.proto.trace.v1.Span.newBuilder()
                .setTraceId(id(s.traceId()))
                .setSpanId(id(s.spanId()))
                .setTraceState(s.traceState())
                .setParentSpanId(id(s.parentSpanId()))
                .setFlags(s.flags())
                .setName(s.name())
                .setKindValue(s.kind())
                .setStartTimeUnixNano(s.startTimeUnixNano())
                .setEndTimeUnixNano(s.endTimeUnixNano())
                .addAllAttributes(keyValues(s.attributes()))
                .setDroppedAttributesCount(s.droppedAttributesCount())
                .setDroppedEventsCount(s.droppedEventsCount())
                .setDroppedLinksCount(s.droppedLinksCount())
                .setStatus(io.opentelemetry.proto.trace.v1.Status.newBuilder()
                        .setCodeValue(s.status().code())
                        .setMessage(s.status().message()));
        for (SpanEvent e : s.events()) {
            b.addEventsBuilder()
                    .setTimeUnixNano(e.timeUnixNano())
                    .setName(e.name())
                    .addAllAttributes(keyValues(e.attributes()))
                    .setDroppedAttributesCount(e.droppedAttributesCount());
        }
        for (SpanLink l : s.links()) {
            b.addLinksBuilder()
                    .setTraceId(id(l.traceId()))
                    .setSpanId(id(l.spanId()))
                    .setTraceState(l.traceState())
                    .addAllAttributes(keyValues(l.attributes()))
                    .setDroppedAttributesCount(l.droppedAttributesCount())
                    .setFlags(l.flags());
        }
        return b.build();
    }

    private static io.opentelemetry.proto.logs.v1.LogRecord logRecord(LogRecord l) {
        return io.opentelemetry.proto.logs.v1.LogRecord.newBuilder()
                .setTimeUnixNano(l.timeUnixNano())
                .setObservedTimeUnixNano(l.observedTimeUnixNano())
                .setSeverityNumberValue(l.severityNumber())
                .setSeverityText(l.severityText())
                .setBody(anyValue(l.body()))
                .addAllAttributes(keyValues(l.attributes()))
                .setDroppedAttributesCount(l.droppedAttributesCount())
                .setFlags(l.flags())
                .setTraceId(id(l.traceId()))
                .setSpanId(id(l.spanId()))
                .setEventName(l.eventName())
                .build();
    }

    private static io.opentelemetry.proto.metrics.v1.Metric metric(Metric m) {
        io.opentelemetry.proto.metrics.v1.Metric.Builder b = io.opentelemetry.proto.metrics.v1.Metric.newBuilder()
                .setName(m.name())
                .setDescription(m.description())
                .setUnit(m.unit())
                .addAllMetadata(keyValues(m.metadata()));
        List<DataPoint> points = m.dataPoints();
        for (DataPoint dp : points) {
            checkFits(m, dp);
        }
        switch (m.type()) {
            case GAUGE -> encodePoints(points, NumberDataPoint.class, OtlpProto::numberPoint, b.getGaugeBuilder()::addDataPoints);
            case SUM -> encodePoints(points, NumberDataPoint.class, OtlpProto::numberPoint, b.getSumBuilder()
                    .setAggregationTemporalityValue(m.aggregationTemporality())
                    .setIsMonotonic(m.isMonotonic())::addDataPoints);
            case HISTOGRAM -> encodePoints(points, HistogramDataPoint.class, OtlpProto::histogramPoint,
                    b.getHistogramBuilder().setAggregationTemporalityValue(m.aggregationTemporality())::addDataPoints);
            case EXPONENTIAL_HISTOGRAM -> encodePoints(points, ExponentialHistogramDataPoint.class,
                    OtlpProto::expHistogramPoint, b.getExponentialHistogramBuilder()
                            .setAggregationTemporalityValue(m.aggregationTemporality())::addDataPoints);
            case SUMMARY -> encodePoints(points, SummaryDataPoint.class, OtlpProto::summaryPoint,
                    b.getSummaryBuilder()::addDataPoints);
            case EMPTY -> {
                // no data member
            }
        }
        return b.build();
    }

    /** Converts each point (all of class {@code type}: {@link #checkFits} has passed) and hands it to {@code add}. */
    private static <P extends DataPoint, M> void encodePoints(List<DataPoint> points, Class<P> type, Function<P, M> convert,
            Consumer<M> add) {
        for (DataPoint dp : points) {
            add.accept(convert.apply(type.cast(dp)));
        }
    }

    /** The model lets any point into a metric's list; the wire cannot carry a mismatch, so refuse it loudly. */
    static void checkFits(Metric m, DataPoint dp) {
        if (!dp.fits(m.type())) {
            throw new IllegalArgumentException("metric '" + m.name() + "' of type " + m.type() + " holds a "
                    + dp.getClass().getSimpleName());
        }
    }

    private static io.opentelemetry.proto.metrics.v1.NumberDataPoint numberPoint(NumberDataPoint p) {
        io.opentelemetry.proto.metrics.v1.NumberDataPoint.Builder b =
                io.opentelemetry.proto.metrics.v1.NumberDataPoint.newBuilder()
                        .addAllAttributes(keyValues(p.attributes()))
                        .setStartTimeUnixNano(p.startTimeUnixNano())
                        .setTimeUnixNano(p.timeUnixNano())
                        .setFlags(p.flags());
        encodeNumber(p.valueKind(), p.intValue(), p.doubleValue(), b::setAsInt, b::setAsDouble);
        b.addAllExemplars(exemplars(p));
        return b.build();
    }

    private static io.opentelemetry.proto.metrics.v1.HistogramDataPoint histogramPoint(HistogramDataPoint p) {
        io.opentelemetry.proto.metrics.v1.HistogramDataPoint.Builder b =
                io.opentelemetry.proto.metrics.v1.HistogramDataPoint.newBuilder()
                        .addAllAttributes(keyValues(p.attributes()))
                        .setStartTimeUnixNano(p.startTimeUnixNano())
                        .setTimeUnixNano(p.timeUnixNano())
                        .setCount(p.count())
                        .setFlags(p.flags());
        setIf(p.hasSum(), p.sum(), b::setSum);
        for (long c : p.bucketCounts()) {
            b.addBucketCounts(c);
        }
        for (double d : p.explicitBounds()) {
            b.addExplicitBounds(d);
        }
        setIf(p.hasMin(), p.min(), b::setMin);
        setIf(p.hasMax(), p.max(), b::setMax);
        b.addAllExemplars(exemplars(p));
        return b.build();
    }

    private static io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint expHistogramPoint(
            ExponentialHistogramDataPoint p) {
        io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.Builder b =
                io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.newBuilder()
                        .addAllAttributes(keyValues(p.attributes()))
                        .setStartTimeUnixNano(p.startTimeUnixNano())
                        .setTimeUnixNano(p.timeUnixNano())
                        .setCount(p.count())
                        .setScale(p.scale())
                        .setZeroCount(p.zeroCount())
                        .setZeroThreshold(p.zeroThreshold())
                        .setPositive(buckets(p.positive()))
                        .setNegative(buckets(p.negative()))
                        .setFlags(p.flags());
        setIf(p.hasSum(), p.sum(), b::setSum);
        setIf(p.hasMin(), p.min(), b::setMin);
        setIf(p.hasMax(), p.max(), b::setMax);
        b.addAllExemplars(exemplars(p));
        return b.build();
    }

    private static io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.Buckets buckets(Buckets b) {
        io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.Buckets.Builder out =
                io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(b.offset());
        for (long c : b.bucketCounts()) {
            out.addBucketCounts(c);
        }
        return out.build();
    }

    private static io.opentelemetry.proto.metrics.v1.SummaryDataPoint summaryPoint(SummaryDataPoint p) {
        io.opentelemetry.proto.metrics.v1.SummaryDataPoint.Builder b =
                io.opentelemetry.proto.metrics.v1.SummaryDataPoint.newBuilder()
                        .addAllAttributes(keyValues(p.attributes()))
                        .setStartTimeUnixNano(p.startTimeUnixNano())
                        .setTimeUnixNano(p.timeUnixNano())
                        .setCount(p.count())
                        .setSum(p.sum())
                        .setFlags(p.flags());
        for (ValueAtQuantile q : p.quantileValues()) {
            b.addQuantileValuesBuilder().setQuantile(q.quantile()).setValue(q.value());
        }
        return b.build();
    }

    private static List<io.opentelemetry.proto.metrics.v1.Exemplar> exemplars(DataPoint p) {
        List<Exemplar> list = p.exemplars();
        if (list.isEmpty()) {
            return List.of();
        }
        io.opentelemetry.proto.metrics.v1.Exemplar[] out = new io.opentelemetry.proto.metrics.v1.Exemplar[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = exemplar(list.get(i));
        }
        return java.util.Arrays.asList(out);
    }

    private static io.opentelemetry.proto.metrics.v1.Exemplar exemplar(Exemplar e) {
        io.opentelemetry.proto.metrics.v1.Exemplar.Builder b = io.opentelemetry.proto.metrics.v1.Exemplar.newBuilder()
                .addAllFilteredAttributes(keyValues(e.filteredAttributes()))
                .setTimeUnixNano(e.timeUnixNano())
                .setTraceId(id(e.traceId()))
                .setSpanId(id(e.spanId()));
        encodeNumber(e.valueKind(), e.intValue(), e.doubleValue(), b::setAsInt, b::setAsDouble);
        return b.build();
    }

    /** Sets the member of a number oneof that {@code kind} names; none for {@link NumberKind#EMPTY}. */
    private static void encodeNumber(NumberKind kind, long intValue, double doubleValue, LongConsumer setInt,
            DoubleConsumer setDouble) {
        if (kind == NumberKind.INT) {
            setInt.accept(intValue);
        } else if (kind == NumberKind.DOUBLE) {
            setDouble.accept(doubleValue);
        }
    }

    /** Calls {@code set} with an optional field's value when it is present. */
    private static void setIf(boolean present, double value, DoubleConsumer set) {
        if (present) {
            set.accept(value);
        }
    }

    private static List<KeyValue> keyValues(AttributeMap m) {
        int n = m.size();
        if (n == 0) {
            return List.of();
        }
        KeyValue[] out = new KeyValue[n];
        for (int i = 0; i < n; i++) {
            out[i] = KeyValue.newBuilder().setKey(m.keyAt(i)).setValue(anyValue(m.valueAt(i))).build();
        }
        return java.util.Arrays.asList(out);
    }

    static AnyValue anyValue(Object v) {
        if (v instanceof String s) {
            return AnyValue.newBuilder().setStringValue(s).build();
        } else if (v instanceof Long l) {
            return AnyValue.newBuilder().setIntValue(l).build();
        } else if (v instanceof Double d) {
            return AnyValue.newBuilder().setDoubleValue(d).build();
        } else if (v instanceof Boolean b) {
            return AnyValue.newBuilder().setBoolValue(b).build();
        } else if (v instanceof AttributeMap m) {
            return AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder().addAllValues(keyValues(m))).build();
        } else if (v instanceof AttributeList l) {
            ArrayValue.Builder a = ArrayValue.newBuilder();
            for (int i = 0, n = l.size(); i < n; i++) {
                a.addValues(anyValue(l.get(i)));
            }
            return AnyValue.newBuilder().setArrayValue(a).build();
        } else if (v instanceof byte[] b) {
            return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(b)).build();
        }
        return AnyValue.getDefaultInstance(); // io.ottl4j.pdata.AnyValue.EMPTY
    }

    private static ByteString id(TraceId id) {
        return id.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(id.bytes());
    }

    private static ByteString id(SpanId id) {
        return id.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(id.bytes());
    }

    // ---------------------------------------------------------------- proto → model

    public static TelemetryBatch<Span> fromProto(ExportTraceServiceRequest req) {
        return decodeGroups(TelemetryBatch.traces(), req.getResourceSpansList(), TRACES, OtlpProto::span);
    }

    public static TelemetryBatch<Metric> fromProto(ExportMetricsServiceRequest req) {
        return decodeGroups(TelemetryBatch.metrics(), req.getResourceMetricsList(), METRICS, OtlpProto::metric);
    }

    public static TelemetryBatch<LogRecord> fromProto(ExportLogsServiceRequest req) {
        return decodeGroups(TelemetryBatch.logs(), req.getResourceLogsList(), LOGS, OtlpProto::logRecord);
    }

    /**
     * How a signal's request nests: resource-level messages ({@code ResourceSpans} etc.) hold scope-level
     * ones, which hold the items; the names are the JSON field names used in error paths.
     */
    private record Nesting<R, S, I>(String resourcesName, Function<R, Resource> resource, Function<R, String> resourceSchemaUrl,
            Function<R, List<S>> scopes, String scopesName, Function<S, InstrumentationScope> scope,
            Function<S, String> scopeSchemaUrl, Function<S, List<I>> items, String itemsName) {}

    private static final Nesting<ResourceSpans, ScopeSpans, io.opentelemetry.proto.trace.v1.Span> TRACES = new Nesting<>(
            "resourceSpans", ResourceSpans::getResource, ResourceSpans::getSchemaUrl, ResourceSpans::getScopeSpansList,
            "scopeSpans", ScopeSpans::getScope, ScopeSpans::getSchemaUrl, ScopeSpans::getSpansList, "spans");
    private static final Nesting<ResourceMetrics, ScopeMetrics, io.opentelemetry.proto.metrics.v1.Metric> METRICS =
            new Nesting<>("resourceMetrics", ResourceMetrics::getResource, ResourceMetrics::getSchemaUrl,
                    ResourceMetrics::getScopeMetricsList, "scopeMetrics", ScopeMetrics::getScope,
                    ScopeMetrics::getSchemaUrl, ScopeMetrics::getMetricsList, "metrics");
    private static final Nesting<ResourceLogs, ScopeLogs, io.opentelemetry.proto.logs.v1.LogRecord> LOGS = new Nesting<>(
            "resourceLogs", ResourceLogs::getResource, ResourceLogs::getSchemaUrl, ResourceLogs::getScopeLogsList,
            "scopeLogs", ScopeLogs::getScope, ScopeLogs::getSchemaUrl, ScopeLogs::getLogRecordsList, "logRecords");

    private static <T extends TelemetryItem<T>, R, S, I> TelemetryBatch<T> decodeGroups(TelemetryBatch<T> batch, List<R> resources,
            Nesting<R, S, I> nesting, BiFunction<I, Path, T> decodeItem) {
        for (int i = 0; i < resources.size(); i++) {
            R r = resources.get(i);
            ResourceGroup<T> rg = batch.addResource();
            resource(nesting.resource().apply(r), rg);
            rg.setSchemaUrl(nesting.resourceSchemaUrl().apply(r));
            List<S> scopes = nesting.scopes().apply(r);
            for (int j = 0; j < scopes.size(); j++) {
                S s = scopes.get(j);
                ScopeGroup<T> sg = rg.addScope();
                scope(nesting.scope().apply(s), sg);
                sg.setSchemaUrl(nesting.scopeSchemaUrl().apply(s));
                List<I> items = nesting.items().apply(s);
                for (int k = 0; k < items.size(); k++) {
                    Path at = new Path(nesting.resourcesName(), i, nesting.scopesName(), j, nesting.itemsName(), k);
                    sg.items().add(decodeItem.apply(items.get(k), at));
                }
            }
        }
        return batch;
    }

    /** Where an item sits, turned into text only when an error needs it. */
    private record Path(String resources, int i, String scopes, int j, String items, int k) {
        OtlpDecodeException error(String field, String problem) {
            return new OtlpDecodeException(resources + "[" + i + "]." + scopes + "[" + j + "]." + items + "[" + k + "]"
                    + field, problem);
        }
    }

    static void resource(Resource r, ResourceGroup<?> rg) {
        readAttributes(r.getAttributesList(), rg.resource().attributes());
        rg.resource().setDroppedAttributesCount(r.getDroppedAttributesCount());
    }

    static void scope(InstrumentationScope s, ScopeGroup<?> sg) {
        sg.scope().setName(s.getName());
        sg.scope().setVersion(s.getVersion());
        readAttributes(s.getAttributesList(), sg.scope().attributes());
        sg.scope().setDroppedAttributesCount(s.getDroppedAttributesCount());
    }

    private static Span span(io.opentelemetry.proto.trace.v1.Span p, Path at) {
        Span s = new Span();
        s.setTraceId(traceId(p.getTraceId(), at, ".traceId"));
        s.setSpanId(spanId(p.getSpanId(), at, ".spanId"));
        s.setTraceState(p.getTraceState());
        s.setParentSpanId(spanId(p.getParentSpanId(), at, ".parentSpanId"));
        s.setFlags(p.getFlags());
        s.setName(p.getName());
        s.setKind(p.getKindValue());
        s.setStartTimeUnixNano(p.getStartTimeUnixNano());
        s.setEndTimeUnixNano(p.getEndTimeUnixNano());
        readAttributes(p.getAttributesList(), s.attributes());
        s.setDroppedAttributesCount(p.getDroppedAttributesCount());
        for (io.opentelemetry.proto.trace.v1.Span.Event pe : p.getEventsList()) {
            SpanEvent e = new SpanEvent();
            e.setTimeUnixNano(pe.getTimeUnixNano());
            e.setName(pe.getName());
            readAttributes(pe.getAttributesList(), e.attributes());
            e.setDroppedAttributesCount(pe.getDroppedAttributesCount());
            s.events().add(e);
        }
        s.setDroppedEventsCount(p.getDroppedEventsCount());
        for (int i = 0; i < p.getLinksCount(); i++) {
            io.opentelemetry.proto.trace.v1.Span.Link pl = p.getLinks(i);
            SpanLink l = new SpanLink();
            l.setTraceId(traceId(pl.getTraceId(), at, ".links[" + i + "].traceId"));
            l.setSpanId(spanId(pl.getSpanId(), at, ".links[" + i + "].spanId"));
            l.setTraceState(pl.getTraceState());
            readAttributes(pl.getAttributesList(), l.attributes());
            l.setDroppedAttributesCount(pl.getDroppedAttributesCount());
            l.setFlags(pl.getFlags());
            s.links().add(l);
        }
        s.setDroppedLinksCount(p.getDroppedLinksCount());
        s.status().setCode(p.getStatus().getCodeValue());
        s.status().setMessage(p.getStatus().getMessage());
        return s;
    }

    private static LogRecord logRecord(io.opentelemetry.proto.logs.v1.LogRecord p, Path at) {
        LogRecord l = new LogRecord();
        l.setTimeUnixNano(p.getTimeUnixNano());
        l.setObservedTimeUnixNano(p.getObservedTimeUnixNano());
        l.setSeverityNumber(p.getSeverityNumberValue());
        l.setSeverityText(p.getSeverityText());
        l.setBody(value(p.getBody()));
        readAttributes(p.getAttributesList(), l.attributes());
        l.setDroppedAttributesCount(p.getDroppedAttributesCount());
        l.setFlags(p.getFlags());
        l.setTraceId(traceId(p.getTraceId(), at, ".traceId"));
        l.setSpanId(spanId(p.getSpanId(), at, ".spanId"));
        l.setEventName(p.getEventName());
        return l;
    }

    private static Metric metric(io.opentelemetry.proto.metrics.v1.Metric p, Path at) {
        Metric m = new Metric();
        m.setName(p.getName());
        m.setDescription(p.getDescription());
        m.setUnit(p.getUnit());
        readAttributes(p.getMetadataList(), m.metadata());
        switch (p.getDataCase()) {
            case GAUGE -> {
                m.setType(MetricType.GAUGE);
                decodePoints(m, p.getGauge().getDataPointsList(), at, ".gauge", OtlpProto::numberPoint);
            }
            case SUM -> {
                m.setType(MetricType.SUM);
                m.setAggregationTemporality(p.getSum().getAggregationTemporalityValue());
                m.setMonotonic(p.getSum().getIsMonotonic());
                decodePoints(m, p.getSum().getDataPointsList(), at, ".sum", OtlpProto::numberPoint);
            }
            case HISTOGRAM -> {
                m.setType(MetricType.HISTOGRAM);
                m.setAggregationTemporality(p.getHistogram().getAggregationTemporalityValue());
                decodePoints(m, p.getHistogram().getDataPointsList(), at, ".histogram", OtlpProto::histogramPoint);
            }
            case EXPONENTIAL_HISTOGRAM -> {
                m.setType(MetricType.EXPONENTIAL_HISTOGRAM);
                m.setAggregationTemporality(p.getExponentialHistogram().getAggregationTemporalityValue());
                decodePoints(m, p.getExponentialHistogram().getDataPointsList(), at, ".exponentialHistogram",
                        OtlpProto::expHistogramPoint);
            }
            case SUMMARY -> {
                m.setType(MetricType.SUMMARY);
                decodePoints(m, p.getSummary().getDataPointsList(), at, ".summary", (dp, path, where) -> summaryPoint(dp));
            }
            case DATA_NOT_SET -> {
                // a metric without data stays EMPTY
            }
        }
        return m;
    }

    /** Decodes one wire point; {@code where} is its path below the item, for errors in its exemplars. */
    @FunctionalInterface
    private interface PointDecoder<W> {
        DataPoint decode(W point, Path at, String where);
    }

    private static <W> void decodePoints(Metric m, List<W> points, Path at, String data, PointDecoder<W> decoder) {
        for (int i = 0; i < points.size(); i++) {
            m.dataPoints().add(decoder.decode(points.get(i), at, data + ".dataPoints[" + i + "]"));
        }
    }

    /** Sets the fields every point has, except the exemplars (summary points have none on the wire). */
    private static <P extends DataPoint> P decodeCommon(P dp, List<KeyValue> attributes, long startTimeUnixNano,
            long timeUnixNano, int flags) {
        readAttributes(attributes, dp.attributes());
        dp.setStartTimeUnixNano(startTimeUnixNano);
        dp.setTimeUnixNano(timeUnixNano);
        dp.setFlags(flags);
        return dp;
    }

    private static NumberDataPoint numberPoint(io.opentelemetry.proto.metrics.v1.NumberDataPoint p, Path at, String where) {
        NumberDataPoint n = decodeCommon(new NumberDataPoint(), p.getAttributesList(), p.getStartTimeUnixNano(),
                p.getTimeUnixNano(), p.getFlags());
        switch (p.getValueCase()) {
            case AS_INT -> n.setIntValue(p.getAsInt());
            case AS_DOUBLE -> n.setDoubleValue(p.getAsDouble());
            case VALUE_NOT_SET -> {
                // stays EMPTY
            }
        }
        exemplars(p.getExemplarsList(), n, at, where);
        return n;
    }

    private static HistogramDataPoint histogramPoint(io.opentelemetry.proto.metrics.v1.HistogramDataPoint p, Path at,
            String where) {
        HistogramDataPoint h = decodeCommon(new HistogramDataPoint(), p.getAttributesList(), p.getStartTimeUnixNano(),
                p.getTimeUnixNano(), p.getFlags());
        h.setCount(p.getCount());
        setIf(p.hasSum(), p.getSum(), h::setSum);
        h.setBucketCounts(toLongArray(p.getBucketCountsList()));
        double[] bounds = new double[p.getExplicitBoundsCount()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = p.getExplicitBounds(i);
        }
        h.setExplicitBounds(bounds);
        setIf(p.hasMin(), p.getMin(), h::setMin);
        setIf(p.hasMax(), p.getMax(), h::setMax);
        exemplars(p.getExemplarsList(), h, at, where);
        return h;
    }

    private static ExponentialHistogramDataPoint expHistogramPoint(
            io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint p, Path at, String where) {
        ExponentialHistogramDataPoint e = decodeCommon(new ExponentialHistogramDataPoint(), p.getAttributesList(),
                p.getStartTimeUnixNano(), p.getTimeUnixNano(), p.getFlags());
        e.setCount(p.getCount());
        setIf(p.hasSum(), p.getSum(), e::setSum);
        e.setScale(p.getScale());
        e.setZeroCount(p.getZeroCount());
        e.setZeroThreshold(p.getZeroThreshold());
        e.positive().setOffset(p.getPositive().getOffset());
        e.positive().setBucketCounts(toLongArray(p.getPositive().getBucketCountsList()));
        e.negative().setOffset(p.getNegative().getOffset());
        e.negative().setBucketCounts(toLongArray(p.getNegative().getBucketCountsList()));
        setIf(p.hasMin(), p.getMin(), e::setMin);
        setIf(p.hasMax(), p.getMax(), e::setMax);
        exemplars(p.getExemplarsList(), e, at, where);
        return e;
    }

    private static SummaryDataPoint summaryPoint(io.opentelemetry.proto.metrics.v1.SummaryDataPoint p) {
        SummaryDataPoint s = decodeCommon(new SummaryDataPoint(), p.getAttributesList(), p.getStartTimeUnixNano(),
                p.getTimeUnixNano(), p.getFlags());
        s.setCount(p.getCount());
        s.setSum(p.getSum());
        for (var q : p.getQuantileValuesList()) {
            s.quantileValues().add(new ValueAtQuantile(q.getQuantile(), q.getValue()));
        }
        return s;
    }

    private static void exemplars(List<io.opentelemetry.proto.metrics.v1.Exemplar> list, DataPoint dp, Path at,
            String where) {
        for (int i = 0; i < list.size(); i++) {
            io.opentelemetry.proto.metrics.v1.Exemplar p = list.get(i);
            Exemplar e = new Exemplar();
            readAttributes(p.getFilteredAttributesList(), e.filteredAttributes());
            e.setTimeUnixNano(p.getTimeUnixNano());
            switch (p.getValueCase()) {
                case AS_INT -> e.setIntValue(p.getAsInt());
                case AS_DOUBLE -> e.setDoubleValue(p.getAsDouble());
                case VALUE_NOT_SET -> {
                    // stays EMPTY
                }
            }
            e.setTraceId(traceId(p.getTraceId(), at, where + ".exemplars[" + i + "].traceId"));
            e.setSpanId(spanId(p.getSpanId(), at, where + ".exemplars[" + i + "].spanId"));
            dp.exemplars().add(e);
        }
    }

    private static long[] toLongArray(List<Long> list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** The first of duplicate keys wins, as pdata's {@code Map.Get} finds the first. */
    private static void readAttributes(List<KeyValue> kvs, AttributeMap target) {
        if (kvs.isEmpty()) {
            return;
        }
        target.ensureCapacity(target.size() + kvs.size());
        for (KeyValue kv : kvs) {
            target.putIfAbsent(kv.getKey(), value(kv.getValue()));
        }
    }

    static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case BYTES_VALUE -> v.getBytesValue().toByteArray();
            case ARRAY_VALUE -> {
                ArrayValue a = v.getArrayValue();
                AttributeList l = new AttributeList(a.getValuesCount());
                for (AnyValue e : a.getValuesList()) {
                    l.add(value(e));
                }
                yield l;
            }
            case KVLIST_VALUE -> {
                AttributeMap m = new AttributeMap();
                readAttributes(v.getKvlistValue().getValuesList(), m);
                yield m;
            }
            case VALUE_NOT_SET -> io.ottl4j.pdata.AnyValue.EMPTY;
        };
    }

    private static TraceId traceId(ByteString b, Path at, String field) {
        if (b.isEmpty()) {
            return TraceId.EMPTY;
        }
        if (b.size() != TraceId.SIZE) {
            throw at.error(field, "trace id must be " + TraceId.SIZE + " bytes, got " + b.size());
        }
        return TraceId.fromBytes(b.toByteArray());
    }

    private static SpanId spanId(ByteString b, Path at, String field) {
        if (b.isEmpty()) {
            return SpanId.EMPTY;
        }
        if (b.size() != SpanId.SIZE) {
            throw at.error(field, "span id must be " + SpanId.SIZE + " bytes, got " + b.size());
        }
        return SpanId.fromBytes(b.toByteArray());
    }

    /** Replaces unpaired UTF-16 surrogates with U+FFFD so that the text encodes as valid UTF-8. */
    static String replaceLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
