package io.ottl4j.collector.processor.probabilisticsampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code probabilistic_sampler}: upstream's test tables (tracesprocessor_test.go: TraceState,
 * TraceStateErrors, HashSeedTraceState) give the same decisions and the same tracestate here; hash_seed
 * decisions are checked bit for bit against an independent FNV-1a 32 computation.
 */
class ProbabilisticSamplerTest {
    private static final ProbabilisticSamplerProcessorFactory FACTORY = new ProbabilisticSamplerProcessorFactory();
    private static final TraceId DEFAULT_TID = TraceId.fromHex("fefefefefefefefefe80000000000000");
    private static final TraceId IMPROBABLE = TraceId.fromHex("111111111111111111ffffffffffffff");

    private static ProcessorFactory.Processor processor(String yaml, Signal signal, Sink sink) throws Exception {
        var cfg = TestComponents.decode(FACTORY, yaml);
        return FACTORY.create(TestComponents.settings(Kind.PROCESSOR, "probabilistic_sampler"), cfg, signal, sink);
    }

    private static TelemetryBatch<Span> span(TraceId tid, String traceState, Consumer<Span> more) {
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        Span s = new Span();
        s.setTraceId(tid);
        s.setSpanId(SpanId.of(0xfefefefeL));
        s.setTraceState(traceState);
        more.accept(s);
        b.addResource().addScope().items().add(s);
        return b;
    }

    /** The tracestate of the one span that came out, or null when it was dropped. */
    private static String run(String yaml, TraceId tid, String ts, Consumer<Span> more) throws Exception {
        Sink sink = new Sink();
        processor(yaml, Signal.TRACES, sink).consume(span(tid, ts, more));
        if (sink.batches().isEmpty()) {
            return null;
        }
        return sink.only().asTraces().resources().get(0).scopes().get(0).items().get(0).traceState();
    }

