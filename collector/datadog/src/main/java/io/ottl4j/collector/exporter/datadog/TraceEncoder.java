package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.datadog.mapping.Attrs;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.mapping.SpanMapper;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.pb.trace.AgentPayload;
import io.ottl4j.collector.datadog.pb.trace.Span;
import io.ottl4j.collector.datadog.pb.trace.TraceChunk;
import io.ottl4j.collector.datadog.pb.trace.TracerPayload;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Traces → {@code AgentPayload}s as the trace agent builds them from OTLP: one tracer payload per resource
 * (hostname, env, container, language), one chunk per trace ID, spans from the shared {@link SpanMapper}
 * (full mapping, top-level computed per chunk). Payloads are split so that each stays under the intake's
 * 3.2 MB limit.
 */
final class TraceEncoder {
    static final int MAX_PAYLOAD_BYTES = 3_200_000;
    /** Sampling priority "auto keep": the collector already decided which traces to keep. */
    static final int PRIORITY_AUTO_KEEP = 1;

    private final SpanMapper mapper;
    private final TraceConfig config;
    private final String fallbackHost;
    private final String agentVersion;

    /** The encoded payloads of one batch and the tracer languages they carry. */
    record Encoded(List<AgentPayload> payloads, String languages) {
    }

    TraceEncoder(TraceConfig config, String fallbackHost, String agentVersion) {
        this.mapper = new SpanMapper(config);
        this.config = config;
        this.fallbackHost = fallbackHost;
        this.agentVersion = agentVersion;
    }

    Encoded encode(TelemetryBatch<?> batch) {
        List<TracerPayload> tracerPayloads = new ArrayList<>();
        TreeSet<String> languages = new TreeSet<>();
        for (ResourceGroup<?> rg : batch.resources()) {
            AttributeMap res = rg.resource().attributes();
            Map<Long, List<DdSpan>> chunks = new LinkedHashMap<>();
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    DdSpan d = mapper.full((io.ottl4j.pdata.Span) item, res, sg.scope());
                    chunks.computeIfAbsent(d.traceId, k -> new ArrayList<>()).add(d);
                }
            }
            if (chunks.isEmpty()) {
                continue;
            }
            String lang = Attrs.get(null, res, "telemetry.sdk.language");
            if (!lang.isEmpty()) {
                languages.add(lang);
            }
            TracerPayload.Builder tp = TracerPayload.newBuilder().setHostname(Hosts.resolve(res, fallbackHost))
                    .setEnv(Attrs.getNormalized(null, res, "deployment.environment.name", "deployment.environment"))
                    .setContainerID(Attrs.get(null, res, "container.id")).setLanguageName(lang)
                    .setTracerVersion("otlp-" + Attrs.get(null, res, "telemetry.sdk.version")).setAppVersion(Attrs.get(null, res, "service.version"));
            for (List<DdSpan> chunk : chunks.values()) {
                mapper.computeTopLevel(chunk);
                if (ignored(chunk)) {
                    continue;
                }
                TraceChunk.Builder cb = TraceChunk.newBuilder().setPriority(PRIORITY_AUTO_KEEP);
                for (DdSpan d : chunk) {
                    cb.addSpans(toProto(d));
                }
                tp.addChunks(cb);
            }
            if (tp.getChunksCount() > 0) {
                tracerPayloads.add(tp.build());
            }
        }
        return new Encoded(split(tracerPayloads), String.join("|", languages));
    }

    /** ignore_resources drops a trace whose root span's resource matches. */
    private boolean ignored(List<DdSpan> chunk) {
        if (config.ignoreResources().isEmpty()) {
            return false;
        }
        for (DdSpan d : chunk) {
            if (d.parentId == 0 || d.topLevel()) {
                return config.ignored(d.resource);
            }
        }
        return false;
    }

    static Span toProto(DdSpan d) {
        return Span.newBuilder().setService(d.service).setName(d.name).setResource(d.resource).setType(d.type).setTraceID(d.traceId)
                .setSpanID(d.spanId).setParentID(d.parentId).setStart(d.start).setDuration(d.duration).setError(d.error).putAllMeta(withTid(d))
                .putAllMetrics(d.metrics).build();
    }

    /** The high 64 bits of the OTel trace ID travel as {@code _dd.p.tid} (16 hex digits). */
    private static Map<String, String> withTid(DdSpan d) {
        if (d.traceIdHigh != 0) {
            d.meta.put("_dd.p.tid", String.format("%016x", d.traceIdHigh));
        }
        return d.meta;
    }

    private List<AgentPayload> split(List<TracerPayload> tps) {
        List<AgentPayload> out = new ArrayList<>();
        AgentPayload.Builder cur = newPayload();
        int size = 0;
        for (TracerPayload tp : tps) {
            int s = tp.getSerializedSize() + 8;
            if (size > 0 && size + s > MAX_PAYLOAD_BYTES) {
                out.add(cur.build());
                cur = newPayload();
                size = 0;
            }
            cur.addTracerPayloads(tp);
            size += s;
        }
        if (size > 0) {
            out.add(cur.build());
        }
        return out;
    }

    private AgentPayload.Builder newPayload() {
        return AgentPayload.newBuilder().setHostName(fallbackHost).setAgentVersion(agentVersion).setTargetTPS(10).setErrorTPS(10);
    }
}
