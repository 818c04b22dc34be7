package io.ottl4j.collector.exporter.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.pb.trace.AgentPayload;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits and filters of the encoders, without the network. */
class EncodersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void severityBucketsAndText() {
        for (int[] c : new int[][] {{1, 0}, {5, 1}, {9, 2}, {13, 3}, {17, 4}, {24, 5}}) {
            LogRecord r = new LogRecord();
            r.setSeverityNumber(c[0]);
            assertThat(LogsEncoder.status(r)).isEqualTo(List.of("trace", "debug", "info", "warn", "error", "fatal").get(c[1]));
        }
        LogRecord t = new LogRecord();
        t.setSeverityNumber(9);
        t.setSeverityText("Notice");
        assertThat(LogsEncoder.status(t)).isEqualTo("Notice");
    }

    @Test
    void tracesSplitUnderTheIntakeLimitAndIgnoredResourcesDrop() throws Exception {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        String big = "x".repeat(100_000);
        for (int r = 0; r < 40; r++) {
            ResourceGroup<Span> rg = b.addResource();
            rg.resource().attributes().putString("service.name", "svc" + r);
            Span s = new Span();
            s.setName(r == 0 ? "GET /health" : "work");
            s.setTraceId(TraceId.of(0, r + 1));
            s.setSpanId(SpanId.of(r + 1));
            s.attributes().putString("blob", big);
            rg.addScope().items().add(s);
        }
        TraceConfig cfg = TestComponents.decode(new DatadogExporterFactory(), "api: {key: " + DatadogExporterTest.KEY + "}\ntraces: {ignore_resources: ['^GET /health$']}")
                .traces();
        TraceEncoder.Encoded enc = new TraceEncoder(cfg, "h", "v").encode(b);
        assertThat(enc.payloads()).hasSizeGreaterThan(1);
        int tracers = 0;
        for (byte[] p : enc.payloads()) {
            assertThat(p.length).isLessThanOrEqualTo(TraceEncoder.MAX_PAYLOAD_BYTES);
            AgentPayload ap = AgentPayload.parseFrom(p);
            tracers += ap.getTracerPayloadsCount();
            ap.getTracerPayloadsList().forEach(t -> assertThat(t.getChunks(0).getSpans(0).getResource()).isEqualTo("work"));
        }
        assertThat(tracers).isEqualTo(39);
    }

    @Test
    void firstResourceHostMetadataTakesTheResourceFacts() throws Exception {
        DatadogConfig cfg = TestComponents.decode(new DatadogExporterFactory(), "api: {key: " + DatadogExporterTest.KEY + "}\n"
                + "host_metadata: {hostname_source: first_resource, tags: ['env:prod']}");
        try (Intake intake = new Intake(DatadogExporterTest.KEY, "t")) {
            HostMetadata hm = new HostMetadata(cfg, intake, java.util.logging.Logger.getLogger("test"), "t");
            io.ottl4j.pdata.AttributeMap res = io.ottl4j.pdata.AttributeMap.of("k8s.node.name", "node-7-k8s-1", "host.arch", "amd64",
                    "host.cpu.vendor.id", "GenuineIntel", "os.description", "Ubuntu 24.04");
            JsonNode p = JSON.readTree(hm.payload(res));
            assertThat(p.path("internalHostname").asText()).isEqualTo("node-7-k8s-1");
            assertThat(p.path("host-tags").path("otel").get(0).asText()).isEqualTo("env:prod");
            JsonNode gohai = JSON.readTree(p.path("gohai").asText());
            assertThat(gohai.path("platform").path("machine").asText()).isEqualTo("amd64");
            assertThat(gohai.path("platform").path("os").asText()).isEqualTo("Ubuntu 24.04");
            assertThat(gohai.path("cpu").path("vendor_id").asText()).isEqualTo("GenuineIntel");
        }
    }
}
