package io.ottl4j.collector.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.TelemetryBatch;
import org.junit.jupiter.api.Test;

/** The debug exporter's detailed text, laid out as upstream's otlptext (enum names, blank empty IDs, Go times). */
class DetailedTextTest {
    @Test
    void aRootServerSpanAsUpstreamPrintsIt() {
        TelemetryBatch<?> batch = OtlpJson.read("""
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},
                 "scopeSpans":[{"scope":{"name":"lib","version":"1.0"},"spans":[
                  {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718","name":"GET /","kind":2,
                   "startTimeUnixNano":"1581452772000000321","endTimeUnixNano":"1581452773000000000",
                   "attributes":[{"key":"http.status_code","value":{"intValue":"200"}}],
                   "status":{"code":1}}]}]}]}""");
        StringBuilder sb = new StringBuilder();
        DetailedText.append(batch, sb);
        assertThat(sb.toString()).isEqualTo("""
                ResourceSpans #0
                Resource SchemaURL: \n\
                Resource attributes:
                     -> service.name: Str(web)
                ScopeSpans #0
                ScopeSpans SchemaURL: \n\
                InstrumentationScope lib 1.0
                Span #0
                    Trace ID       : 0102030405060708090a0b0c0d0e0f10
                    Parent ID      : \n\
                    ID             : 1112131415161718
                    Name           : GET /
                    Kind           : Server
                    Start time     : 2020-02-11 20:26:12.000000321 +0000 UTC
                    End time       : 2020-02-11 20:26:13 +0000 UTC
                    Status code    : Ok
                    Status message : \n\
                Attributes:
                     -> http.status_code: Int(200)
                """);
    }

    @Test
    void logSeverityAndMetricTypesByName() {
        assertThat(DetailedText.severity(9)).isEqualTo("Info");
        assertThat(DetailedText.severity(14)).isEqualTo("Warn2");
        assertThat(DetailedText.severity(24)).isEqualTo("Fatal4");
        assertThat(DetailedText.severity(0)).isEqualTo("Unspecified");
        StringBuilder sb = new StringBuilder();
        DetailedText.append(OtlpJson.read("""
                {"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"requests","sum":{"aggregationTemporality":2,"isMonotonic":true,
                 "dataPoints":[{"asDouble":1.5,"timeUnixNano":"1581452773000000789"}]}}]}]}]}"""), sb);
        assertThat(sb.toString()).contains("ResourceMetrics #0\n", "ScopeMetrics #0\n", "     -> DataType: Sum\n", "     -> IsMonotonic: true\n",
                "     -> AggregationTemporality: Cumulative\n", "NumberDataPoints #0\n", "Value: 1.500000\n",
                "Timestamp: 2020-02-11 20:26:13.000000789 +0000 UTC\n");
    }
}
