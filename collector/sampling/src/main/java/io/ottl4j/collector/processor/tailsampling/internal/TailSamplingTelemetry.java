package io.ottl4j.collector.processor.tailsampling.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Upstream's {@code otelcol_processor_tail_sampling_*} metrics (its generated documentation.md), with the
 * {@code worker} attribute set to the shard. Attribute sets are built once, so recording costs no allocation.
 */
public final class TailSamplingTelemetry implements AutoCloseable {
    private static final String P = "otelcol_processor_tail_sampling_";
    private static final AttributeKey<String> POLICY = AttributeKey.stringKey("policy");
    private static final AttributeKey<Boolean> SAMPLED = AttributeKey.booleanKey("sampled");
    private static final AttributeKey<String> DECISION = AttributeKey.stringKey("decision");
    private static final AttributeKey<Long> WORKER = AttributeKey.longKey("worker");

    private final boolean enabled;
    private final boolean countSpans;
    private final LongCounter tracesSampled;
    private final LongCounter spansSampled;
    private final LongCounter globalSampled;
    private final LongCounter earlyReleases;
    private final LongCounter newTraces;
    private final LongCounter evaluationErrors;
    private final LongCounter droppedTooEarly;
    private final LongCounter droppedTooLarge;
    private final LongHistogram decisionLatency;
    private final LongHistogram timerLatency;
    private final LongHistogram removalAge;
    private final LongHistogram lateSpanAge;
    private final ObservableLongGauge onMemory;
    /** [policy][decision ordinal] for count_traces_sampled. */
    private final Attributes[][] policyDecision;
    private final Attributes[] policyOnly;
    private final Attributes[] globalByDecision;
    private final Attributes sampledTrue;
    private final Attributes sampledFalse;
    private final Attributes worker;

    public TailSamplingTelemetry(Meter meter, boolean enabled, boolean countSpans, List<String> policies, int shard, LongSupplier tracesOnMemory) {
        this.enabled = enabled;
        this.countSpans = countSpans;
        tracesSampled = meter.counterBuilder(P + "count_traces_sampled").setUnit("{traces}")
                .setDescription("Count of traces that were sampled or not per sampling policy").build();
        spansSampled = meter.counterBuilder(P + "count_spans_sampled").setUnit("{spans}")
                .setDescription("Count of spans that were sampled or not per sampling policy").build();
        globalSampled = meter.counterBuilder(P + "global_count_traces_sampled").setUnit("{traces}")
                .setDescription("Global count of traces that were sampled or not by at least one policy").build();
        earlyReleases = meter.counterBuilder(P + "early_releases_from_cache_decision").setUnit("{spans}")
                .setDescription("Number of spans that were able to be immediately released due to a decision cache hit.").build();
        newTraces = meter.counterBuilder(P + "new_trace_id_received").setUnit("{traces}").setDescription("Counts the arrival of new traces").build();
        evaluationErrors = meter.counterBuilder(P + "sampling_policy_evaluation_error").setUnit("{errors}")
                .setDescription("Count of sampling policy evaluation errors").build();
        droppedTooEarly = meter.counterBuilder(P + "sampling_trace_dropped_too_early").setUnit("{traces}")
                .setDescription("Count of traces that needed to be dropped before the configured wait time").build();
        droppedTooLarge = meter.counterBuilder(P + "traces_dropped_too_large").setUnit("{traces}")
                .setDescription("Count of traces dropped because they exceeded maximum_trace_size_bytes").build();
        decisionLatency = meter.histogramBuilder(P + "sampling_decision_latency").ofLongs().setUnit("µs")
                .setDescription("Latency (in microseconds) of a given sampling policy").build();
        timerLatency = meter.histogramBuilder(P + "sampling_decision_timer_latency").ofLongs().setUnit("ms")
                .setDescription("Latency (in milliseconds) of each run of the sampling decision timer").build();
        removalAge = meter.histogramBuilder(P + "sampling_trace_removal_age").ofLongs().setUnit("s")
                .setDescription("Time (in seconds) from arrival of a new trace until its removal from memory").build();
        lateSpanAge = meter.histogramBuilder(P + "sampling_late_span_age").ofLongs().setUnit("s")
                .setDescription("Time (in seconds) from the sampling decision was taken and the arrival of a late span").build();
        worker = Attributes.of(WORKER, (long) shard);
        onMemory = enabled ? meter.gaugeBuilder(P + "sampling_traces_on_memory").ofLongs().setUnit("{traces}")
                .setDescription("Tracks the number of traces current on memory").buildWithCallback(m -> m.record(tracesOnMemory.getAsLong(), worker)) : null;
        Decision[] all = Decision.values();
        policyDecision = new Attributes[policies.size()][all.length];
        policyOnly = new Attributes[policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            policyOnly[i] = Attributes.of(POLICY, policies.get(i), WORKER, (long) shard);
            for (Decision d : all) {
                policyDecision[i][d.ordinal()] = Attributes.of(POLICY, policies.get(i), SAMPLED, d.samples(), DECISION, d.label(), WORKER, (long) shard);
            }
        }
        globalByDecision = new Attributes[all.length];
        for (Decision d : all) {
            globalByDecision[d.ordinal()] = Attributes.of(SAMPLED, d.samples(), DECISION, d.label(), WORKER, (long) shard);
        }
        sampledTrue = Attributes.of(SAMPLED, true, WORKER, (long) shard);
        sampledFalse = Attributes.of(SAMPLED, false, WORKER, (long) shard);
    }

    public boolean enabled() {
        return enabled;
    }

    public void policyDecision(int policy, Decision d, int spans, long micros) {
        if (enabled) {
            decisionLatency.record(micros, worker);
            tracesSampled.add(1, policyDecision[policy][d.ordinal()]);
            if (countSpans) {
                spansSampled.add(spans, policyDecision[policy][d.ordinal()]);
            }
        }
    }

    public void evaluationError(int policy) {
        if (enabled) {
            evaluationErrors.add(1, policyOnly[policy]);
        }
    }

    public void finalDecision(Decision d) {
        if (enabled) {
            globalSampled.add(1, globalByDecision[d.ordinal()]);
        }
    }

    public void earlyRelease(boolean sampled, int spans) {
        if (enabled) {
            earlyReleases.add(spans, sampled ? sampledTrue : sampledFalse);
        }
    }

    public void newTrace() {
        if (enabled) {
            newTraces.add(1, worker);
        }
    }

    public void droppedTooEarly() {
        if (enabled) {
            droppedTooEarly.add(1, worker);
        }
    }

    public void droppedTooLarge() {
        if (enabled) {
            droppedTooLarge.add(1, worker);
        }
    }

    public void timer(long millis) {
        if (enabled) {
            timerLatency.record(millis, worker);
        }
    }

    public void removal(long ageSeconds) {
        if (enabled) {
            removalAge.record(ageSeconds, worker);
        }
    }

    public void lateSpan(long ageSeconds) {
        if (enabled) {
            lateSpanAge.record(ageSeconds, worker);
        }
    }

    @Override
    public void close() {
        if (onMemory != null) {
            onMemory.close();
        }
    }
}
