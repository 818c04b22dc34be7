package io.ottl4j.collector.processor.tailsampling;

import static io.ottl4j.collector.processor.tailsampling.TestTraces.batch;
import static io.ottl4j.collector.processor.tailsampling.TestTraces.id;
import static io.ottl4j.collector.processor.tailsampling.TestTraces.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The processor driven by hand: a manual clock and explicit ticks, never sleeps. */
class TailSamplingProcessorTest {
    private static final String ERRORS = "{name: errors, type: status_code, status_code: {status_codes: [ERROR]}}";
    private final AtomicLong now = new AtomicLong(1_700_000_000_000_000_000L);
    private final Sink sink = new Sink();

    private TailSamplingProcessor processor(String settings, Set<String> gates) throws Exception {
        var cfg = TestComponents.decode(new TailSamplingProcessorFactory(), settings);
        CreateSettings cs = new CreateSettings(ComponentId.parse("tail_sampling"), Kind.PROCESSOR, SelfTelemetry.noop(), gates, "test");
        return new TailSamplingProcessor(cs, cfg, sink, now::get, false);
    }

    private TailSamplingProcessor processor(String settings) throws Exception {
        return processor(settings, Set.of());
    }

    private void ticks(TailSamplingProcessor p, int n) {
        for (int i = 0; i < n; i++) {
            now.addAndGet(1_000_000_000L);
            p.tick();
        }
    }

    private List<TraceId> delivered() {
        return traceIds(new ArrayList<>(sink.batches()));
    }

