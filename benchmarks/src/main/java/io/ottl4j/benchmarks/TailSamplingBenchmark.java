package io.ottl4j.benchmarks;

import io.ottl4j.collector.processor.tailsampling.DecisionMaker;
import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import io.ottl4j.collector.processor.tailsampling.policy.NanoClock;
import io.ottl4j.collector.processor.tailsampling.policy.ProbabilisticPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decision cost per trace of {@code tail_sampling} (upstream's BenchmarkSampling decides 128 traces per op
 * with one always_sample policy: ≈179 ns per trace on an M1 Max). Three policy sets, each beside a
 * hand-written Java method doing the same checks: the seed's two policies (status_code ERROR, then
 * probabilistic 0.1%), a composite of five sub-policies, and always_sample alone. Scores are per trace.
 * The seed has two baselines: one walks the spans for an ERROR status, the other reads the per-trace status
 * summary that {@code TraceData} keeps as spans arrive (what {@code status_code} does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TailSamplingBenchmark {
    static final String SEED = """
            policies:
              - {name: errors-policy, type: status_code, status_code: {status_codes: [ERROR]}}
              - {name: randomized-policy, type: probabilistic, probabilistic: {sampling_percentage: 0.1}}
            """;
    static final String COMPOSITE = """
            policies:
              - name: composite
                type: composite
                composite:
                  max_total_spans_per_second: 1000000000
                  policy_order: [errors, slow, route, status, random]
                  composite_sub_policy:
                    - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}
                    - {name: slow, type: latency, latency: {threshold_ms: 5000}}
                    - {name: route, type: string_attribute, string_attribute: {key: http.route, values: [/api/v1/admin]}}
                    - {name: status, type: numeric_attribute, numeric_attribute: {key: http.response.status_code, min_value: 500, max_value: 599}}
                    - {name: random, type: probabilistic, probabilistic: {sampling_percentage: 1}}
                  rate_allocation:
                    - {policy: errors, percent: 40}
                    - {policy: slow, percent: 20}
                    - {policy: route, percent: 10}
                    - {policy: status, percent: 10}
                    - {policy: random, percent: 20}
            """;
    static final String ALWAYS = "policies: [{name: all, type: always_sample}]\n";

    private TraceData[] traces;
    private DecisionMaker seed;
    private DecisionMaker composite;
    private DecisionMaker always;
    private long saltState;
    private long threshold01;
    private long threshold1;
    private final long[] counters = new long[5];
    private long second = -1;

    @Setup
    public void setup() {
        traces = SamplingFixtures.traces();
        NanoClock clock = NanoClock.SYSTEM;
        seed = new DecisionMaker(SamplingFixtures.config(SEED).policies(), clock, false, false);
        composite = new DecisionMaker(SamplingFixtures.config(COMPOSITE).policies(), clock, false, false);
        always = new DecisionMaker(SamplingFixtures.config(ALWAYS).policies(), clock, false, false);
        long h = 0xcbf29ce484222325L;
        for (byte b : "default-hash-seed".getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        saltState = h;
        // the thresholds are data, not code: the baseline takes them from the policy as a config would
        threshold01 = new ProbabilisticPolicy("", 0.1).threshold();
        threshold1 = new ProbabilisticPolicy("", 1).threshold();
    }

    @Benchmark
    @OperationsPerInvocation(SamplingFixtures.TRACES)
    public void seedPolicies(Blackhole bh) {
        for (TraceData t : traces) {
            bh.consume(seed.decide(t, null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SamplingFixtures.TRACES)
    public void seedHandWritten(Blackhole bh) {
        for (TraceData t : traces) {
            bh.consume(hasError(t) || Long.compareUnsigned(hash(t.traceId()), threshold01) <= 0);
        }
    }

    /** The same, with the per-trace status summary the processor keeps as spans arrive. */
    @Benchmark
    @OperationsPerInvocation(SamplingFixtures.TRACES)
    public void seedHandWrittenSummary(Blackhole bh) {
        for (TraceData t : traces) {
            bh.consume((t.statusMask() & 4) != 0 || Long.compareUnsigned(hash(t.traceId()), threshold01) <= 0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SamplingFixtures.TRACES)
    public void compositeFivePolicies(Blackhole bh) {
        for (TraceData t : traces) {
            bh.consume(composite.decide(t, null));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SamplingFixtures.TRACES)
    public void compositeHandWritten(Blackhole bh) {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            java.util.Arrays.fill(counters, 0);
        }
        for (TraceData t : traces) {
            int which = hasError(t) ? 0 : slow(t) ? 1 : anyString(t, "http.route", "/api/v1/admin") ? 2
                    : anyLongIn(t, "http.response.status_code", 500, 599) ? 3 : Long.compareUnsigned(hash(t.traceId()), threshold1) <= 0 ? 4 : -1;
            boolean keep = false;
            if (which >= 0) {
                long after = counters[which] + t.spanCount();
                if (after <= 200_000_000L) {
                    counters[which] = after;
                    keep = true;
                }
            }
            bh.consume(keep ? Decision.SAMPLED : Decision.NOT_SAMPLED);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SamplingFixtures.TRACES)
    public void alwaysSample(Blackhole bh) {
        for (TraceData t : traces) {
            bh.consume(always.decide(t, null));
        }
    }

    private static boolean hasError(TraceData t) {
        for (TraceData.Chunk c : t.chunks()) {
            for (Span s : c.spans()) {
                if (s.status().code() == 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean slow(TraceData t) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (TraceData.Chunk c : t.chunks()) {
            for (Span s : c.spans()) {
                min = Math.min(min, s.startTimeUnixNano());
                max = Math.max(max, s.endTimeUnixNano());
            }
        }
        return (max - min) / 1_000_000 >= 5000;
    }

    private static boolean anyString(TraceData t, String key, String value) {
        for (TraceData.Chunk c : t.chunks()) {
            if (value.equals(c.resource().resource().attributes().get(key))) {
                return true;
            }
            for (Span s : c.spans()) {
                if (value.equals(s.attributes().get(key))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyLongIn(TraceData t, String key, long min, long max) {
        for (TraceData.Chunk c : t.chunks()) {
            AttributeMap r = c.resource().resource().attributes();
            if (r.get(key) instanceof Long l && l >= min && l <= max) {
                return true;
            }
            for (Span s : c.spans()) {
                if (s.attributes().get(key) instanceof Long l && l >= min && l <= max) {
                    return true;
                }
            }
        }
        return false;
    }

    private long hash(TraceId id) {
        long h = saltState;
        long hi = id.high();
        long lo = id.low();
        for (int shift = 56; shift >= 0; shift -= 8) {
            h = (h ^ ((hi >>> shift) & 0xFF)) * 0x100000001b3L;
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            h = (h ^ ((lo >>> shift) & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
