package io.ottl4j.benchmarks;

import io.ottl4j.collector.exporter.loadbalancing.HashRing;
import io.ottl4j.collector.exporter.loadbalancing.RoutingKey;
import io.ottl4j.collector.exporter.loadbalancing.Router;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agent tier's routing work per batch: 512 spans of 128 traces (4 resources) split over a ring of 3 gateways by
 * trace ID. Baseline: the same hashing and ring search by hand, collecting spans into one list per backend without
 * rebuilding resources and scopes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadBalancingBenchmark {
    private TelemetryBatch<Span> batch;
    private HashRing ring;
    private Router router;
    private int[] positions;
    private int[] owners;

    @Setup
    public void setup() {
        Random r = new Random(1);
        batch = TelemetryBatch.traces();
        for (int res = 0; res < 4; res++) {
            ResourceGroup<Span> rg = batch.addResource();
            rg.resource().attributes().putString("service.name", "svc-" + res);
            ScopeGroup<Span> sg = rg.addScope();
            for (int t = 0; t < 32; t++) {
                TraceId id = TraceId.of(r.nextLong(), r.nextLong());
                for (int s = 0; s < 4; s++) {
                    Span span = new Span();
                    span.setTraceId(id);
                    span.setName("op");
                    sg.items().add(span);
                }
            }
        }
        List<String> endpoints = List.of("10.0.0.1:4317", "10.0.0.2:4317", "10.0.0.3:4317");
        ring = HashRing.of(endpoints);
        router = new Router(RoutingKey.parse("traceID"), List.of());
        // the baseline's ring: positions sorted, owner index per position (same construction)
        positions = new int[300];
        owners = new int[300];
        int n = 0;
        boolean[] taken = new boolean[36_000];
        long[] packed = new long[300];
        for (int e = 0; e < endpoints.size(); e++) {
            byte[] name = endpoints.get(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
                CRC32 crc = new CRC32();
                crc.update(name);
                crc.update(i);
                int pos = (int) (crc.getValue() % 36_000);
                if (!taken[pos]) {
                    taken[pos] = true;
                    packed[n++] = ((long) pos << 8) | e;
                }
            }
        }
        packed = Arrays.copyOf(packed, n);
        Arrays.sort(packed);
        positions = new int[n];
        owners = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = (int) (packed[i] >>> 8);
            owners[i] = (int) (packed[i] & 0xff);
        }
    }

    @Benchmark
    public Map<String, TelemetryBatch<?>> ottl4jRouterSplit() {
        return router.split(batch, ring);
    }

    @Benchmark
    public List<List<Span>> handWrittenSplit() {
        List<List<Span>> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            out.add(new ArrayList<>());
        }
        for (ResourceGroup<Span> rg : batch.resources()) {
            for (ScopeGroup<Span> sg : rg.scopes()) {
                for (Span s : sg.items()) {
                    CRC32 crc = new CRC32();
                    crc.update(s.traceId().bytes());
                    int pos = (int) (crc.getValue() % 36_000);
                    int i = Arrays.binarySearch(positions, pos);
                    if (i < 0) {
                        i = -i - 1;
                    }
                    out.get(owners[i == positions.length ? 0 : i]).add(s);
                }
            }
        }
        return out;
    }
}
