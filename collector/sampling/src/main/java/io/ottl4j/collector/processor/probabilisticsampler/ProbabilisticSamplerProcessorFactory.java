package io.ottl4j.collector.processor.probabilisticsampler;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.collector.telemetry.MetricsLevel;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code probabilistic_sampler} processor (collector-spec §3.9) for traces and logs; config keys,
 * defaults and validation messages as upstream. See {@link Sampler} for the decision.
 */
public final class ProbabilisticSamplerProcessorFactory implements ProcessorFactory<ProbabilisticSamplerProcessorFactory.Config> {
    /** {@code mode} null means unset (upstream then uses hash_seed). */
    public record Config(float samplingPercentage, long hashSeed, SamplerMode mode, boolean failClosed, int samplingPrecision,
            String attributeSource, String fromAttribute, String samplingPriority) {
    }

    @Override
    public String type() {
        return "probabilistic_sampler";
    }

    @Override
    public String description() {
        return "samples spans and log records by hashed trace ID or OTel consistent probability (tracestate th/rv)";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.LOGS, Stability.ALPHA);
    }

    @Override
    public Config decode(Conf c) {
        double pctD = c.doubleValue("sampling_percentage", 0);
        float pct = (float) pctD;
        long seed = c.longValue("hash_seed", 0);
        String modeName = c.string("mode", "");
        boolean failClosed = c.bool("fail_closed", true);
        int precision = c.intValue("sampling_precision", 4);
        String source = c.string("attribute_source", "traceID");
        String from = c.string("from_attribute", "");
        String priority = c.string("sampling_priority", "");
        SamplerMode mode = switch (modeName) {
            case "" -> null;
            case "hash_seed" -> SamplerMode.HASH_SEED;
            case "equalizing" -> SamplerMode.EQUALIZING;
            case "proportional" -> SamplerMode.PROPORTIONAL;
            default -> {
                c.error("mode", "unsupported sampler mode \"" + modeName + "\"");
                yield null;
            }
        };
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            c.error("hash_seed", "hash_seed must be an unsigned 32-bit integer");
        }
        if (Float.isInfinite(pct) || Float.isNaN(pct)) {
            c.error("sampling_percentage", String.format(Locale.ROOT, "sampling rate is invalid: %f%%", pct));
        } else if (pct < 0) {
            c.error("sampling_percentage", String.format(Locale.ROOT, "sampling rate is negative: %f%%", pct));
        } else if (pct > 0 && (double) pct / 100 < Threshold.MIN_PROBABILITY) {
            c.error("sampling_percentage", "sampling rate is too small: " + pct + "%");
        }
        if (!source.equals("traceID") && !source.equals("record")) {
            c.error("attribute_source", "invalid attribute source: " + source + ". Expected: traceID or record");
        }
        if (precision == 0) {
            c.error("sampling_precision", "invalid sampling precision: 0");
        } else if (precision > Threshold.NUM_HEX_DIGITS || precision < 0) {
            c.error("sampling_precision", "sampling precision is too great, should be <= 14: " + precision);
        }
        return new Config(pct, seed, mode, failClosed, precision, source, from, priority);
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        if (signal == Signal.METRICS) {
            throw new IllegalArgumentException("probabilistic_sampler supports traces and logs, not metrics");
        }
        boolean logs = signal == Signal.LOGS;
        Sampler sampler = new Sampler(config, logs, settings.logger(signal));
        boolean metrics = settings.telemetry().level() != MetricsLevel.NONE;
        LongCounter counter = settings.telemetry().meter()
                .counterBuilder("otelcol_processor_probabilistic_sampler_count_" + (logs ? "logs" : "traces") + "_sampled")
                .setUnit("1").setDescription("Count of " + (logs ? "logs" : "traces") + " that were sampled or not").build();
        AttributeKey<String> policyKey = AttributeKey.stringKey("policy");
        AttributeKey<String> sampledKey = AttributeKey.stringKey("sampled");
        return new Processor() {
            @Override
            public boolean mutatesData() {
                return true;
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                settings.telemetry().processor(settings.id(), signal, "incoming", Batches.count(batch));
                if (logs) {
                    filter(batch.asLogs(), sampler::sample);
                } else {
                    filter(batch.asTraces(), sampler::sample);
                }
                Batches.prune(batch);
                if (batch.isEmpty()) {
                    return;
                }
                settings.telemetry().processor(settings.id(), signal, "outgoing", Batches.count(batch));
                next.consume(batch);
            }

            private <T extends io.ottl4j.pdata.TelemetryItem<T>> void filter(TelemetryBatch<T> batch, Function<T, Sampler.Outcome> decide) {
                for (ResourceGroup<T> rg : batch.resources()) {
                    for (ScopeGroup<T> sg : rg.scopes()) {
                        Iterator<T> it = sg.items().iterator();
                        while (it.hasNext()) {
                            Sampler.Outcome o = decide.apply(it.next());
                            if (metrics) {
                                counter.add(1, Attributes.of(policyKey, o.policy(), sampledKey, Boolean.toString(o.sampled())));
                            }
                            if (!o.sampled()) {
                                it.remove();
                            }
                        }
                    }
                }
            }
        };
    }

    /** For tests: the sampler a config builds. */
    static Sampler sampler(Config config, boolean logs) {
        return new Sampler(config, logs, java.util.logging.Logger.getLogger(Sampler.class.getName()));
    }

}
