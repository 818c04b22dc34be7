package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Parser;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.ExemplarFilter;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSummaryData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSummaryPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableValueAtQuantile;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TelemetryItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Payloads produced by the OpenTelemetry Java SDK and serialized by its own OTLP marshalers
 * (opentelemetry-exporter-otlp-common), decoded by our codecs, checked field by field, re-encoded and
 * compared with the SDK's message.
 */
@SuppressWarnings("try") // Scope resources exist only to make a span current
class SdkInteropTest {
    private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
    private static final String SPAN_ID = "eee19b7ec3c1b174";
    private static final String PARENT_ID = "eee19b7ec3c1b173";

    private static final Resource RESOURCE = Resource.create(Attributes.builder()
            .put("service.name", "checkout")
            .put("host.cpu.count", 8L)
            .put("process.load", 0.75)
            .put("deployment.canary", true)
            .put(AttributeKey.stringArrayKey("regions"), List.of("eu-west-1", "us-east-2"))
            .build(), "https://opentelemetry.io/schemas/1.25.0");

    private static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.builder("io.ottl4j.test")
            .setVersion("1.2.3")
            .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0")
            .setAttributes(Attributes.of(AttributeKey.stringKey("scope.kind"), "test"))
            .build();

    // ---------------------------------------------------------------- traces