    @Test
    void decidesAfterDecisionWaitAndForwardsOnlySampledTraces() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 3s\npolicies: [" + ERRORS + "]");
        p.consume(batch(id(1), TestTraces::plain, TestTraces::error));
        p.consume(batch(id(2), TestTraces::plain));
        ticks(p, 2);
        assertThat(sink.batches()).isEmpty();
        p.consume(batch(id(1), TestTraces::plain)); // still within the wait: buffered with the rest
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(1), id(1), id(1));
        // the resource and scope are copied onto the released batch
        TelemetryBatch<Span> out = sink.batches().get(0).asTraces();
        assertThat(out.resources().get(0).resource().attributes().get("service.name")).isEqualTo("svc");
        assertThat(out.resources().get(0).scopes().get(0).scope().name()).isEqualTo("lib");
    }

    @Test
    void lateSpansFollowTheRememberedDecisionWithoutACache() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 1s\npolicies: [" + ERRORS + "]");
        p.consume(batch(id(1), TestTraces::error));
        p.consume(batch(id(2), TestTraces::plain));
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(1));
        p.consume(batch(id(1), TestTraces::plain)); // late span of a kept trace: forwarded at once
        p.consume(batch(id(2), TestTraces::error)); // late span of a dropped trace: dropped, even if it is an error
        assertThat(delivered()).containsExactly(id(1), id(1));
        ticks(p, 3);
        assertThat(delivered()).containsExactly(id(1), id(1));
        assertThat(p.tracesInMemory()).isEqualTo(2); // decisions kept until num_traces pressure
    }

    @Test
    void decisionCachesRememberAfterTheTraceLeftMemory() throws Exception {
        TailSamplingProcessor p = processor("""
                decision_wait: 1s
                num_traces: 2
                decision_cache: {sampled_cache_size: 100, non_sampled_cache_size: 100}
                policies: [%s]
                """.formatted(ERRORS));
        p.consume(batch(id(1), TestTraces::error));
        p.consume(batch(id(2), TestTraces::plain));
        ticks(p, 1);
        assertThat(p.tracesInMemory()).isZero(); // removed at once, IDs cached
        for (long i = 10; i < 20; i++) { // churn that would have evicted remembered decisions
            p.consume(batch(id(i), TestTraces::plain));
            ticks(p, 1);
        }
        sink.batches().clear();
        p.consume(batch(id(1), TestTraces::plain));
        p.consume(batch(id(2), TestTraces::error));
        assertThat(delivered()).containsExactly(id(1));
    }

    @Test
    void withoutACacheAForgottenTraceStartsOver() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 1s\nnum_traces: 1\npolicies: [" + ERRORS + "]");
        p.consume(batch(id(1), TestTraces::plain));
        ticks(p, 1); // not sampled, decision remembered
        p.consume(batch(id(2), TestTraces::plain)); // evicts trace 1's decision
        ticks(p, 1);
        p.consume(batch(id(1), TestTraces::error)); // a new trace now
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(1));
    }

    @Test
    void evictsTheOldestUndecidedTraceWhenFull() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 5s\nnum_traces: 2\npolicies: [{name: all, type: always_sample}]");
        p.consume(batch(id(1), TestTraces::plain));
        p.consume(batch(id(2), TestTraces::plain));
        p.consume(batch(id(3), TestTraces::plain)); // trace 1 is dropped too early
        assertThat(p.tracesInMemory()).isEqualTo(2);
        ticks(p, 5);
        assertThat(delivered()).containsExactlyInAnyOrder(id(2), id(3));
    }

    @Test
    void blockOnOverflowWaitsForADecisionInsteadOfEvicting() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 1s\nnum_traces: 1\nblock_on_overflow: true\npolicies: [{name: all, type: always_sample}]");
        p.consume(batch(id(1), TestTraces::plain));
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> p.consume(batch(id(2), TestTraces::plain)));
        // the producer cannot finish before trace 1 is decided (bounded wait for the negative: it must still be running)
        assertThat(blocked).isNotDone();
        ticks(p, 1); // trace 1 decided and released: its entry may be evicted now
        blocked.get(30, TimeUnit.SECONDS);
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(1), id(2));
    }

    @Test
    void rootSpanShortensTheWait() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 10s\ndecision_wait_after_root_received: 2s\npolicies: [{name: all, type: always_sample}]");
        p.consume(batch(id(1), TestTraces::plain));
        p.consume(batch(id(2), TestTraces::plain));
        p.consume(batch(id(1), TestTraces::root));
        ticks(p, 2);
        assertThat(delivered()).containsExactly(id(1), id(1));
        ticks(p, 8);
        assertThat(delivered()).containsExactly(id(1), id(1), id(2));
    }

    @Test
    void tracesAboveTheSizeLimitAreDroppedAtOnce() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 2s\nmaximum_trace_size_bytes: 300\npolicies: [{name: all, type: always_sample}]");
        p.consume(batch(id(1), s -> s.attributes().putString("big", "x".repeat(400))));
        p.consume(batch(id(2), TestTraces::plain));
        p.consume(batch(id(1), TestTraces::plain)); // late span of a dropped trace
        ticks(p, 2);
        assertThat(delivered()).containsExactly(id(2));
    }

    @Test
    void shutdownDecidesPendingTracesUnlessToldToDropThem() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 30s\npolicies: [" + ERRORS + "]");
        p.consume(batch(id(1), TestTraces::error));
        p.consume(batch(id(2), TestTraces::plain));
        p.shutdown();
        assertThat(delivered()).containsExactly(id(1));
        Sink other = new Sink();
        var cfg = TestComponents.decode(new TailSamplingProcessorFactory(), "drop_pending_traces_on_shutdown: true\npolicies: [" + ERRORS + "]");
        TailSamplingProcessor q = new TailSamplingProcessor(TestComponents.settings(Kind.PROCESSOR, "tail_sampling"), cfg, other, now::get, false);
        q.consume(batch(id(1), TestTraces::error));
        q.shutdown();
        assertThat(other.batches()).isEmpty();
    }

    @Test
    void dropWinsOverSampledAndInvertNotSampledOverSampled() throws Exception {
        TailSamplingProcessor p = processor("""
                decision_wait: 1s
                policies:
                  - {name: all, type: always_sample}
                  - {name: no-health, type: drop, drop: {drop_sub_policy: [{name: h, type: string_attribute, string_attribute: {key: route, values: [/health]}}]}}
                  - {name: not-debug, type: boolean_attribute, boolean_attribute: {key: debug, value: true, invert_match: true}}
                """);
        p.consume(batch(id(1), s -> s.attributes().putString("route", "/health")));
        p.consume(batch(id(2), s -> s.attributes().putBool("debug", true)));
        p.consume(batch(id(3), TestTraces::plain));
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(3));
    }

    @Test
    void invertSampledCountsOnlyWithoutANotSampled() throws Exception {
        String inverted = "{name: inv, type: string_attribute, string_attribute: {key: k, values: [x], invert_match: true}}";
        TailSamplingProcessor alone = processor("decision_wait: 1s\npolicies: [" + inverted + "]");
        alone.consume(batch(id(1), TestTraces::plain));
        ticks(alone, 1);
        assertThat(delivered()).containsExactly(id(1));
        sink.batches().clear();
        TailSamplingProcessor withNo = processor("decision_wait: 1s\npolicies: [" + inverted + ", " + ERRORS + "]");
        withNo.consume(batch(id(1), TestTraces::plain));
        ticks(withNo, 1);
        assertThat(delivered()).isEmpty();
    }

    @Test
    void recordPolicyGateNamesTheSamplingPolicy() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 1s\npolicies: [" + ERRORS + ", {name: all, type: always_sample}]",
                Set.of(TailSamplingProcessor.GATE_RECORD_POLICY));
        p.consume(batch(id(1), TestTraces::error));
        p.consume(batch(id(2), TestTraces::plain));
        ticks(p, 1);
        List<Object> policies = new ArrayList<>();
        for (TelemetryBatch<?> b : sink.batches()) {
            b.asTraces().resources().forEach(rg -> rg.scopes().forEach(sg -> policies.add(sg.scope().attributes().get("tailsampling.policy"))));
        }
        assertThat(policies).containsExactlyInAnyOrder("errors", "all");
    }

    @Test
    void shardsDecideIndependently() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 2s\nnum_shards: 4\nnum_traces: 8\npolicies: [{name: all, type: always_sample}]");
        // two traces per shard: each shard holds num_traces / num_shards = 2
        List<TraceId> ids = new ArrayList<>();
        int[] perShard = new int[4];
        for (long i = 0; ids.size() < 8; i++) {
            TraceId t = id(i * 7919);
            if (perShard[TailSamplingProcessor.shardOf(t, 4)]++ < 2) {
                ids.add(t);
            }
        }
        p.consume(TestTraces.batchOf(ids, TestTraces::plain));
        ticks(p, 2);
        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void spanIngestReleasesAsSoonAsAPolicySamples() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 5s\nsampling_strategy: span-ingest\npolicies: [" + ERRORS + "]");
        p.consume(batch(id(1), TestTraces::plain));
        p.consume(batch(id(2), TestTraces::plain));
        assertThat(sink.batches()).isEmpty();
        p.consume(batch(id(1), TestTraces::error)); // sampled now: both spans go
        assertThat(delivered()).containsExactly(id(1), id(1));
        p.consume(batch(id(1), TestTraces::plain)); // and later ones at once
        assertThat(delivered()).hasSize(3);
        ticks(p, 5); // trace 2 times out not sampled
        assertThat(delivered()).hasSize(3);
    }

    @Test
    void sampleOnFirstMatchStopsAtTheFirstSampled() throws Exception {
        TailSamplingProcessor p = processor("decision_wait: 1s\nsample_on_first_match: true\npolicies: [{name: all, type: always_sample}, "
                + "{name: d, type: not, not: {not_sub_policy: {name: a, type: always_sample}}}]", Set.of(TailSamplingProcessor.GATE_RECORD_POLICY));
        p.consume(batch(id(1), TestTraces::plain));
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(1));
    }

    @Test
    void anEvaluationErrorIsIgnored() throws Exception {
        TailSamplingProcessor p = processor("""
                decision_wait: 1s
                policies:
                  - {name: bad, type: ottl_condition, ottl_condition: {error_mode: propagate, span: ['Int(attributes["n"]) > 1']}}
                  - {name: all, type: always_sample}
                """);
        p.consume(batch(id(1), s -> s.attributes().putString("n", "not a number")));
        ticks(p, 1);
        assertThat(delivered()).containsExactly(id(1));
    }
}
