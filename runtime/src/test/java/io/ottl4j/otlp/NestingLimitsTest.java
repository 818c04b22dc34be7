package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 defect 4: a log with a 40-deep kvlist was accepted as OTLP/JSON and refused as protobuf by the
 * next hop (protobuf-java's limit of 100 nested messages), and the JSON reader stopped at 248 levels.
 * Both readers now take upstream's limit (10,000 nested messages / JSON levels) without overflowing the
 * stack, and refuse deeper input with a clear error.
 */
class NestingLimitsTest {
    /** A log whose body is a kvlist nested {@code depth} deep, as OTLP/JSON. */
    static String deepKvlistLog(int depth) {
        StringBuilder sb = new StringBuilder("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":");
        for (int i = 0; i < depth; i++) {
            sb.append("{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":");
        }
        sb.append("{\"stringValue\":\"leaf\"}");
        sb.append("}]}}".repeat(depth));
        return sb.append("}]}]}]}").toString();
    }

    static int depthOf(TelemetryBatch<?> b) {
        LogRecord l = b.asLogs().resources().get(0).scopes().get(0).items().get(0);
        Object v = l.body();
        int d = 0;
        while (v instanceof AttributeMap m) {
            v = m.get("k");
            d++;
        }
        assertThat(v).isEqualTo("leaf");
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 249, 1000, 2400})
    void jsonAndProtobufAcceptTheSameDepth(int depth) {
        // a kvlist level is 4 JSON levels and 3 protobuf messages: upstream's JSON reader (jsoniter, 10,000
        // levels) takes about 2,500 kvlist levels, its protobuf reader about 3,333; both take these
        TelemetryBatch<?> fromJson = OtlpJson.read(deepKvlistLog(depth).getBytes(StandardCharsets.UTF_8), Signal.LOGS);
        assertThat(depthOf(fromJson)).isEqualTo(depth);
        byte[] proto = OtlpProto.encode(fromJson);
        TelemetryBatch<?> fromProto = OtlpProto.decode(Signal.LOGS, proto);
        assertThat(depthOf(fromProto)).isEqualTo(depth);
        // and back to JSON, as the next hop's file or otlphttp exporter would write it
        assertThat(depthOf(OtlpJson.read(OtlpJson.write(fromProto), Signal.LOGS))).isEqualTo(depth);
    }

    @Test
    void protobufBeyondUpstreamsLimitIsRefusedCleanly() {
        // 3 messages per kvlist level (AnyValue, KeyValueList, KeyValue): 3,400 levels exceed 10,000 messages
        TelemetryBatch<?> deep = OtlpJson.read(deepKvlistLog(1).getBytes(StandardCharsets.UTF_8), Signal.LOGS);
        Object v = "leaf";
        for (int i = 0; i < 3400; i++) {
            AttributeMap m = new AttributeMap();
            m.put("k", v);
            v = m;
        }
        deep.asLogs().resources().get(0).scopes().get(0).items().get(0).setBody(v);
        byte[] proto = OtlpProto.encode(deep);
        assertThatThrownBy(() -> OtlpProto.decode(Signal.LOGS, proto)).isInstanceOf(OtlpDecodeException.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void jsonBeyondTheLimitIsRefusedCleanly() {
        String json = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":" + "{\"arrayValue\":{\"values\":[".repeat(5001)
                + "]}}".repeat(5001) + "}]}]}]}";
        assertThatThrownBy(() -> OtlpJson.read(json.getBytes(StandardCharsets.UTF_8), Signal.LOGS)).isInstanceOf(OtlpDecodeException.class)
                .hasMessageContaining("depth").hasMessageContaining("levels)");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OtlpJson.read(json.getBytes(StandardCharsets.UTF_8), Signal.LOGS))
                .getMessage()).hasSizeLessThan(1000);
    }

    @Test
    void deepTracesThroughTheDirectWireDecoder() {
        String span = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\","
                + "\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"op\",\"attributes\":[{\"key\":\"k\",\"value\":"
                + "{\"arrayValue\":{\"values\":[".repeat(2000) + "{\"stringValue\":\"leaf\"}" + "]}}".repeat(2000) + "}]}]}]}]}";
        TelemetryBatch<?> t = OtlpJson.read(span.getBytes(StandardCharsets.UTF_8), Signal.TRACES);
        TelemetryBatch<?> back = OtlpProto.decode(Signal.TRACES, OtlpProto.encode(t));
        assertThat(back.itemCount()).isEqualTo(1);
    }
}
