package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.processor.tailsampling.policy.NanoClock;
import io.ottl4j.pdata.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code tail_sampling} processor (collector-spec §3.8): keys, defaults and validation messages as
 * upstream; see {@link TailSamplingProcessor} for the behaviour.
 */
public final class TailSamplingProcessorFactory implements ProcessorFactory<TailSamplingProcessorFactory.Config> {
    /** {@code sampling_strategy}. */
    public enum Strategy {
        TRACE_COMPLETE, SPAN_INGEST
    }

    public record Config(List<PolicySpec> policies, Duration decisionWait, Duration decisionWaitAfterRootReceived, int numTraces,
            long expectedNewTracesPerSec, int sampledCacheSize, int nonSampledCacheSize, boolean sampleOnFirstMatch, boolean blockOnOverflow,
            boolean dropPendingTracesOnShutdown, Strategy strategy, long maximumTraceSizeBytes, int numShards) {
    }

    @Override
    public String type() {
        return "tail_sampling";
    }

    @Override
    public List<String> aliases() {
        return List.of("tailsampling");
    }

    @Override
    public String description() {
        return "keeps or drops whole traces after decision_wait, by ordered sampling policies";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        Duration wait = c.duration("decision_wait", Duration.ofSeconds(30));
        Duration afterRoot = c.duration("decision_wait_after_root_received", Duration.ZERO);
        long numTraces = c.longValue("num_traces", 50_000);
        long expected = c.longValue("expected_new_traces_per_sec", 0);
        Conf cache = c.child("decision_cache");
        long sampledCache = cache.longValue("sampled_cache_size", 0);
        long notSampledCache = cache.longValue("non_sampled_cache_size", 0);
        cache.finish();
        boolean firstMatch = c.bool("sample_on_first_match", false);
        boolean block = c.bool("block_on_overflow", false);
        boolean dropPending = c.bool("drop_pending_traces_on_shutdown", false);
        String strategyName = c.string("sampling_strategy", "trace-complete");
        long maxBytes = c.longValue("maximum_trace_size_bytes", 0);
        long shards = c.longValue("num_shards", 1);
        if (c.has("tail_storage")) {
            c.error("tail_storage", "tail_storage (gated upstream by processor.tailsamplingprocessor.tailstorageextension) is not supported by ottl4j");
        }
        List<PolicySpec> policies = PolicyDecoder.decodeAll(c, "policies");
        if (wait.isNegative() || wait.isZero()) {
            c.error("decision_wait", "decision_wait must be greater than 0");
        }
        if (afterRoot.isNegative()) {
            c.error("decision_wait_after_root_received", "decision_wait_after_root_received must not be negative");
        } else if (afterRoot.compareTo(wait) > 0) {
            c.error("decision_wait_after_root_received", "decision_wait_after_root_received must not be greater than decision_wait");
        }
        if (numTraces <= 0 || numTraces > Integer.MAX_VALUE) {
            c.error("num_traces", "num_traces must be greater than 0 (and at most " + Integer.MAX_VALUE + ")");
            numTraces = 50_000;
        }
        if (expected < 0) {
            c.error("expected_new_traces_per_sec", "expected_new_traces_per_sec must not be negative");
        }
        if (sampledCache < 0 || sampledCache > Integer.MAX_VALUE) {
            cache.error("sampled_cache_size", "sampled_cache_size must be between 0 and " + Integer.MAX_VALUE);
            sampledCache = 0;
        }
        if (notSampledCache < 0 || notSampledCache > Integer.MAX_VALUE) {
            cache.error("non_sampled_cache_size", "non_sampled_cache_size must be between 0 and " + Integer.MAX_VALUE);
            notSampledCache = 0;
        }
        if (maxBytes < 0) {
            c.error("maximum_trace_size_bytes", "maximum_trace_size_bytes must not be negative");
        }
        if (shards < 1 || shards > 1024) {
            c.error("num_shards", "num_shards must be between 1 and 1024");
            shards = 1;
        }
        Strategy strategy = switch (strategyName) {
            case "trace-complete" -> Strategy.TRACE_COMPLETE;
            case "span-ingest" -> Strategy.SPAN_INGEST;
            default -> {
                c.error("sampling_strategy", "unknown sampling_strategy \"" + strategyName + "\" (use trace-complete or span-ingest)");
                yield Strategy.TRACE_COMPLETE;
            }
        };
        if (strategy == Strategy.SPAN_INGEST) {
            for (PolicySpec p : policies) {
                if (p.stateful()) {
                    c.error("policies", "policy \"" + p.name() + "\" (" + p.type() + ") is stateful and cannot be used with sampling_strategy span-ingest");
                }
            }
        }
        return new Config(policies, wait, afterRoot, (int) numTraces, Math.max(0, expected), (int) sampledCache, (int) notSampledCache, firstMatch,
                block, dropPending, strategy, Math.max(0, maxBytes), (int) shards);
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        return new TailSamplingProcessor(settings, config, next, NanoClock.SYSTEM, true);
    }
}
