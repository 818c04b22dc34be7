package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.collector.processor.tailsampling.internal.TailSamplingTelemetry;
import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import io.ottl4j.collector.processor.tailsampling.policy.NanoClock;
import io.ottl4j.collector.processor.tailsampling.policy.PolicyEvaluator;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the policies over one trace and combines their answers with upstream's precedence: drop policies run
 * first and a Dropped answer ends the evaluation and wins; then InvertNotSampled (not sampled); then
 * Sampled; then InvertSampled when no policy said NotSampled; otherwise not sampled. An evaluation error is
 * counted and ignored. With {@code sample_on_first_match} the first Sampled ends the evaluation.
 */
public final class DecisionMaker {
    private static final Logger LOG = Logger.getLogger(DecisionMaker.class.getName());
    private final String[] names;
    private final PolicyEvaluator[] policies;
    private final boolean firstMatch;

    public DecisionMaker(List<PolicySpec> specs, NanoClock clock, boolean disableInvertDecisions, boolean sampleOnFirstMatch) {
        List<PolicySpec> ordered = new ArrayList<>();
        specs.stream().filter(PolicySpec::isDrop).forEach(ordered::add);
        specs.stream().filter(s -> !s.isDrop()).forEach(ordered::add);
        names = new String[ordered.size()];
        policies = new PolicyEvaluator[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            names[i] = ordered.get(i).name();
            policies[i] = ordered.get(i).builder().build(clock, disableInvertDecisions);
        }
        this.firstMatch = sampleOnFirstMatch;
    }

    /** Policy names in evaluation order (drop policies first). */
    public List<String> names() {
        return List.of(names);
    }

    /** Policy {@code i}'s answer, or null after an evaluation error (counted and logged at debug level). */
    private Decision evaluate(int i, TraceData trace, TailSamplingTelemetry telemetry) {
        try {
            return policies[i].evaluate(trace);
        } catch (Exception | StackOverflowError e) {
            if (telemetry != null) {
                telemetry.evaluationError(i);
            }
            LOG.log(Level.FINE, "Sampling policy error", e);
            return null;
        }
    }

    /** The final decision: SAMPLED, NOT_SAMPLED or DROPPED. Records the sampling policy on the trace. */
    public Decision decide(TraceData trace, TailSamplingTelemetry telemetry) {
        boolean invertNotSampled = false;
        boolean notSampled = false;
        String sampled = null;
        String invertSampled = null;
        boolean timed = telemetry != null && telemetry.enabled();
        for (int i = 0; i < policies.length; i++) {
            long t0 = timed ? System.nanoTime() : 0;
            Decision d = evaluate(i, trace, telemetry);
            if (d == null) {
                continue;
            }
            if (timed) {
                telemetry.policyDecision(i, d, trace.spanCount(), (System.nanoTime() - t0) / 1000);
            }
            switch (d) {
                case DROPPED -> {
                    return Decision.DROPPED;
                }
                case SAMPLED -> {
                    if (sampled == null) {
                        sampled = names[i];
                    }
                    if (firstMatch) {
                        i = policies.length; // stop
                    }
                }
                case INVERT_NOT_SAMPLED -> invertNotSampled = true;
                case INVERT_SAMPLED -> {
                    if (invertSampled == null) {
                        invertSampled = names[i];
                    }
                }
                case NOT_SAMPLED -> notSampled = true;
                default -> {
                }
            }
        }
        if (invertNotSampled) {
            return Decision.NOT_SAMPLED;
        }
        if (sampled != null) {
            trace.setSampledBy(sampled);
            return Decision.SAMPLED;
        }
        if (invertSampled != null && !notSampled) {
            trace.setSampledBy(invertSampled);
            return Decision.SAMPLED;
        }
        return Decision.NOT_SAMPLED;
    }

    /**
     * {@code span-ingest}: the verdict on the spans seen so far. Drop policies first (Dropped is final);
     * Sampled is final only when there are no drop policies, which later spans could still trigger.
     */
    Decision decideEarly(TraceData trace, TailSamplingTelemetry telemetry) {
        boolean hasDrop = false;
        for (int i = 0; i < policies.length; i++) {
            boolean isDrop = policies[i] instanceof io.ottl4j.collector.processor.tailsampling.policy.DropPolicy;
            hasDrop |= isDrop;
            Decision d = evaluate(i, trace, telemetry);
            if (d == null) {
                continue;
            }
            if (d == Decision.DROPPED) {
                return Decision.DROPPED;
            }
            if (d == Decision.SAMPLED && !hasDrop && !isDrop) {
                trace.setSampledBy(names[i]);
                return Decision.SAMPLED;
            }
        }
        return Decision.PENDING;
    }
}
