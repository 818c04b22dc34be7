package io.ottl4j.collector.exporter.datadog;

import io.ottl4j.collector.datadog.mapping.Attrs;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.mapping.Hosts;
import io.ottl4j.collector.datadog.mapping.SpanMapper;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
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
 * (full mapping, top-level computed per chunk), written by {@link AgentPayloadWriter}. Payloads are split so that
 * each stays under the intake's
 * 3.2 MB limit. Public for the JMH benchmark.
 */
public final class TraceEncoder {
    static final int MAX_PAYLOAD_BYTES = 3_200_000;
    /** Sampling priority "auto keep": the collector already decided which traces to keep. */
    static final int PRIORITY_AUTO_KEEP = 1;

    private final SpanMapper mapper;
    private final TraceConfig config;
    private final String fallbackHost;
    private final String agentVersion;

    /** The encoded payloads of one batch, the spans in each, and the tracer languages they carry. */
    public record Encoded(List<byte[]> payloads, int[] spans, String languages, int skipped) {
    }

    public TraceEncoder(TraceConfig config, String fallbackHost, String agentVersion) {
        this.mapper = new SpanMapper(config);
        this.config = config;
        this.fallbackHost = fallbackHost;
        this.agentVersion = agentVersion;
    }

    public Encoded encode(TelemetryBatch<?> batch) {
        List<AgentPayloadWriter.Tracer> tracers = new ArrayList<>();
        TreeSet<String> languages = new TreeSet<>();
        int skipped = 0;
        for (ResourceGroup<?> rg : batch.resources()) {
            AttributeMap res = rg.resource().attributes();
            Map<Long, List<DdSpan>> chunks = new LinkedHashMap<>();
            for (ScopeGroup<?> sg : rg.scopes()) {
                for (Object item : sg.items()) {
                    DdSpan d;
                    try {
                        d = mapper.full((io.ottl4j.pdata.Span) item, res, sg.scope());
                    } catch (RuntimeException e) { // a span the mapping cannot read is dropped, not the whole batch
                        skipped++;
                        continue;
                    }
                    if (d.traceIdHigh != 0) {
                        d.meta.put("_dd.p.tid", hex16(d.traceIdHigh));
                    }
                    chunks.computeIfAbsent(d.traceId, k -> new ArrayList<>()).add(d);
                }
            }
            List<List<DdSpan>> kept = new ArrayList<>(chunks.size());
            for (List<DdSpan> chunk : chunks.values()) {
                mapper.computeTopLevel(chunk);
                if (!ignored(chunk)) {
                    kept.add(chunk);
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            String lang = Attrs.get(null, res, "telemetry.sdk.language");
            if (!lang.isEmpty()) {
                languages.add(lang);
            }
            tracers.add(new AgentPayloadWriter.Tracer(Attrs.get(null, res, "container.id"), lang, "otlp-" + Attrs.get(null, res, "telemetry.sdk.version"),
                    Attrs.getNormalized(null, res, "deployment.environment.name", "deployment.environment"), Hosts.resolve(res, fallbackHost),
                    Attrs.get(null, res, "service.version"), PRIORITY_AUTO_KEEP, kept));
        }
        List<Integer> counts = new ArrayList<>();
        List<byte[]> payloads = split(tracers, counts);
        return new Encoded(payloads, counts.stream().mapToInt(Integer::intValue).toArray(), String.join("|", languages), skipped);
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

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }

    /** Tracer payloads grouped into AgentPayloads of at most {@link #MAX_PAYLOAD_BYTES}. */
    private List<byte[]> split(List<AgentPayloadWriter.Tracer> tracers, List<Integer> spanCounts) {
        List<byte[]> out = new ArrayList<>();
        List<AgentPayloadWriter.Tracer> cur = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int total = 0;
        int spans = 0;
        for (AgentPayloadWriter.Tracer t : tracers) {
            int s = AgentPayloadWriter.tracerSize(t);
            if (!cur.isEmpty() && total + s + 8 > MAX_PAYLOAD_BYTES) {
                out.add(write(cur, sizes));
                spanCounts.add(spans);
                cur = new ArrayList<>();
                sizes = new ArrayList<>();
                total = 0;
                spans = 0;
            }
            cur.add(t);
            sizes.add(s);
            total += s + 8;
            for (List<DdSpan> chunk : t.chunks()) {
                spans += chunk.size();
            }
        }
        if (!cur.isEmpty()) {
            out.add(write(cur, sizes));
            spanCounts.add(spans);
        }
        return out;
    }

    private byte[] write(List<AgentPayloadWriter.Tracer> tracers, List<Integer> sizes) {
        return AgentPayloadWriter.agentPayload(fallbackHost, agentVersion, 10, 10, tracers, sizes.stream().mapToInt(Integer::intValue).toArray());
    }
}