    /**
     * Upstream's Test_tracesamplerprocessor_TraceState: name, tid, percentage, precision (14 where upstream
     * leaves it 0, i.e. full precision), tracestate in, expected out per mode ("-" = dropped).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            100 percent                     | null                             | 100    | 14 | ''                                    | ot=th:0 | ot=th:0
            50 percent sampled              | null                             | 50     | 14 | ''                                    | ot=th:8 | ot=th:8
            25 percent sampled              | ddddddddddddddddddc0000000000000 | 25     | 14 | ''                                    | ot=th:c | ot=th:c
            25 percent unsampled            | ddddddddddddddddddb0000000000000 | 25     | 14 | ''                                    | - | -
            1 percent sampled               | null                             | 1      | 14 | ot=rv:FD70A3D70A3D71                  | ot=rv:FD70A3D70A3D71;th:fd70a3d70a3d71 | ot=rv:FD70A3D70A3D71;th:fd70a3d70a3d71
            1 percent precision 4           | null                             | 1      | 4  | ot=rv:FD70A3D70A3D71                  | ot=rv:FD70A3D70A3D71;th:fd70a | ot=rv:FD70A3D70A3D71;th:fd70a
            1 percent precision 3           | null                             | 1      | 3  | ot=rv:FD70A3D70A3D71                  | - | -
            1 percent not sampled with rv   | null                             | 1      | 14 | ot=rv:FD70A3D70A3D70                  | - | -
            49 percent not sampled          | null                             | 49     | 14 | ''                                    | - | -
            1 percent sampled with rv       | null                             | 1      | 14 | ot=rv:fd70B000000000                  | ot=rv:fd70B000000000;th:fd70a3d70a3d71 | ot=rv:fd70B000000000;th:fd70a3d70a3d71
            1 percent sampled with tid      | a0a0a0a0a0a0a0a0a0fe000000000000 | 1      | 4  | ''                                    | ot=th:fd70a | ot=th:fd70a
            incoming 50 percent with rv     | null                             | 50     | 14 | ot=rv:90000000000000;th:80000000000000 | ot=rv:90000000000000;th:8 | -
            incoming 50 at 25 not sampled   | null                             | 25     | 14 | ot=th:8                               | - | -
            incoming 50 at 25 sampled       | ffffffffffffffffffffffffffffffff | 25     | 14 | ot=th:8                               | ot=th:c | ot=th:e
            equalizing vs proportional      | null                             | 50     | 14 | ot=rv:c0000000000000;th:8             | ot=rv:c0000000000000;th:8 | ot=rv:c0000000000000;th:c
            40 percent precision 3 with rv  | null                             | 40     | 3  | ot=rv:a0000000000000                  | ot=rv:a0000000000000;th:99a | ot=rv:a0000000000000;th:99a
            arriving 50 at 40 precision 6   | a0a0a0a0a0a0a0a0a0d0000000000000 | 40     | 6  | ot=th:8                               | ot=th:99999a | ot=th:cccccd
            arriving 50 at 40 partly        | a0a0a0a0a0a0a0a0a0b0000000000000 | 40     | 3  | ot=th:8                               | ot=th:99a | -
            arriving 50 at 40 not sampled   | a0a0a0a0a0a0a0a0a080000000000000 | 40     | 3  | ot=th:8                               | - | -
            200 percent equals 100          | null                             | 200    | 14 | ''                                    | ot=th:0 | ot=th:0
            tiny probability rounding       | 111111111111111111ffffffffffffff | 0.006103515625 | 14 | ot=th:fffc                  | ot=th:fffc | ot=th:fffffff
            almost 100pct sampling          | 111111111111111111ffffffffffffff | 99.99992 | 10 | ''                                 | ot=th:00000cccccccd | ot=th:00000cccccccd
            probability underflow           | 111111111111111111ffffffffffffff | 0.0625 | 14 | ot=th:fffffffffffff8                  | ot=th:fffffffffffff8 | -
            """)
    void upstreamTraceStateTable(String name, String tid, String pct, int precision, String ts, String equalizing, String proportional) throws Exception {
        TraceId id = tid == null ? DEFAULT_TID : TraceId.fromHex(tid);
        for (String mode : new String[] {"equalizing", "proportional"}) {
            String yaml = "sampling_percentage: " + pct + "\nmode: " + mode + "\nsampling_precision: " + precision + "\nfail_closed: false\n";
            String expected = mode.equals("equalizing") ? equalizing : proportional;
            assertThat(run(yaml, id, ts, s -> { })).as(mode).isEqualTo(expected.equals("-") ? null : expected);
        }
    }

    @Test
    void samplingPriorityOverridesTheDecision() throws Exception {
        String yaml = "sampling_percentage: 1\nmode: proportional\n";
        assertThat(run(yaml, DEFAULT_TID, "", s -> s.attributes().putLong("sampling.priority", 2))).isEqualTo("ot=th:0");
        assertThat(run("sampling_percentage: 99\nmode: proportional\n", DEFAULT_TID, "", s -> s.attributes().putLong("sampling.priority", 0))).isNull();
        assertThat(run("sampling_percentage: 0\n", DEFAULT_TID, "", s -> s.attributes().putString("sampling.priority", "0.5"))).isNotNull();
    }

    @Test
    void inconsistentArrivingThresholdIsClearedWhenFailingOpen() throws Exception {
        for (String mode : new String[] {"equalizing", "proportional"}) {
            assertThat(run("sampling_percentage: 100\nmode: " + mode + "\nfail_closed: false\n", DEFAULT_TID, "ot=rv:40000000000000;th:8", s -> { }))
                    .isEqualTo("ot=rv:40000000000000;th:0");
            assertThat(run("sampling_percentage: 1\nmode: " + mode + "\nfail_closed: true\n", DEFAULT_TID, "ot=rv:40000000000000;th:8", s -> { })).isNull();
        }
    }

    /** Upstream's Test_tracesamplerprocessor_TraceStateErrors: with fail_closed every one is dropped. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            00000000000000000000000000000000 | ''
            fefefefefefefefefe80000000000000 | ot=rv:abababababababab
            fefefefefefefefefe80000000000000 | ot=th:abababababababab
            fefefefefefefefefe80000000000000 | ot=th:-1
            ffffffffffffffffff70000000000000 | ot=th:8
            """)
    void errorsFailClosed(String tid, String ts) throws Exception {
        for (String mode : new String[] {"equalizing", "proportional"}) {
            assertThat(run("sampling_percentage: 100\nmode: " + mode + "\n", TraceId.fromHex(tid), ts, s -> { })).as(mode).isNull();
        }
    }

    /** Upstream's Test_tracesamplerprocessor_HashSeedTraceState: the th written for each percentage, and an rv that passes it. */
    @ParameterizedTest
    @CsvSource({"100, 0", "75, 4", "50, 8", "25, c", "10, e668", "33.333332, aaac"})
    void hashSeedWritesThresholdAndRandomness(String pct, String tvout) throws Exception {
        Random r = new Random(42);
        int found = 0;
        for (int i = 0; found < 10 && i < 10_000; i++) {
            String ts = run("sampling_percentage: " + pct + "\nmode: hash_seed\nhash_seed: 4242\n", TraceId.of(r.nextLong(), r.nextLong()), "", s -> { });
            if (ts == null) {
                continue;
            }
            found++;
            assertThat(ts).matches("ot=rv:[0-9a-f]{14};th:" + tvout);
            long rv = Long.parseLong(ts.substring(6, 20), 16);
            assertThat(rv).isGreaterThanOrEqualTo(Threshold.parseTValue(tvout));
        }
        assertThat(found).isEqualTo(10);
    }

