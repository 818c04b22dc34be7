package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ExponentialHistogramDataPoint;
import io.ottl4j.pdata.HistogramDataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.MetricType;
import io.ottl4j.pdata.NumberDataPoint;
import io.ottl4j.pdata.NumberDataPoint.NumberKind;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.SummaryDataPoint;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtlpJsonTest {

    // ---------------------------------------------------------------- canonical round trips

    @ParameterizedTest
    @ValueSource(strings = {"traces.json", "logs.json", "metrics.json"})
    void samplesRoundTripByteForByte(String name) {
        String sample = Samples.load(name);
        TelemetryBatch<?> batch = OtlpJson.read(sample);
        assertThat(new String(OtlpJson.write(batch), StandardCharsets.UTF_8)).isEqualTo(Samples.compact(sample));
        String pretty = OtlpJson.writeString(batch, true);
        assertThat(pretty).contains("\n");
        assertThat(Samples.compact(pretty)).isEqualTo(Samples.compact(sample));
        assertThat(OtlpJson.writeString(batch.deepCopy(), false)).isEqualTo(Samples.compact(sample));
    }

    @Test
    void tracesSampleDecodesEveryField() {
        TelemetryBatch<Span> batch = OtlpJson.readTraces(Samples.load("traces.json"));
        assertThat(batch.resources()).hasSize(2);
        ResourceGroup<Span> rg = batch.resources().get(0);
        AttributeMap ra = rg.resource().attributes();
        assertThat(ra.keys()).containsExactly("service.name", "service.instance.id", "host.cpu.count",
                "deployment.canary", "process.load", "build.digest", "k8s.labels", "regions", "placeholder");
        assertThat(ra.get("host.cpu.count")).isEqualTo(8L);
        assertThat(ra.get("deployment.canary")).isEqualTo(true);
        assertThat(ra.get("process.load")).isEqualTo(0.75);
        assertThat((byte[]) ra.get("build.digest")).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(ra.get("k8s.labels")).isEqualTo(AttributeMap.of("app", "shop", "tier", "web"));
        assertThat(ra.get("regions")).isEqualTo(AttributeList.of("eu-west-1", "us-east-2"));
        assertThat(ra.get("placeholder")).isSameAs(AnyValue.EMPTY);
        assertThat(rg.resource().droppedAttributesCount()).isEqualTo(1);
        assertThat(rg.schemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.25.0");

        var sg = rg.scopes().get(0);
        assertThat(sg.scope().name()).isEqualTo("io.opentelemetry.instrumentation.http");
        assertThat(sg.scope().version()).isEqualTo("2.10.0");
        assertThat(sg.scope().attributes().get("scope.kind")).isEqualTo("server");
        assertThat(sg.scope().droppedAttributesCount()).isEqualTo(2);
        assertThat(sg.schemaUrl()).isEqualTo("https://opentelemetry.io/schemas/1.24.0");

        Span s = sg.items().get(0);
        assertThat(s.traceId()).isEqualTo(TraceId.fromHex("5b8efff798038103d269b633813fc60c"));
        assertThat(s.spanId()).isEqualTo(SpanId.fromHex("eee19b7ec3c1b174"));
        assertThat(s.parentSpanId()).isEqualTo(SpanId.fromHex("eee19b7ec3c1b173"));
        assertThat(s.traceState()).isEqualTo("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
        assertThat(s.flags()).isEqualTo(257);
        assertThat(s.name()).isEqualTo("POST /api/checkout");
        assertThat(s.kind()).isEqualTo(Span.KIND_SERVER);
        assertThat(s.startTimeUnixNano()).isEqualTo(1544712660000000000L);
        assertThat(s.endTimeUnixNano()).isEqualTo(1544712661000000000L);
        assertThat(s.attributes().get("http.response.status_code")).isEqualTo(500L);
        assertThat(s.droppedAttributesCount()).isEqualTo(3);
        assertThat(s.events()).hasSize(2);
        assertThat(s.events().get(0).name()).isEqualTo("exception");
        assertThat(s.events().get(0).timeUnixNano()).isEqualTo(1544712660300000000L);
        assertThat(s.events().get(0).attributes().get("exception.message")).isEqualTo("cart is empty");
        assertThat(s.events().get(0).droppedAttributesCount()).isEqualTo(1);
        assertThat(s.droppedEventsCount()).isEqualTo(4);
        var link = s.links().get(0);
        assertThat(link.traceId().toHex()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(link.spanId().toHex()).isEqualTo("b7ad6b7169203331");
        assertThat(link.traceState()).isEqualTo("rojo=00f067aa0ba902b7");
        assertThat(link.attributes().get("link.kind")).isEqualTo("follows_from");
        assertThat(link.droppedAttributesCount()).isEqualTo(1);
        assertThat(link.flags()).isEqualTo(1);
        assertThat(s.droppedLinksCount()).isEqualTo(5);
        assertThat(s.status().code()).isEqualTo(2);
        assertThat(s.status().message()).isEqualTo("cart is empty");
        assertThat(batch.itemCount()).isEqualTo(3);
    }

    @Test
    void logsSampleDecodesBodies() {
        TelemetryBatch<LogRecord> batch = OtlpJson.readLogs(Samples.load("logs.json"));
        var logs = batch.resources().get(0).scopes().get(0).items();
        LogRecord first = logs.get(0);
        assertThat(first.body()).isEqualTo("payment failed: card declined");
        assertThat(first.severityNumber()).isEqualTo(17);
        assertThat(first.severityText()).isEqualTo("ERROR");
        assertThat(first.observedTimeUnixNano()).isEqualTo(1544712660300000123L);
        assertThat(first.flags()).isEqualTo(1);
        assertThat(first.traceId().toHex()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(first.spanId().toHex()).isEqualTo("eee19b7ec3c1b174");
        assertThat(first.eventName()).isEqualTo("payment.failed");
        assertThat(first.droppedAttributesCount()).isEqualTo(2);
        assertThat(first.attributes().get("payment.amount")).isEqualTo(19.99);

        AttributeMap body = (AttributeMap) logs.get(1).body();
        AttributeMap order = (AttributeMap) body.get("order");
        assertThat(order.get("items")).isEqualTo(3L);
        assertThat(order.get("tags")).isEqualTo(AttributeList.of("gift", 7L, true, AnyValue.EMPTY));
        assertThat((byte[]) order.get("raw")).containsExactly(0, 1, 2);
        assertThat(body.get("nothing")).isSameAs(AnyValue.EMPTY);
        assertThat(AnyValue.asString(body)).isEqualTo("{\"message\":\"order placed\",\"nothing\":null,"
                + "\"order\":{\"id\":\"o-1001\",\"items\":3,\"raw\":\"AAEC\",\"tags\":[\"gift\",7,true,null],\"total\":59.5}}");

        assertThat(logs.get(2).body()).isEqualTo(AttributeList.of("a", 1.5, new AttributeMap(), new AttributeList()));
        assertThat(logs.get(3).body()).isSameAs(AnyValue.EMPTY);
    }

    @Test
    void metricsSampleDecodesEveryType() {
        TelemetryBatch<Metric> batch = OtlpJson.readMetrics(Samples.load("metrics.json"));
        var metrics = batch.resources().get(0).scopes().get(0).items();
        assertThat(metrics).extracting(Metric::type).containsExactly(MetricType.GAUGE, MetricType.SUM, MetricType.SUM,
                MetricType.HISTOGRAM, MetricType.EXPONENTIAL_HISTOGRAM, MetricType.SUMMARY, MetricType.EMPTY);

        Metric gauge = metrics.get(0);
        assertThat(gauge.unit()).isEqualTo("By");
        assertThat(gauge.metadata().get("source")).isEqualTo("jmx");
        NumberDataPoint g0 = (NumberDataPoint) gauge.dataPoints().get(0);
        assertThat(g0.valueKind()).isEqualTo(NumberKind.INT);
        assertThat(g0.intValue()).isEqualTo(1048576L);
        NumberDataPoint g1 = (NumberDataPoint) gauge.dataPoints().get(1);
        assertThat(g1.doubleValue()).isEqualTo(2.5e21);
        assertThat(g1.flags()).isEqualTo(1);

        Metric sum = metrics.get(1);
        assertThat(sum.aggregationTemporality()).isEqualTo(Metric.TEMPORALITY_CUMULATIVE);
        assertThat(sum.isMonotonic()).isTrue();
        var exemplar = sum.dataPoints().get(0).exemplars().get(0);
        assertThat(exemplar.intValue()).isEqualTo(1);
        assertThat(exemplar.filteredAttributes().get("user.id")).isEqualTo("u-7");
        assertThat(exemplar.traceId().toHex()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(metrics.get(2).aggregationTemporality()).isEqualTo(Metric.TEMPORALITY_DELTA);
        assertThat(metrics.get(2).isMonotonic()).isFalse();

        HistogramDataPoint h = (HistogramDataPoint) metrics.get(3).dataPoints().get(0);
        assertThat(h.count()).isEqualTo(10);
        assertThat(h.hasSum()).isTrue();
        assertThat(h.sum()).isEqualTo(3.5);
        assertThat(h.bucketCounts()).containsExactly(1, 2, 3, 4);
        assertThat(h.explicitBounds()).containsExactly(0.005, 0.1, 1);
        assertThat(h.min()).isEqualTo(0.001);
        assertThat(h.max()).isEqualTo(1.2);
        assertThat(h.exemplars().get(0).doubleValue()).isEqualTo(0.25);
        HistogramDataPoint h1 = (HistogramDataPoint) metrics.get(3).dataPoints().get(1);
        assertThat(h1.hasSum()).isFalse();
        assertThat(h1.hasMin()).isFalse();

        ExponentialHistogramDataPoint e = (ExponentialHistogramDataPoint) metrics.get(4).dataPoints().get(0);
        assertThat(e.scale()).isEqualTo(3);
        assertThat(e.zeroCount()).isEqualTo(1);
        assertThat(e.zeroThreshold()).isEqualTo(1e-9);
        assertThat(e.positive().offset()).isEqualTo(5);
        assertThat(e.positive().bucketCounts()).containsExactly(1, 0, 2);
        assertThat(e.negative().offset()).isEqualTo(-2);
        assertThat(e.min()).isEqualTo(-4.5);
        assertThat(e.max()).isEqualTo(18);

        SummaryDataPoint s = (SummaryDataPoint) metrics.get(5).dataPoints().get(0);
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.sum()).isEqualTo(17.5);
        assertThat(s.quantileValues()).extracting(q -> q.quantile()).containsExactly(0.0, 0.5, 1.0);
        assertThat(s.quantileValues()).extracting(q -> q.value()).containsExactly(1.5, 4.0, 8.25);
        assertThat(batch.dataPointCount()).isEqualTo(9);
    }

    // ---------------------------------------------------------------- lenient input

    @Test
    void acceptsSnakeCaseNumbersAsStringsEnumNamesUppercaseHexAndSkipsUnknownFields() {
        String snake = """
            {"resource_spans": [{
              "resource": {"attributes": [{"key": "k", "value": {"int_value": 5}}], "dropped_attributes_count": "1",
                           "entity_refs": [{"type": "service"}]},
              "scope_spans": [{
                "scope": {"name": "lib", "unknown": {"deep": [1, 2, {"x": null}]}},
                "spans": [{
                  "trace_id": "5B8EFFF798038103D269B633813FC60C",
                  "span_id": "EEE19B7EC3C1B174",
                  "parent_span_id": "",
                  "trace_state": "a=b",
                  "flags": "1",
                  "name": "op",
                  "kind": "SPAN_KIND_CLIENT",
                  "start_time_unix_nano": 1544712660000000000,
                  "end_time_unix_nano": "1544712661000000000",
                  "attributes": [
                    {"key": "d", "value": {"double_value": "2.5"}},
                    {"key": "n", "value": {"double_value": "NaN"}},
                    {"key": "big", "value": {"int_value": "-9223372036854775808"}},
                    {"key": "b", "value": {"bytes_value": "AQID"}},
                    {"key": "arr", "value": {"array_value": {"values": [{"bool_value": true}]}}},
                    {"key": "kv", "value": {"kvlist_value": {"values": [{"key": "x", "value": {"string_value": "y"}}]}}}
                  ],
                  "dropped_attributes_count": 2,
                  "events": [{"time_unix_nano": "5", "name": "e", "dropped_attributes_count": 1}],
                  "dropped_events_count": 3,
                  "links": [{"trace_id": "0af7651916cd43dd8448eb211c80319c", "span_id": "b7ad6b7169203331", "trace_state": "x=y"}],
                  "dropped_links_count": 4,
                  "status": {"code": "STATUS_CODE_ERROR", "message": "boom"},
                  "future_field": 12
                }],
                "schema_url": "s"
              }],
              "schema_url": "r"
            }]}
            """;
        TelemetryBatch<?> batch = OtlpJson.read(snake);
        assertThat(batch.signal()).isEqualTo(Signal.TRACES);
        Span s = batch.asTraces().resources().get(0).scopes().get(0).items().get(0);
        assertThat(s.kind()).isEqualTo(Span.KIND_CLIENT);
        assertThat(s.status().code()).isEqualTo(2);
        assertThat(s.attributes().get("n")).isEqualTo(Double.NaN);
        assertThat(s.attributes().get("big")).isEqualTo(Long.MIN_VALUE);
        assertThat(s.startTimeUnixNano()).isEqualTo(1544712660000000000L);
        assertThat(s.parentSpanId()).isSameAs(SpanId.EMPTY);
        assertThat(OtlpJson.writeString(batch, false)).isEqualTo(
                "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":{\"intValue\":\"5\"}}],"
                + "\"droppedAttributesCount\":1},\"scopeSpans\":[{\"scope\":{\"name\":\"lib\"},\"spans\":[{"
                + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"traceState\":\"a=b\","
                + "\"flags\":1,\"name\":\"op\",\"kind\":3,\"startTimeUnixNano\":\"1544712660000000000\","
                + "\"endTimeUnixNano\":\"1544712661000000000\",\"attributes\":["
                + "{\"key\":\"d\",\"value\":{\"doubleValue\":2.5}},{\"key\":\"n\",\"value\":{\"doubleValue\":\"NaN\"}},"
                + "{\"key\":\"big\",\"value\":{\"intValue\":\"-9223372036854775808\"}},"
                + "{\"key\":\"b\",\"value\":{\"bytesValue\":\"AQID\"}},"
                + "{\"key\":\"arr\",\"value\":{\"arrayValue\":{\"values\":[{\"boolValue\":true}]}}},"
                + "{\"key\":\"kv\",\"value\":{\"kvlistValue\":{\"values\":[{\"key\":\"x\",\"value\":{\"stringValue\":\"y\"}}]}}}],"
                + "\"droppedAttributesCount\":2,\"events\":[{\"timeUnixNano\":\"5\",\"name\":\"e\",\"droppedAttributesCount\":1}],"
                + "\"droppedEventsCount\":3,\"links\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
                + "\"spanId\":\"b7ad6b7169203331\",\"traceState\":\"x=y\"}],\"droppedLinksCount\":4,"
                + "\"status\":{\"message\":\"boom\",\"code\":2}}],\"schemaUrl\":\"s\"}],\"schemaUrl\":\"r\"}]}");
    }

    @Test
    void acceptsSnakeCaseMetricAndLogFieldsAndEnumNames() {
        TelemetryBatch<Metric> metrics = OtlpJson.readMetrics("""
            {"resource_metrics": [{"scope_metrics": [{"metrics": [
              {"name": "s", "sum": {"data_points": [{"as_int": 3, "start_time_unix_nano": "1", "time_unix_nano": 2,
                  "exemplars": [{"as_double": "Infinity", "filtered_attributes": [], "span_id": "eee19b7ec3c1b174"}]}],
                  "aggregation_temporality": "AGGREGATION_TEMPORALITY_DELTA", "is_monotonic": true}},
              {"name": "h", "histogram": {"data_points": [{"bucket_counts": [1, "2"], "explicit_bounds": ["1.5", 2],
                  "count": 3.0, "sum": "-Infinity"}], "aggregation_temporality": 2}},
              {"name": "e", "exponential_histogram": {"data_points": [{"zero_count": "4", "zero_threshold": "0.5",
                  "positive": {"bucket_counts": ["18446744073709551615"], "offset": "-3"}}]}},
              {"name": "q", "summary": {"data_points": [{"quantile_values": [{"quantile": "0.9", "value": 1}]}]}}
            ]}]}]}
            """);
        var ms = metrics.resources().get(0).scopes().get(0).items();
        Metric sum = ms.get(0);
        assertThat(sum.aggregationTemporality()).isEqualTo(1);
        assertThat(sum.isMonotonic()).isTrue();
        NumberDataPoint p = (NumberDataPoint) sum.dataPoints().get(0);
        assertThat(p.intValue()).isEqualTo(3);
        assertThat(p.exemplars().get(0).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        HistogramDataPoint h = (HistogramDataPoint) ms.get(1).dataPoints().get(0);
        assertThat(h.bucketCounts()).containsExactly(1, 2);
        assertThat(h.explicitBounds()).containsExactly(1.5, 2);
        assertThat(h.count()).isEqualTo(3);
        assertThat(h.sum()).isEqualTo(Double.NEGATIVE_INFINITY);
        ExponentialHistogramDataPoint e = (ExponentialHistogramDataPoint) ms.get(2).dataPoints().get(0);
        assertThat(e.positive().bucketCounts()).containsExactly(-1L); // 2^64-1 as unsigned bits
        assertThat(e.positive().offset()).isEqualTo(-3);
        assertThat(OtlpJson.writeString(metrics, false)).contains("\"bucketCounts\":[\"18446744073709551615\"]")
                .contains("\"asDouble\":\"Infinity\"").contains("\"sum\":\"-Infinity\"");
        assertThat(((SummaryDataPoint) ms.get(3).dataPoints().get(0)).quantileValues().get(0).quantile()).isEqualTo(0.9);

        TelemetryBatch<LogRecord> logs = OtlpJson.readLogs("""
            {"resource_logs": [{"scope_logs": [{"log_records": [{"severity_number": "SEVERITY_NUMBER_WARN",
              "severity_text": "W", "observed_time_unix_nano": "7", "event_name": "ev", "body": {"string_value": "x"}}]}]}]}
            """);
        LogRecord l = logs.resources().get(0).scopes().get(0).items().get(0);
        assertThat(l.severityNumber()).isEqualTo(13);
        assertThat(l.observedTimeUnixNano()).isEqualTo(7);
        assertThat(l.eventName()).isEqualTo("ev");
        assertThat(l.body()).isEqualTo("x");
    }

    @Test
    void nullsMeanDefaults() {
        TelemetryBatch<Span> batch = OtlpJson.readTraces("""
            {"resourceSpans": [{"resource": null, "scopeSpans": [{"scope": null, "spans": [
              {"traceId": null, "name": null, "attributes": null, "kind": null, "status": null,
               "events": [null], "startTimeUnixNano": null}, null]}]}]}
            """);
        var spans = batch.resources().get(0).scopes().get(0).items();
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0).name()).isEmpty();
        assertThat(spans.get(0).events()).hasSize(1);
    }

    @Test
    void duplicateAttributeKeysKeepTheFirst() {
        TelemetryBatch<Span> batch = OtlpJson.readTraces("""
            {"resourceSpans": [{"resource": {"attributes": [
              {"key": "a", "value": {"stringValue": "first"}}, {"key": "a", "value": {"stringValue": "second"}}]}}]}
            """);
        AttributeMap attrs = batch.resources().get(0).resource().attributes();
        assertThat(attrs.size()).isEqualTo(1);
        assertThat(attrs.get("a")).isEqualTo("first");
    }

    @Test
    void aSecondMetricDataMemberReplacesTheFirst() {
        TelemetryBatch<Metric> batch = OtlpJson.readMetrics("""
            {"resourceMetrics": [{"scopeMetrics": [{"metrics": [
              {"name": "m", "sum": {"dataPoints": [{"asInt": "1"}], "isMonotonic": true},
               "gauge": {"dataPoints": [{"asDouble": 2}, {"asDouble": 3}], "aggregationTemporality": 2}}]}]}]}
            """);
        Metric m = batch.resources().get(0).scopes().get(0).items().get(0);
        assertThat(m.type()).isEqualTo(MetricType.GAUGE);
        assertThat(m.dataPoints()).hasSize(2);
        assertThat(m.isMonotonic()).isFalse();
        assertThat(m.aggregationTemporality()).isZero();
    }

    // ---------------------------------------------------------------- signal detection

    @Test
    void detectsTheSignalOrUsesTheExpectedOne() throws IOException {
        assertThat(OtlpJson.read("{\"resourceLogs\": []}").signal()).isEqualTo(Signal.LOGS);
        assertThat(OtlpJson.read("{\"resource_metrics\": []}".getBytes(StandardCharsets.UTF_8)).signal())
                .isEqualTo(Signal.METRICS);
        assertThat(OtlpJson.read(new ByteArrayInputStream("{\"other\": 1, \"resourceSpans\": [{}]}".getBytes(StandardCharsets.UTF_8)))
                .asTraces().resources()).hasSize(1);
        assertThat(OtlpJson.read("{}", Signal.METRICS).signal()).isEqualTo(Signal.METRICS);
        assertThat(OtlpJson.readLogs("{}").isEmpty()).isTrue();

        assertThatThrownBy(() -> OtlpJson.read("{}"))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessageContaining("resourceSpans, resourceMetrics, resourceLogs or resourceProfiles");
        assertThatThrownBy(() -> OtlpJson.readTraces("{\"resourceLogs\": []}"))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessageStartingWith("resourceLogs: expected resourceSpans (traces), but the document holds resourceLogs");
        assertThatThrownBy(() -> OtlpJson.read("{\"resourceSpans\": [], \"resourceLogs\": []}"))
                .hasMessageContaining("has both resourceSpans and resourceLogs");
        assertThatThrownBy(() -> OtlpJson.read("[]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> OtlpJson.read("")).hasMessageContaining("got the end of the input");
    }

    // ---------------------------------------------------------------- errors name the path

    private static final String SPAN_PATH = "resourceSpans[0].scopeSpans[0].spans[2]";

    private static String traceDoc(String thirdSpanBody) {
        return "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{},\"spans\":[{},{\"name\":\"ok\"},{"
                + thirdSpanBody + "}]}]}]}";
    }

    @Test
    void invalidTraceIdLength() {
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"traceId\": \"5b8efff798038103d269b633813fc60\"")))
                .isInstanceOf(OtlpDecodeException.class)
                .satisfies(e -> assertThat(((OtlpDecodeException) e).path()).isEqualTo(SPAN_PATH + ".traceId"))
                .hasMessageStartingWith(SPAN_PATH + ".traceId: trace id must be 32 hex characters, got 31")
                .hasMessageContaining("(line 1, column");
    }

    @Test
    void invalidHexInSpanIdAndWrongTypes() {
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"spanId\": \"eee19b7ec3c1b17z\"")))
                .hasMessageStartingWith(SPAN_PATH + ".spanId: invalid hex character 'z'");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"parentSpanId\": 12")))
                .hasMessageStartingWith(SPAN_PATH + ".parentSpanId: expected the span id as a hex string, got a number");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"name\": {}")))
                .hasMessageStartingWith(SPAN_PATH + ".name: expected a string, got an object");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"attributes\": {}")))
                .hasMessageStartingWith(SPAN_PATH + ".attributes: expected an array, got an object");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"events\": [{}, {\"attributes\": [{\"key\": \"k\", \"value\": 5}]}]")))
                .hasMessageStartingWith(SPAN_PATH + ".events[1].attributes[0].value: expected an object, got a number");
    }

    @Test
    void unknownEnumNames() {
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"kind\": \"SPAN_KIND_SERVERLESS\"")))
                .hasMessageStartingWith(SPAN_PATH + ".kind: unknown SpanKind value \"SPAN_KIND_SERVERLESS\"");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"status\": {\"code\": \"ERROR\"}")))
                .hasMessageStartingWith(SPAN_PATH + ".status.code: unknown StatusCode value \"ERROR\"");
        assertThatThrownBy(() -> OtlpJson.readLogs("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"severityNumber\":\"LOUD\"}]}]}]}"))
                .hasMessageStartingWith("resourceLogs[0].scopeLogs[0].logRecords[0].severityNumber: unknown SeverityNumber value \"LOUD\"");
        // unknown numbers are kept, as in pdata
        Span s = OtlpJson.readTraces(traceDoc("\"kind\": 9")).resources().get(0).scopes().get(0).items().get(2);
        assertThat(s.kind()).isEqualTo(9);
    }

    @Test
    void badNumbers() {
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"droppedAttributesCount\": -1")))
                .hasMessageStartingWith(SPAN_PATH + ".droppedAttributesCount: value -1 is out of range for uint32");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"startTimeUnixNano\": \"12abc\"")))
                .hasMessageStartingWith(SPAN_PATH + ".startTimeUnixNano: expected an integer (uint64) as a decimal string, got \"12abc\"");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"startTimeUnixNano\": \"18446744073709551616\"")))
                .hasMessageContaining("out of range for uint64");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"kind\": 1.5")))
                .hasMessageStartingWith(SPAN_PATH + ".kind: expected an integer (int32), got 1.5");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"attributes\":[{\"key\":\"d\",\"value\":{\"doubleValue\":\"fast\"}}]")))
                .hasMessageStartingWith(SPAN_PATH + ".attributes[0].value.doubleValue: expected a number as a string");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"attributes\":[{\"key\":\"i\",\"value\":{\"intValue\":\"9223372036854775808\"}}]")))
                .hasMessageContaining("out of range for int64");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"attributes\":[{\"key\":\"b\",\"value\":{\"bytesValue\":\"@@@\"}}]")))
                .hasMessageStartingWith(SPAN_PATH + ".attributes[0].value.bytesValue: invalid base64");
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"startTimeUnixNano\": 1e400")))
                .hasMessageContaining("out of range for uint64");
        // integral floats are accepted
        Span s = OtlpJson.readTraces(traceDoc("\"startTimeUnixNano\": 1.5e3")).resources().get(0).scopes().get(0).items().get(2);
        assertThat(s.startTimeUnixNano()).isEqualTo(1500);
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        assertThatThrownBy(() -> OtlpJson.read(traceDoc("\"name\": \"x\" \"kind\": 1")))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessageStartingWith(SPAN_PATH + ".name: malformed JSON:")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> OtlpJson.read("{\"resourceSpans\": [{\"resource\": {\"attributes\": [")) 
                .hasMessageStartingWith("resourceSpans[0].resource.attributes: malformed JSON:");
        // in the decoder's own words: where the unclosed array began, no Jackson internals
        assertThatThrownBy(() -> OtlpJson.read("{\"resourceSpans\": [}"))
                .hasMessage("resourceSpans: malformed JSON: unexpected '}' where ']' should close the array opened at line 1, column 19"
                        + " (line 1, column 20)");
        assertThatThrownBy(() -> OtlpJson.read("{\"resourceSpans\": ["))
                .hasMessage("resourceSpans: malformed JSON: the input ends inside the array opened at line 1, column 19 (line 1, column 20)");
        assertThatThrownBy(() -> OtlpJson.read("{resourceSpans: []}"))
                .hasMessage("malformed JSON: unexpected character 'r': expected a field name in double quotes (line 1, column 2)");
        assertThatThrownBy(() -> OtlpJson.read("{\"resourceSpans\": x}"))
                .hasMessageStartingWith("malformed JSON: unexpected 'x': expected a JSON value").hasMessageNotContaining("Source");
        assertThatThrownBy(() -> OtlpJson.read("{\"resourceSpans\": []} {}"))
                .hasMessageContaining("unexpected content after the end of the document");
    }

    @Test
    void absurdNestingIsRejectedNotAStackOverflow() {
        // beyond upstream's 10,000 JSON levels (3,000 array levels, 6,000 JSON levels, are accepted as upstream does)
        String deep = "{\"arrayValue\":{\"values\":[".repeat(6000) + "]}}".repeat(6000);
        String doc = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":" + deep + "}]}]}]}";
        assertThatThrownBy(() -> OtlpJson.read(doc))
                .isInstanceOf(OtlpDecodeException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("nesting depth");
    }

    // ---------------------------------------------------------------- output details

    @Test
    void writesDefaultsOmittedButByValueMessagesPresent() {
        TelemetryBatch<Span> traces = TelemetryBatch.traces();
        traces.addResource().addScope().items().add(new Span());
        assertThat(OtlpJson.writeString(traces, false))
                .isEqualTo("{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{},\"spans\":[{\"status\":{}}]}]}]}");

        TelemetryBatch<LogRecord> logs = TelemetryBatch.logs();
        LogRecord l = new LogRecord();
        l.attributes().putEmpty("e");
        l.attributes().putString("", "empty key");
        logs.addResource().addScope().items().add(l);
        assertThat(OtlpJson.writeString(logs, false)).isEqualTo("{\"resourceLogs\":[{\"resource\":{},\"scopeLogs\":[{\"scope\":{},"
                + "\"logRecords\":[{\"body\":{},\"attributes\":[{\"key\":\"e\",\"value\":{}},"
                + "{\"value\":{\"stringValue\":\"empty key\"}}]}]}]}]}");

        assertThat(OtlpJson.writeString(TelemetryBatch.metrics(), false)).isEqualTo("{}");
    }

    @Test
    void writesUnsignedValuesAndSpecialDoubles() {
        TelemetryBatch<Span> traces = TelemetryBatch.traces();
        Span s = new Span();
        s.setStartTimeUnixNano(-1L);
        s.setDroppedAttributesCount(-1);
        s.attributes().putDouble("nan", Double.NaN);
        s.attributes().putDouble("inf", Double.NEGATIVE_INFINITY);
        s.attributes().putDouble("tiny", 1e-7);
        s.attributes().putString("lone", "a\uD800b");
        traces.addResource().addScope().items().add(s);
        String json = OtlpJson.writeString(traces, false);
        assertThat(json).contains("\"startTimeUnixNano\":\"18446744073709551615\"")
                .contains("\"droppedAttributesCount\":4294967295")
                .contains("{\"doubleValue\":\"NaN\"}")
                .contains("{\"doubleValue\":\"-Infinity\"}")
                .contains("{\"doubleValue\":1e-7}")
                .contains("{\"stringValue\":\"a\uFFFDb\"}");
        Span back = OtlpJson.readTraces(json).resources().get(0).scopes().get(0).items().get(0);
        assertThat(back.startTimeUnixNano()).isEqualTo(-1L);
        assertThat(back.droppedAttributesCount()).isEqualTo(-1);
        assertThat(back.attributes().get("nan")).isEqualTo(Double.NaN);
        assertThat(back.attributes().get("tiny")).isEqualTo(1e-7);
    }

    @Test
    void refusesAMetricHoldingPointsOfAnotherType() {
        TelemetryBatch<Metric> batch = TelemetryBatch.metrics();
        Metric m = new Metric();
        m.setName("g");
        m.setType(MetricType.GAUGE);
        m.dataPoints().add(new HistogramDataPoint());
        batch.addResource().addScope().items().add(m);
        assertThatThrownBy(() -> OtlpJson.write(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric 'g' of type GAUGE holds a HistogramDataPoint");
    }

    @Test
    void writesToAStreamWithoutClosingIt() throws IOException {
        TelemetryBatch<?> batch = OtlpJson.read(Samples.load("logs.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        OtlpJson.write(batch, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Samples.compact(Samples.load("logs.json")));
    }
}
