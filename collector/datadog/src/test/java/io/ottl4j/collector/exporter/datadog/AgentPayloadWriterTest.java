package io.ottl4j.collector.exporter.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.pb.trace.AgentPayload;
import io.ottl4j.collector.datadog.pb.trace.Span;
import io.ottl4j.collector.datadog.pb.trace.TraceChunk;
import io.ottl4j.collector.datadog.pb.trace.TracerPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written AgentPayload encoder against the classes protoc generates from the same schema. */
class AgentPayloadWriterTest {
    @Test
    void bytesParseToWhatTheGeneratedBuildersBuild() throws Exception {
        DdSpan a = new DdSpan(4);
        a.service = "web";
        a.name = "http.server.request";
        a.resource = "GET /é";
        a.type = "web";
        a.traceId = -5; // uint64 above 2^63
        a.spanId = 7;
        a.start = 1_700_000_000_000_000_000L;
        a.duration = 42;
        a.error = 1;
        a.meta.put("span.kind", "server");
        a.meta.put("empty", "");
        a.metrics.put("_top_level", 1.0);
        DdSpan b = new DdSpan(0);
        b.service = "db";
        b.traceId = -5;
        b.spanId = 8;
        b.parentId = 7;
        AgentPayloadWriter.Tracer t = new AgentPayloadWriter.Tracer("", "ruby", "otlp-1.0", "prod", "node-1", "", 1, List.of(List.of(a, b)));
        byte[] bytes = AgentPayloadWriter.agentPayload("agent", "v1", 10, 10, List.of(t), new int[] {AgentPayloadWriter.tracerSize(t)});

        AgentPayload expected = AgentPayload.newBuilder().setHostName("agent").setAgentVersion("v1").setTargetTPS(10).setErrorTPS(10)
                .addTracerPayloads(TracerPayload.newBuilder().setLanguageName("ruby").setTracerVersion("otlp-1.0").setEnv("prod").setHostname("node-1")
                        .addChunks(TraceChunk.newBuilder().setPriority(1)
                                .addSpans(Span.newBuilder().setService("web").setName("http.server.request").setResource("GET /é").setType("web")
                                        .setTraceID(-5).setSpanID(7).setStart(1_700_000_000_000_000_000L).setDuration(42).setError(1)
                                        .putMeta("span.kind", "server").putMeta("empty", "").putMetrics("_top_level", 1.0))
                                .addSpans(Span.newBuilder().setService("db").setTraceID(-5).setSpanID(8).setParentID(7))))
                .build();
        assertThat(AgentPayload.parseFrom(bytes)).isEqualTo(expected);
    }
}