    /** hash_seed decisions and rv values computed independently (FNV-1a 32 over seed LE ‖ trace ID). */
    @ParameterizedTest
    @CsvSource({
        "0, 0123456789abcdef0123456789abcdef, false, ",
        "0, 4bf92f3577b34da6a3ce929d0e0e4736, true, fdc8d0b520408d",
        "0, ffffffffffffffffffffffffffffffff, true, aae8a4411a1545",
        "22, 0123456789abcdef0123456789abcdef, false, ",
        "22, ffffffffffffffffffffffffffffffff, false, ",
        "3735928559, 4bf92f3577b34da6a3ce929d0e0e4736, true, bcb17684b650d3",
        "3735928559, ffffffffffffffffffffffffffffffff, false, "})
    void hashSeedBitCompatible(long seed, String tid, boolean sampled, String rv) throws Exception {
        String ts = run("sampling_percentage: 50\nhash_seed: " + seed + "\n", TraceId.fromHex(tid), "", s -> { });
        assertThat(ts != null).isEqualTo(sampled);
        if (sampled) {
            assertThat(ts).isEqualTo("ot=rv:" + rv + ";th:8");
        }
    }

    @Test
    void fnv32MatchesThePublishedVector() {
        // FNV-1a 32 of "a" is 0xe40c292c; with the seed bytes in front the function is upstream's computeHash
        int h = 0x811c9dc5;
        h = (h ^ 'a') * 0x01000193;
        assertThat(h).isEqualTo(0xe40c292c);
        assertThat(Sampler.hash32(new byte[0], 0)).isEqualTo(0x4b95f515); // four zero bytes
    }

    @ParameterizedTest
    @CsvSource({"hash_seed, 25", "proportional, 10", "equalizing, 33"})
    void rateOverManyTraces(String mode, double pct) throws Exception {
        Sink sink = new Sink();
        ProcessorFactory.Processor p = processor("sampling_percentage: " + pct + "\nmode: " + mode + "\n", Signal.TRACES, sink);
        Random r = new Random(7);
        int n = 100_000;
        for (int chunk = 0; chunk < 100; chunk++) {
            TelemetryBatch<Span> b = TelemetryBatch.traces();
            ScopeGroup<Span> sg = b.addResource().addScope();
            for (int i = 0; i < n / 100; i++) {
                Span s = new Span();
                s.setTraceId(TraceId.of(r.nextLong(), r.nextLong() | 1));
                sg.items().add(s);
            }
            p.consume(b);
        }
        int kept = sink.batches().stream().mapToInt(TelemetryBatch::itemCount).sum();
        double q = pct / 100;
        double sigma = Math.sqrt(n * q * (1 - q));
        assertThat((double) kept).isBetween(n * q - 5 * sigma, n * q + 5 * sigma);
    }

    private static TelemetryBatch<LogRecord> log(TraceId tid, Consumer<LogRecord> more) {
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        LogRecord l = new LogRecord();
        l.setTraceId(tid);
        more.accept(l);
        b.addResource().addScope().items().add(l);
        return b;
    }

