package io.ottl4j.benchmarks;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.google.protobuf.CodedOutputStream;
import io.ottl4j.collector.datadog.mapping.DdSpan;
import io.ottl4j.collector.datadog.mapping.SpanMapper;
import io.ottl4j.collector.datadog.mapping.TraceConfig;
import io.ottl4j.collector.datadog.stats.Concentrator;
import io.ottl4j.collector.datadog.stats.SpanStats;
import io.ottl4j.collector.exporter.datadog.TraceEncoder;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-span cost of the Datadog exporter's trace encoding (OTel spans → AgentPayload protobuf bytes, before
 * gzip) and of the connector's APM stats (mapping + concentrator), each beside a hand-written baseline: the
 * baseline encoder writes the same span fields straight to a CodedOutputStream with no mapping rules; the
 * baseline aggregator counts spans per (service, name, resource) in a HashMap and feeds one DDSketch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DatadogBenchmark {
    static final int SPANS = 100;

    private TelemetryBatch<Span> batch;
    private List<Span> spans;
    private AttributeMap resource;
    private InstrumentationScope scope;
    private TraceEncoder encoder;
    private SpanMapper mapper;
    private Concentrator concentrator;
    private SpanStats spanStats;
    private Map<String, long[]> baselineCounts;
    private DDSketch baselineSketch;
    private final byte[] buffer = new byte[1 << 20];

    @Setup
    public void setup() {
        batch = SpanFixtures.traces(SPANS, 7);
        ResourceGroup<Span> rg = batch.resources().get(0);
        ScopeGroup<Span> sg = rg.scopes().get(0);
        spans = new ArrayList<>(sg.items());
        resource = rg.resource().attributes();
        scope = sg.scope();
        TraceConfig cfg = TraceConfig.defaults(false);
        encoder = new TraceEncoder(cfg, "collector-host", "bench");
        mapper = new SpanMapper(cfg);
        concentrator = new Concentrator(10_000_000_000L, true, cfg.peerTagKeys(), 1_700_000_000_000_000_000L);
        spanStats = new SpanStats(TraceConfig.defaults(true), () -> 1_700_000_000_000L, java.util.logging.Logger.getLogger("bench"));
        baselineCounts = new HashMap<>();
        baselineSketch = DDSketches.logarithmicCollapsingLowestDense(0.01, 2048);
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public int exporterEncode() {
        int n = 0;
        for (var p : encoder.encode(batch).payloads()) {
            n += p.length;
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public int handWrittenEncode() throws IOException {
        // the same span fields written straight to one buffer: sizes computed first, no intermediate objects
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        String service = (String) resource.get("service.name");
        for (Span s : spans) {
            AttributeMap a = s.attributes();
            int size = CodedOutputStream.computeStringSize(1, service) + CodedOutputStream.computeStringSize(2, "http.server.request")
                    + CodedOutputStream.computeStringSize(3, s.name()) + CodedOutputStream.computeUInt64Size(4, s.traceId().low())
                    + CodedOutputStream.computeUInt64Size(5, s.spanId().value()) + CodedOutputStream.computeUInt64Size(6, s.parentSpanId().value())
                    + CodedOutputStream.computeInt64Size(7, s.startTimeUnixNano())
                    + CodedOutputStream.computeInt64Size(8, s.endTimeUnixNano() - s.startTimeUnixNano()) + CodedOutputStream.computeStringSize(12, "web");
            String[] values = new String[a.size()];
            for (int i = 0; i < a.size(); i++) {
                values[i] = a.valueAt(i) instanceof String str ? str : String.valueOf(a.valueAt(i));
                int entry = CodedOutputStream.computeStringSize(1, a.keyAt(i)) + CodedOutputStream.computeStringSize(2, values[i]);
                size += CodedOutputStream.computeTagSize(10) + CodedOutputStream.computeUInt32SizeNoTag(entry) + entry;
            }
            out.writeTag(3, 2);
            out.writeUInt32NoTag(size);
            out.writeString(1, service);
            out.writeString(2, "http.server.request");
            out.writeString(3, s.name());
            out.writeUInt64(4, s.traceId().low());
            out.writeUInt64(5, s.spanId().value());
            out.writeUInt64(6, s.parentSpanId().value());
            out.writeInt64(7, s.startTimeUnixNano());
            out.writeInt64(8, s.endTimeUnixNano() - s.startTimeUnixNano());
            for (int i = 0; i < a.size(); i++) {
                out.writeTag(10, 2);
                out.writeUInt32NoTag(CodedOutputStream.computeStringSize(1, a.keyAt(i)) + CodedOutputStream.computeStringSize(2, values[i]));
                out.writeString(1, a.keyAt(i));
                out.writeString(2, values[i]);
            }
            out.writeString(12, "web");
        }
        return out.getTotalBytesWritten();
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public int connectorStats() {
        for (Span s : spans) {
            DdSpan d = mapper.minimal(s, resource, scope);
            d.setTopLevel(true);
            concentrator.add(d);
        }
        return concentrator.openBuckets();
    }

    /** The connector's whole traces → stats path per span: marks check, chunks by trace, top-level, concentrator. */
    @Benchmark
    @OperationsPerInvocation(SPANS)
    public Object connectorSpanStats() {
        spanStats.add(batch);
        return spanStats;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS)
    public int handWrittenStats() {
        for (Span s : spans) {
            String key = resource.get("service.name") + "|" + s.name() + "|" + s.kind();
            long[] c = baselineCounts.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            long d = s.endTimeUnixNano() - s.startTimeUnixNano();
            c[1] += d;
            baselineSketch.accept(d);
        }
        return baselineCounts.size();
    }
}
