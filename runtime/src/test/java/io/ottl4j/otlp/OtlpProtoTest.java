package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtlpProtoTest {

    @ParameterizedTest
    @ValueSource(strings = {"traces.json", "logs.json", "metrics.json"})
    void samplesRoundTripThroughProtobuf(String name) {
        TelemetryBatch<?> batch = OtlpJson.read(Samples.load(name));
        byte[] bytes = OtlpProto.encode(batch);
        TelemetryBatch<?> back = OtlpProto.decode(batch.signal(), bytes);
        assertThat(back.signal()).isEqualTo(batch.signal());
        assertThat(OtlpJson.writeString(back, false)).isEqualTo(Samples.compact(Samples.load(name)));
        // and the message survives its own bytes unchanged
        assertThat(OtlpProto.encode(back)).isEqualTo(bytes);
    }

    @Test
    void traceRequestFields() throws Exception {
        ExportTraceServiceRequest req = OtlpProto.toTraceRequest(OtlpJson.readTraces(Samples.load("traces.json")));
        ResourceSpans rs = req.getResourceSpans(0);
        assertThat(rs.getSchemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.25.0");
        assertThat(rs.getResource().getDroppedAttributesCount()).isEqualTo(1);
        KeyValue labels = rs.getResource().getAttributes(6);
        assertThat(labels.getKey()).isEqualTo("k8s.labels");
        assertThat(labels.getValue().getKvlistValue().getValues(1).getValue().getStringValue()).isEqualTo("web");
        assertThat(rs.getResource().getAttributes(8).getValue().getValueCase()).isEqualTo(AnyValue.ValueCase.VALUE_NOT_SET);
        assertThat(rs.getResource().getAttributes(5).getValue().getBytesValue().toByteArray())
                .containsExactly(0xde, 0xad, 0xbe, 0xef);
        ScopeSpans ss = rs.getScopeSpans(0);
        assertThat(ss.getScope().getVersion()).isEqualTo("2.10.0");
        Span s = ss.getSpans(0);
        assertThat(s.getTraceId().toByteArray()).hasSize(16).startsWith(0x5b, 0x8e);
        assertThat(s.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(s.getFlags()).isEqualTo(257);
        assertThat(s.getStartTimeUnixNano()).isEqualTo(1544712660000000000L);
        assertThat(s.getStatus().getCode()).isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(s.getLinks(0).getFlags()).isEqualTo(1);
        assertThat(s.getEvents(1).getName()).isEqualTo("retry");
        assertThat(s.getDroppedLinksCount()).isEqualTo(5);
        // root span: no parent id bytes at all
        assertThat(ss.getSpans(1).getParentSpanId()).isEqualTo(ByteString.EMPTY);
        // by-value messages are present, as the Go collector writes them
        assertThat(req.getResourceSpans(1).getScopeSpans(0).hasScope()).isTrue();
        assertThat(req.getResourceSpans(1).getScopeSpans(0).getSpans(0).hasStatus()).isTrue();
        assertThat(OtlpProto.toProto(OtlpJson.readTraces(Samples.load("traces.json")))).isEqualTo(req);
    }

    @Test
    void logBodyAndMetricTypesSurvive() {
        ExportLogsServiceRequest logs = OtlpProto.toLogsRequest(OtlpJson.readLogs(Samples.load("logs.json")));
        var records = logs.getResourceLogs(0).getScopeLogs(0).getLogRecordsList();
        assertThat(records.get(0).getEventName()).isEqualTo("payment.failed");
        assertThat(records.get(0).getSeverityNumberValue()).isEqualTo(17);
        assertThat(records.get(1).getBody().getKvlistValue().getValuesCount()).isEqualTo(3);
        assertThat(records.get(3).hasBody()).isTrue();
        assertThat(records.get(3).getBody().getValueCase()).isEqualTo(AnyValue.ValueCase.VALUE_NOT_SET);

        ExportMetricsServiceRequest metrics = OtlpProto.toMetricsRequest(OtlpJson.readMetrics(Samples.load("metrics.json")));
        var ms = metrics.getResourceMetrics(0).getScopeMetrics(0).getMetricsList();
        assertThat(ms).extracting(Metric::getDataCase).containsExactly(Metric.DataCase.GAUGE, Metric.DataCase.SUM,
                Metric.DataCase.SUM, Metric.DataCase.HISTOGRAM, Metric.DataCase.EXPONENTIAL_HISTOGRAM,
                Metric.DataCase.SUMMARY, Metric.DataCase.DATA_NOT_SET);
        assertThat(ms.get(0).getMetadata(0).getKey()).isEqualTo("source");
        assertThat(ms.get(3).getHistogram().getDataPoints(0).hasSum()).isTrue();
        assertThat(ms.get(3).getHistogram().getDataPoints(1).hasSum()).isFalse();
        assertThat(ms.get(4).getExponentialHistogram().getDataPoints(0).getNegative().getOffset()).isEqualTo(-2);
        assertThat(ms.get(1).getSum().getDataPoints(0).getExemplars(0).getSpanId().size()).isEqualTo(8);
    }

    @Test
    void invalidProtobufIsAClearError() {
        byte[] garbage = "this is not protobuf".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OtlpProto.decode(Signal.TRACES, garbage))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessageStartingWith("invalid ExportTraceServiceRequest protobuf:");
        assertThatThrownBy(() -> OtlpProto.decode(Signal.METRICS, new byte[] {0x0a, 0x05, 0x01}))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessageStartingWith("invalid ExportMetricsServiceRequest protobuf:");
        assertThat(OtlpProto.decode(Signal.LOGS, new byte[0]).isEmpty()).isTrue();
    }

    @Test
    void invalidIdLengthsNameTheField() {
        ExportTraceServiceRequest req = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder()
                        .addSpans(Span.newBuilder().setName("fine"))
                        .addSpans(Span.newBuilder().setTraceId(ByteString.copyFrom(new byte[5])))))
                .build();
        assertThatThrownBy(() -> OtlpProto.decode(Signal.TRACES, req.toByteArray()))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessage("resourceSpans[0].scopeSpans[0].spans[1].traceId: trace id must be 16 bytes, got 5");

        ExportTraceServiceRequest badLink = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder()
                        .addSpans(Span.newBuilder().addLinks(Span.Link.newBuilder().setSpanId(ByteString.copyFrom(new byte[16]))))))
                .build();
        assertThatThrownBy(() -> OtlpProto.fromProto(badLink))
                .hasMessage("resourceSpans[0].scopeSpans[0].spans[0].links[0].spanId: span id must be 8 bytes, got 16");

        ExportMetricsServiceRequest badExemplar = ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(ScopeMetrics.newBuilder()
                        .addMetrics(Metric.newBuilder().setGauge(Gauge.newBuilder()
                                .addDataPoints(NumberDataPoint.newBuilder().setAsInt(1))
                                .addDataPoints(NumberDataPoint.newBuilder().addExemplars(
                                        Exemplar.newBuilder().setTraceId(ByteString.copyFrom(new byte[3]))))))))
                .build();
        assertThatThrownBy(() -> OtlpProto.fromProto(badExemplar))
                .hasMessage("resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[1].exemplars[0].traceId: "
                        + "trace id must be 16 bytes, got 3");
    }

    @Test
    void emptyIdsAndValuesDecodeToEmpty() {
        TelemetryBatch<LogRecord> logs = OtlpProto.fromProto(ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(io.opentelemetry.proto.logs.v1.ResourceLogs.newBuilder().addScopeLogs(
                        io.opentelemetry.proto.logs.v1.ScopeLogs.newBuilder().addLogRecords(
                                io.opentelemetry.proto.logs.v1.LogRecord.newBuilder()
                                        .addAttributes(KeyValue.newBuilder().setKey("k")))))
                .build());
        LogRecord l = logs.resources().get(0).scopes().get(0).items().get(0);
        assertThat(l.traceId().isEmpty()).isTrue();
        assertThat(l.body()).isSameAs(io.ottl4j.pdata.AnyValue.EMPTY);
        assertThat(l.attributes().get("k")).isSameAs(io.ottl4j.pdata.AnyValue.EMPTY);
    }
}