    @Test
    void spansWithEveryFieldFromSpanData() throws IOException {
        SpanContext ctx = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("rojo", "00f067aa0ba902b7").build());
        SpanContext parent = SpanContext.createFromRemoteParent(TRACE_ID, PARENT_ID, TraceFlags.getSampled(), TraceState.getDefault());
        SpanContext linked = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getDefault(), TraceState.getDefault());
        SpanData span = TestSpanData.builder()
                .setSpanContext(ctx)
                .setParentSpanContext(parent)
                .setResource(RESOURCE)
                .setInstrumentationScopeInfo(SCOPE)
                .setName("POST /api/checkout")
                .setKind(SpanKind.SERVER)
                .setStartEpochNanos(1544712660000000000L)
                .setEndEpochNanos(1544712661000000000L)
                .setAttributes(Attributes.builder()
                        .put("http.request.method", "POST")
                        .put("http.response.status_code", 500L)
                        .put(AttributeKey.longArrayKey("ports"), List.of(80L, 443L))
                        .put(AttributeKey.doubleArrayKey("ratios"), List.of(0.5, 1.5))
                        .put(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
                        .build())
                .setTotalAttributeCount(7)
                .setEvents(List.of(
                        EventData.create(1544712660300000000L, "exception",
                                Attributes.of(AttributeKey.stringKey("exception.type"), "IllegalStateException"), 3),
                        EventData.create(1544712660500000000L, "retry", Attributes.empty())))
                .setTotalRecordedEvents(5)
                .setLinks(List.of(LinkData.create(linked, Attributes.of(AttributeKey.stringKey("link.kind"), "follows_from"), 2)))
                .setTotalRecordedLinks(4)
                .setStatus(StatusData.create(StatusCode.ERROR, "cart is empty"))
                .setHasEnded(true)
                .build();

        TelemetryBatch<Span> batch = roundTripTraces(List.of(span));
        ResourceGroup<Span> rg = batch.resources().get(0);
        assertThat(rg.schemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.25.0");
        AttributeMap ra = rg.resource().attributes();
        assertThat(ra.get("service.name")).isEqualTo("checkout");
        assertThat(ra.get("host.cpu.count")).isEqualTo(8L);
        assertThat(ra.get("process.load")).isEqualTo(0.75);
        assertThat(ra.get("deployment.canary")).isEqualTo(true);
        assertThat(ra.get("regions")).isEqualTo(AttributeList.of("eu-west-1", "us-east-2"));
        ScopeGroup<Span> sg = rg.scopes().get(0);
        assertThat(sg.scope().name()).isEqualTo("io.ottl4j.test");
        assertThat(sg.scope().version()).isEqualTo("1.2.3");
        assertThat(sg.scope().attributes().get("scope.kind")).isEqualTo("test");
        assertThat(sg.schemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.24.0");

        Span s = sg.items().get(0);
        assertThat(s.traceId().toHex()).isEqualTo(TRACE_ID);
        assertThat(s.spanId().toHex()).isEqualTo(SPAN_ID);
        assertThat(s.parentSpanId().toHex()).isEqualTo(PARENT_ID);
        assertThat(s.traceState()).isEqualTo("rojo=00f067aa0ba902b7");
        // low byte: sampled; 0x100: "has is-remote", 0x200: "is remote" is about the span's own context (not remote)
        assertThat(s.flags() & 0xFF).isEqualTo(1);
        assertThat(s.flags() & 0x100).isEqualTo(0x100);
        assertThat(s.name()).isEqualTo("POST /api/checkout");
        assertThat(s.kind()).isEqualTo(Span.KIND_SERVER);
        assertThat(s.startTimeUnixNano()).isEqualTo(1544712660000000000L);
        assertThat(s.endTimeUnixNano()).isEqualTo(1544712661000000000L);
        assertThat(s.attributes().get("http.response.status_code")).isEqualTo(500L);
        assertThat(s.attributes().get("ports")).isEqualTo(AttributeList.of(80L, 443L));
        assertThat(s.attributes().get("ratios")).isEqualTo(AttributeList.of(0.5, 1.5));
        assertThat(s.attributes().get("flags")).isEqualTo(AttributeList.of(true, false));
        assertThat(s.droppedAttributesCount()).isEqualTo(2);
        assertThat(s.events()).hasSize(2);
        assertThat(s.events().get(0).name()).isEqualTo("exception");
        assertThat(s.events().get(0).timeUnixNano()).isEqualTo(1544712660300000000L);
        assertThat(s.events().get(0).droppedAttributesCount()).isEqualTo(2);
        assertThat(s.droppedEventsCount()).isEqualTo(3);
        assertThat(s.links().get(0).traceId().toHex()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(s.links().get(0).spanId().toHex()).isEqualTo("b7ad6b7169203331");
        assertThat(s.links().get(0).attributes().get("link.kind")).isEqualTo("follows_from");
        assertThat(s.links().get(0).droppedAttributesCount()).isEqualTo(1);
        assertThat(s.droppedLinksCount()).isEqualTo(3);
        assertThat(s.status().code()).isEqualTo(2);
        assertThat(s.status().message()).isEqualTo("cart is empty");
    }

    @Test
    void spansRecordedByTheSdkTracer() throws IOException {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        List<SpanData> spans;
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(RESOURCE)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            Tracer tracer = provider.get("io.ottl4j.test", "1.0");
            io.opentelemetry.api.trace.Span root = tracer.spanBuilder("root").setSpanKind(SpanKind.SERVER).startSpan();
            try (Scope ignored = root.makeCurrent()) {
                io.opentelemetry.api.trace.Span child = tracer.spanBuilder("child")
                        .setSpanKind(SpanKind.CLIENT)
                        .addLink(root.getSpanContext(), Attributes.of(AttributeKey.longKey("n"), 1L))
                        .startSpan();
                child.addEvent("cache miss", Attributes.of(AttributeKey.stringKey("key"), "cart:42"));
                child.recordException(new IllegalStateException("boom"));
                child.setStatus(StatusCode.ERROR, "boom");
                child.end();
            }
            root.end();
            spans = exporter.getFinishedSpanItems(); // before close(): shutting down empties the exporter
        }
        TelemetryBatch<Span> batch = roundTripTraces(spans);
        List<Span> ours = batch.resources().get(0).scopes().get(0).items();
        assertThat(ours).extracting(Span::name).containsExactly("child", "root");
        Span child = ours.get(0);
        assertThat(child.parentSpanId().toHex()).isEqualTo(spans.get(1).getSpanId());
        assertThat(child.traceId().toHex()).isEqualTo(spans.get(1).getTraceId());
        assertThat(child.events()).extracting(e -> e.name()).containsExactly("cache miss", "exception");
        assertThat(child.events().get(1).attributes().get("exception.message")).isEqualTo("boom");
        assertThat(child.links().get(0).spanId().toHex()).isEqualTo(spans.get(1).getSpanId());
        assertThat(child.kind()).isEqualTo(Span.KIND_CLIENT);
        assertThat(ours.get(1).parentSpanId().isEmpty()).isTrue();
    }

    private static TelemetryBatch<Span> roundTripTraces(Collection<SpanData> spans) throws IOException {
        return roundTrip(() -> TraceRequestMarshaler.create(spans), OtlpProto::decodeTraces, OtlpJson::readTraces,
                ExportTraceServiceRequest.parser());
    }

    // ---------------------------------------------------------------- logs

    @Test
    void logRecordsWithEveryBodyKind() throws IOException {
        SpanContext ctx = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
        List<LogRecordData> records = List.of(
                TestLogRecordData.builder()
                        .setResource(RESOURCE)
                        .setInstrumentationScopeInfo(SCOPE)
                        .setTimestamp(1544712660300000000L, TimeUnit.NANOSECONDS)
                        .setObservedTimestamp(1544712660300000123L, TimeUnit.NANOSECONDS)
                        .setSpanContext(ctx)
                        .setSeverity(Severity.ERROR)
                        .setSeverityText("ERROR")
                        .setBody("payment failed")
                        .setAttributes(Attributes.of(AttributeKey.longKey("user.id"), 42L))
                        .setTotalAttributeCount(3)
                        .setEventName("payment.failed")
                        .build(),
                TestLogRecordData.builder()
                        .setResource(RESOURCE)
                        .setInstrumentationScopeInfo(SCOPE)
                        .setTimestamp(1544712660400000000L, TimeUnit.NANOSECONDS)
                        .setSeverity(Severity.INFO)
                        .setBodyValue(Value.of(
                                KeyValue.of("message", Value.of("order placed")),
                                KeyValue.of("order", Value.of(
                                        KeyValue.of("id", Value.of("o-1001")),
                                        KeyValue.of("items", Value.of(3L)),
                                        KeyValue.of("total", Value.of(59.5)),
                                        KeyValue.of("gift", Value.of(true)),
                                        KeyValue.of("raw", Value.of(new byte[] {0, 1, 2})),
                                        KeyValue.of("tags", Value.of(Value.of("a"), Value.of(7L)))))))
                        .build(),
                TestLogRecordData.builder()
                        .setResource(RESOURCE)
                        .setInstrumentationScopeInfo(SCOPE)
                        .setObservedTimestamp(1544712660500000000L, TimeUnit.NANOSECONDS)
                        .build());

        TelemetryBatch<LogRecord> batch = roundTripLogs(records);
        List<LogRecord> ours = batch.resources().get(0).scopes().get(0).items();
        LogRecord first = ours.get(0);
        assertThat(first.body()).isEqualTo("payment failed");
        assertThat(first.severityNumber()).isEqualTo(Severity.ERROR.getSeverityNumber());
        assertThat(first.severityText()).isEqualTo("ERROR");
        assertThat(first.timeUnixNano()).isEqualTo(1544712660300000000L);
        assertThat(first.observedTimeUnixNano()).isEqualTo(1544712660300000123L);
        assertThat(first.traceId().toHex()).isEqualTo(TRACE_ID);
        assertThat(first.spanId().toHex()).isEqualTo(SPAN_ID);
        assertThat(first.flags()).isEqualTo(1);
        assertThat(first.attributes().get("user.id")).isEqualTo(42L);
        assertThat(first.droppedAttributesCount()).isEqualTo(2);
        assertThat(first.eventName()).isEqualTo("payment.failed");

        AttributeMap body = (AttributeMap) ours.get(1).body();
        AttributeMap order = (AttributeMap) body.get("order");
        assertThat(order.keys()).containsExactly("id", "items", "total", "gift", "raw", "tags");
        assertThat(order.get("items")).isEqualTo(3L);
        assertThat(order.get("total")).isEqualTo(59.5);
        assertThat((byte[]) order.get("raw")).containsExactly(0, 1, 2);
        assertThat(order.get("tags")).isEqualTo(AttributeList.of("a", 7L));
        assertThat(ours.get(2).body()).isSameAs(AnyValue.EMPTY);
    }

    @Test
    void logRecordsEmittedThroughTheSdkLogger() throws IOException {
        InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
        List<LogRecordData> records;
        try (SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .setResource(RESOURCE)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                .build()) {
            provider.get("io.ottl4j.test").logRecordBuilder()
                    .setSeverity(Severity.WARN)
                    .setBody(Value.of(Value.of("x"), Value.of(1.5)))
                    .setAttribute(AttributeKey.stringKey("k"), "v")
                    .setEventName("ev")
                    .emit();
            records = exporter.getFinishedLogRecordItems();
        }
        TelemetryBatch<LogRecord> batch = roundTripLogs(records);
        LogRecord l = batch.resources().get(0).scopes().get(0).items().get(0);
        assertThat(l.body()).isEqualTo(AttributeList.of("x", 1.5));
        assertThat(l.severityNumber()).isEqualTo(13);
        assertThat(l.eventName()).isEqualTo("ev");
        assertThat(l.observedTimeUnixNano()).isPositive();
    }

    private static TelemetryBatch<LogRecord> roundTripLogs(Collection<LogRecordData> records) throws IOException {
        return roundTrip(() -> LogsRequestMarshaler.create(records), OtlpProto::decodeLogs, OtlpJson::readLogs,
                ExportLogsServiceRequest.parser());
    }

    // ---------------------------------------------------------------- metrics

    @Test
    void metricsOfEveryTypeWithExemplars() throws IOException {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        List<MetricData> collected;
        String traceId;
        try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
                SdkMeterProvider meterProvider = SdkMeterProvider.builder()
                        .setResource(RESOURCE)
                        .registerMetricReader(reader)
                        .setExemplarFilter(ExemplarFilter.alwaysOn())
                        .registerView(InstrumentSelector.builder().setName("rpc.latency").build(),
                                View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
                        .build()) {
            Meter meter = meterProvider.get("io.ottl4j.test");
            Attributes get = Attributes.of(AttributeKey.stringKey("http.request.method"), "GET");
            io.opentelemetry.api.trace.Span span = tracerProvider.get("t").spanBuilder("op").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                meter.counterBuilder("http.server.requests").setUnit("{request}").build().add(5, get);
                meter.upDownCounterBuilder("queue.size").ofDoubles().build().add(-2.5);
                meter.histogramBuilder("http.server.request.duration").setUnit("s").build().record(0.25, get);
                meter.histogramBuilder("rpc.latency").build().record(12.5);
                meter.histogramBuilder("rpc.latency").build().record(0.0); // the SDK drops negatives; zero goes to zero_count
                meter.gaugeBuilder("cpu.load").buildWithCallback(m -> m.record(0.5, get));
                meter.gaugeBuilder("threads").ofLongs().buildWithCallback(m -> m.record(42));
            }
            span.end();
            traceId = spans.getFinishedSpanItems().get(0).getTraceId();
            collected = new ArrayList<>(reader.collectAllMetrics());
        }
        collected.add(ImmutableMetricData.createDoubleSummary(RESOURCE, SCOPE, "gc.pause", "GC pauses", "ms",
                ImmutableSummaryData.create(List.of(ImmutableSummaryPointData.create(1000L, 2000L,
                        Attributes.of(AttributeKey.stringKey("gc"), "young"), 4, 17.5,
                        List.of(ImmutableValueAtQuantile.create(0.0, 1.5), ImmutableValueAtQuantile.create(1.0, 8.25)))))));

        TelemetryBatch<Metric> batch = roundTripMetrics(collected);
        List<Metric> ours = new ArrayList<>();
        for (ResourceGroup<Metric> rg : batch.resources()) {
            for (ScopeGroup<Metric> sg : rg.scopes()) {
                ours.addAll(sg.items());
            }
        }
        Metric counter = find(ours, "http.server.requests");
        assertThat(counter.type()).isEqualTo(MetricType.SUM);
        assertThat(counter.isMonotonic()).isTrue();
        assertThat(counter.aggregationTemporality()).isEqualTo(Metric.TEMPORALITY_CUMULATIVE);
        assertThat(counter.unit()).isEqualTo("{request}");
        NumberDataPoint cp = (NumberDataPoint) counter.dataPoints().get(0);
        assertThat(cp.intValue()).isEqualTo(5);
        assertThat(cp.attributes().get("http.request.method")).isEqualTo("GET");
        assertThat(cp.exemplars()).hasSize(1);
        assertThat(cp.exemplars().get(0).intValue()).isEqualTo(5);
        assertThat(cp.exemplars().get(0).traceId().toHex()).isEqualTo(traceId);

        Metric upDown = find(ours, "queue.size");
        assertThat(upDown.isMonotonic()).isFalse();
        assertThat(((NumberDataPoint) upDown.dataPoints().get(0)).doubleValue()).isEqualTo(-2.5);

        HistogramDataPoint hp = (HistogramDataPoint) find(ours, "http.server.request.duration").dataPoints().get(0);
        assertThat(hp.count()).isEqualTo(1);
        assertThat(hp.sum()).isEqualTo(0.25);
        assertThat(hp.min()).isEqualTo(0.25);
        assertThat(hp.explicitBounds()).isNotEmpty();
        assertThat(hp.bucketCounts()).hasSize(hp.explicitBounds().length + 1);
        assertThat(hp.exemplars().get(0).doubleValue()).isEqualTo(0.25);

        Metric exp = find(ours, "rpc.latency");
        assertThat(exp.type()).isEqualTo(MetricType.EXPONENTIAL_HISTOGRAM);
        ExponentialHistogramDataPoint ep = (ExponentialHistogramDataPoint) exp.dataPoints().get(0);
        assertThat(ep.count()).isEqualTo(2);
        assertThat(ep.positive().bucketCounts()).isNotEmpty();
        assertThat(ep.zeroCount()).isEqualTo(1);
        assertThat(ep.max()).isEqualTo(12.5);

        assertThat(((NumberDataPoint) find(ours, "cpu.load").dataPoints().get(0)).doubleValue()).isEqualTo(0.5);
        assertThat(find(ours, "cpu.load").type()).isEqualTo(MetricType.GAUGE);
        assertThat(((NumberDataPoint) find(ours, "threads").dataPoints().get(0)).intValue()).isEqualTo(42);

        Metric summary = find(ours, "gc.pause");
        SummaryDataPoint sp = (SummaryDataPoint) summary.dataPoints().get(0);
        assertThat(summary.description()).isEqualTo("GC pauses");
        assertThat(sp.count()).isEqualTo(4);
        assertThat(sp.sum()).isEqualTo(17.5);
        assertThat(sp.quantileValues()).extracting(q -> q.value()).containsExactly(1.5, 8.25);
        assertThat(sp.startTimeUnixNano()).isEqualTo(1000);
    }

    private static Metric find(List<Metric> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static TelemetryBatch<Metric> roundTripMetrics(Collection<MetricData> metrics) throws IOException {
        TelemetryBatch<Metric> fromBinary = roundTrip(() -> MetricsRequestMarshaler.create(metrics),
                OtlpProto::decodeMetrics, OtlpJson::readMetrics, ExportMetricsServiceRequest.parser());
        for (ResourceGroup<Metric> rg : fromBinary.resources()) {
            for (ScopeGroup<Metric> sg : rg.scopes()) {
                for (Metric m : sg.items()) {
                    for (DataPoint dp : m.dataPoints()) {
                        assertThat(dp.fits(m.type())).isTrue();
                    }
                }
            }
        }
        return fromBinary;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Decodes the SDK's binary and JSON encodings of one request, checks that both give the same model and
     * that the model re-encodes (directly, and after a trip through our JSON) to the SDK's message.
     */
    private static <T extends TelemetryItem<T>, M extends com.google.protobuf.Message> TelemetryBatch<T> roundTrip(
            Supplier<Marshaler> sdk, Function<byte[], TelemetryBatch<T>> decode, Function<byte[], TelemetryBatch<T>> readJson,
            Parser<M> parser) throws IOException {
        byte[] sdkBinary = binary(sdk.get());
        byte[] sdkJson = json(sdk.get());

        TelemetryBatch<T> fromBinary = decode.apply(sdkBinary);
        TelemetryBatch<T> fromJson = readJson.apply(sdkJson);
        assertThat(OtlpJson.writeString(fromJson, false)).isEqualTo(OtlpJson.writeString(fromBinary, false));

        M expected = parser.parseFrom(sdkBinary);
        assertSameMessage(parser.parseFrom(OtlpProto.encode(fromBinary)), expected);
        assertSameMessage(parser.parseFrom(OtlpProto.encode(OtlpJson.read(OtlpJson.write(fromBinary), fromBinary.signal()))),
                expected);
        return fromBinary;
    }

    private static byte[] binary(Marshaler m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeBinaryTo(out);
        return out.toByteArray();
    }

    private static byte[] json(Marshaler m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeJsonTo(out);
        return out.toByteArray();
    }

    private static <M extends com.google.protobuf.Message> void assertSameMessage(M actual, M expected) {
        assertThat(ProtoNormalizer.normalize(actual)).isEqualTo(ProtoNormalizer.normalize(expected));
    }
}