    private static LogRecord runLog(String yaml, TelemetryBatch<LogRecord> in) throws Exception {
        Sink sink = new Sink();
        processor(yaml, Signal.LOGS, sink).consume(in);
        return sink.batches().isEmpty() ? null : sink.only().asLogs().resources().get(0).scopes().get(0).items().get(0);
    }

    @Test
    void logsByTraceIdWriteThresholdAndRandomnessAttributes() throws Exception {
        LogRecord kept = runLog("sampling_percentage: 50\n", log(TraceId.fromHex("4bf92f3577b34da6a3ce929d0e0e4736"), l -> { }));
        assertThat(kept).isNotNull();
        assertThat(kept.attributes().get("sampling.threshold")).isEqualTo("8");
        assertThat(kept.attributes().get("sampling.randomness")).isEqualTo("fdc8d0b520408d");
        assertThat(runLog("sampling_percentage: 50\n", log(TraceId.fromHex("0123456789abcdef0123456789abcdef"), l -> { }))).isNull();
        LogRecord proportional = runLog("sampling_percentage: 50\nmode: proportional\n", log(DEFAULT_TID, l -> { }));
        assertThat(proportional.attributes().get("sampling.threshold")).isEqualTo("8");
        assertThat(proportional.attributes().get("sampling.randomness")).isNull();
    }

    @Test
    void logsByRecordAttribute() throws Exception {
        String yaml = "sampling_percentage: 50\nattribute_source: record\nfrom_attribute: request.id\n";
        // the attribute's bytes are hashed like a trace ID: same seed, same decision
        byte[] id = TraceId.fromHex("4bf92f3577b34da6a3ce929d0e0e4736").bytes();
        assertThat(runLog(yaml, log(TraceId.EMPTY, l -> l.attributes().putBytes("request.id", id)))).isNotNull();
        String s = "some-request-id";
        boolean expected = (Sampler.hash32(s.getBytes(StandardCharsets.UTF_8), 0) & 0x3fff) < 8192;
        assertThat(runLog(yaml, log(TraceId.EMPTY, l -> l.attributes().putString("request.id", s))) != null).isEqualTo(expected);
        // no randomness at all: fail_closed (the default) drops it
        assertThat(runLog(yaml, log(TraceId.EMPTY, l -> { }))).isNull();
        assertThat(runLog(yaml + "fail_closed: false\n", log(TraceId.EMPTY, l -> { }))).isNotNull();
    }

    @Test
    void logsSamplingPriorityIsAPercentage() throws Exception {
        String yaml = "sampling_percentage: 0.01\nmode: proportional\nsampling_priority: priority\n";
        // randomness 0x80000000000000: passes a 100% or 60% priority, not a 40% one
        assertThat(runLog(yaml, log(DEFAULT_TID, l -> l.attributes().putLong("priority", 100)))).isNotNull();
        assertThat(runLog(yaml, log(DEFAULT_TID, l -> l.attributes().putDouble("priority", 60.0)))).isNotNull();
        assertThat(runLog(yaml, log(DEFAULT_TID, l -> l.attributes().putLong("priority", 40)))).isNull();
        assertThat(runLog(yaml, log(DEFAULT_TID, l -> { }))).isNull();
    }

    @Test
    void configErrorsAsUpstream() {
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: -1")).anyMatch(p -> p.contains("sampling rate is negative"));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 1e-20")).anyMatch(p -> p.contains("sampling rate is too small"));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 1\nmode: fast")).anyMatch(p -> p.contains("unsupported sampler mode \"fast\""));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 1\nsampling_precision: 0")).anyMatch(p -> p.contains("invalid sampling precision: 0"));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 1\nsampling_precision: 15"))
                .anyMatch(p -> p.contains("sampling precision is too great, should be <= 14: 15"));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 1\nattribute_source: span")).anyMatch(p -> p.contains("invalid attribute source"));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 1\nbogus: 1")).anyMatch(p -> p.contains("bogus"));
        assertThat(TestComponents.problems(FACTORY, "sampling_percentage: 15.3\nhash_seed: 22")).isEmpty();
    }
}
