package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.fuzz.Fuzz;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 fuzzing: the OTLP protobuf and JSON readers take any bytes and either decode them or refuse them
 * with a decode error (what the receivers answer 400 / INVALID_ARGUMENT to); never a stack overflow or
 * another fault. What decodes re-encodes and decodes to the same number of items.
 */
class OtlpReadersFuzzTest {
    private static final String TRACES = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
             "scopeSpans":[{"scope":{"name":"s"},"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
             "name":"op","kind":2,"startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"a","value":
             {"kvlistValue":{"values":[{"key":"b","value":{"arrayValue":{"values":[{"intValue":"1"},{"doubleValue":2.5}]}}}]}}}],
             "events":[{"name":"e","timeUnixNano":"3"}],"links":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b175"}],
             "status":{"code":2,"message":"m"}}]}]}]}""";
    private static final String LOGS = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1","severityNumber":9,"severityText":"INFO",
             "body":{"kvlistValue":{"values":[{"key":"k","value":{"bytesValue":"aGk="}}]}},"attributes":[{"key":"x","value":{"boolValue":true}}],
             "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"}]}]}]}""";
    private static final String METRICS = """
            {"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"m","sum":{"dataPoints":[{"asInt":"5","timeUnixNano":"1",
             "attributes":[{"key":"k","value":{"stringValue":"v"}}]}],"aggregationTemporality":2,"isMonotonic":true}},
             {"name":"h","histogram":{"dataPoints":[{"count":"2","sum":3.0,"bucketCounts":["1","1"],"explicitBounds":[1.0]}]}},
             {"name":"g","gauge":{"dataPoints":[{"asDouble":1.5}]}}]}]}]}""";

    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\"resourceSpans\"", "\"kvlistValue\"",
            "\"values\"", "\"value\"", "\"key\"", "1", "-1e999", "null", "true", "\"\\u0000\"", "\"traceId\"", "\"aGk=\"", " ");

    @Test
    void protobufReaderNeverFaults() {
        for (Signal s : Signal.values()) {
            byte[] sample = OtlpProto.encode(OtlpJson.read(sampleOf(s).getBytes(StandardCharsets.UTF_8), s));
            Fuzz.check("protobuf-" + s, r -> r.nextInt(5) == 0 ? Fuzz.bytes(r, 200) : Fuzz.mutate(r, sample), bytes -> {
                TelemetryBatch<?> b = OtlpProto.decode(s, bytes);
                assertThat(OtlpProto.decode(s, OtlpProto.encode(b)).itemCount()).isEqualTo(b.itemCount());
            }, OtlpDecodeException.class);
        }
    }

    @Test
    void jsonReaderNeverFaults() {
        for (Signal s : Signal.values()) {
            String sample = sampleOf(s);
            Fuzz.check("json-" + s, r -> Fuzz.mutateText(r, sample, JSON_TOKENS).getBytes(StandardCharsets.UTF_8), bytes -> {
                TelemetryBatch<?> b = OtlpJson.read(bytes, s);
                assertThat(OtlpJson.read(OtlpJson.write(b), s).itemCount()).isEqualTo(b.itemCount());
            }, OtlpDecodeException.class);
        }
    }

    private static String sampleOf(Signal s) {
        return switch (s) {
            case TRACES -> TRACES;
            case LOGS -> LOGS;
            case METRICS -> METRICS;
            case PROFILES -> OtlpJson.writeString(OtlpProto.decodeProfiles(ProfileSamples.request("fuzz").toByteArray()), false);
        };
    }
}
