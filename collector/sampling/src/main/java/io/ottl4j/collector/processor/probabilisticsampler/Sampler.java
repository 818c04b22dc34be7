package io.ottl4j.collector.processor.probabilisticsampler;

import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-item decision of {@code probabilistic_sampler}, shared by spans and log records (upstream's
 * {@code commonShouldSampleLogic}): find the item's randomness, check an arriving threshold against it, pick
 * the threshold of the mode (or fail open/closed on an error), apply sampling priority, sample when
 * randomness ≥ threshold, and record the threshold (and, in hash mode, the randomness) on kept items.
 */
final class Sampler {
    static final String ERR_INCONSISTENT = "inconsistent arriving threshold: item should not have been sampled";
    static final String ERR_MISSING = "missing randomness";
    static final String ERR_RANDOMNESS_IN_USE = "item has sampling randomness, equalizing or proportional mode recommended";
    static final String ERR_THRESHOLD_IN_USE = "item has sampling threshold, equalizing or proportional mode recommended";
    private static final long ALL_RANDOMNESS = Threshold.MAX_ADJUSTED_COUNT - 1;
    private static final int NUM_HASH_BUCKETS = 0x4000;

    private final SamplerMode mode;
    private final boolean never;
    /** hash_seed and equalizing: the configured threshold. */
    private final long fixed;
    private final double ratio;
    private final int precision;
    private final int seed;
    private final boolean failClosed;
    private final boolean logsTraceId;
    private final String fromAttribute;
    private final String priorityAttribute;
    private final Logger log;

    /** The outcome for one item, with the policy name upstream's metric reports. */
    record Outcome(boolean sampled, String policy) {
    }

    Sampler(ProbabilisticSamplerProcessorFactory.Config cfg, boolean logs, Logger log) {
        this.log = log;
        float pct = Math.min(cfg.samplingPercentage(), 100f);
        SamplerMode m = cfg.mode();
        if (m == null) {
            m = SamplerMode.HASH_SEED; // upstream's default mode (its other reasons to pick hash_seed lead to the same place)
        }
        this.mode = m;
        this.seed = (int) cfg.hashSeed();
        this.precision = cfg.samplingPrecision();
        this.failClosed = cfg.failClosed();
        this.logsTraceId = cfg.attributeSource().equals("traceID");
        this.fromAttribute = cfg.fromAttribute();
        this.priorityAttribute = logs ? cfg.samplingPriority() : "";
        double r = Math.max((double) pct / 100, Threshold.MIN_PROBABILITY);
        this.ratio = r;
        long th = Threshold.NEVER;
        boolean nv = pct == 0;
        if (!nv) {
            switch (m) {
                case EQUALIZING -> th = Threshold.fromProbability(r, precision);
                case PROPORTIONAL -> th = 0;
                case HASH_SEED -> {
                    // upstream keeps the original float32 arithmetic and truncation: uint32(pct * 163.84)
                    long scaled = (long) (pct * (float) (NUM_HASH_BUCKETS / 100.0));
                    if (scaled == 0) {
                        nv = true;
                    } else {
                        th = (NUM_HASH_BUCKETS - scaled) << 42;
                    }
                }
            }
        }
        this.never = nv;
        this.fixed = th;
    }

    SamplerMode mode() {
        return mode;
    }

    /** Upstream's {@code randomnessFromBytes}: the 14-bit FNV-1a 32 hash placed so that R ≥ T ⇔ hash < scaled rate. */
    static long hashRandomness(byte[] bytes, int seed) {
        long hashed32 = hash32(bytes, seed) & 0xFFFFFFFFL;
        long hashed = hashed32 & (NUM_HASH_BUCKETS - 1);
        long rprime14 = NUM_HASH_BUCKETS - 1 - hashed;
        long unused18 = hashed32 >>> 14;
        long mixed28 = unused18 ^ (unused18 << 10);
        return (rprime14 << 42) | (mixed28 << 14) | hashed;
    }

    /** The FNV-1a 32-bit hash of (seed, little-endian) ‖ bytes, as upstream's {@code computeHash}. */
    static int hash32(byte[] bytes, int seed) {
        int h = 0x811c9dc5;
        for (int i = 0; i < 4; i++) {
            h = (h ^ ((seed >>> (8 * i)) & 0xFF)) * 0x01000193;
        }
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        return h;
    }

    private long decide(Carrier c) {
        if (never) {
            return Threshold.NEVER;
        }
        return switch (mode) {
            case HASH_SEED -> fixed;
            case EQUALIZING -> c != null && c.hasThreshold() && Long.compareUnsigned(fixed, c.threshold()) < 0 ? c.threshold() : fixed;
            case PROPORTIONAL -> {
                double incoming = c != null && c.hasThreshold() ? Threshold.probability(c.threshold()) : 1.0;
                long t = Threshold.fromProbability(incoming * ratio, precision);
                yield t < 0 ? Threshold.NEVER : t;
            }
        };
    }

    // ------------------------------------------------------------------ randomness

    /** Randomness found for an item: value, policy name (null: missing), carrier (null after a parse error), error. */
    private record Found(long value, String policy, Carrier carrier, String error) {
        boolean missing() {
            return policy == null;
        }
    }

    private Found forSpan(Span s) {
        TraceId id = s.traceId();
        SpanCarrier c;
        try {
            c = new SpanCarrier(s, OTelTraceState.parse(s.traceState()));
        } catch (IllegalArgumentException e) {
            return mode == SamplerMode.HASH_SEED && !never ? new Found(hashRandomness(id.bytes(), seed), "trace_id_hash", null, e.getMessage())
                    : new Found(ALL_RANDOMNESS, null, null, e.getMessage());
        }
        if (never) {
            return new Found(ALL_RANDOMNESS, "sampling_randomness", c, null);
        }
        if (mode == SamplerMode.HASH_SEED) {
            long rnd = hashRandomness(id.bytes(), seed);
            if (c.hasRandomness()) {
                return new Found(rnd, "trace_id_hash", c, ERR_RANDOMNESS_IN_USE);
            }
            if (c.hasThreshold()) {
                return new Found(rnd, "trace_id_hash", c, ERR_THRESHOLD_IN_USE);
            }
            c.setRandomness(rnd);
            return new Found(rnd, "trace_id_hash", c, null);
        }
        if (c.hasRandomness()) {
            return new Found(c.randomness(), "sampling_randomness", c, null);
        }
        if (id.isEmpty()) {
            return new Found(ALL_RANDOMNESS, null, c, null);
        }
        return new Found(id.low() & Threshold.RANDOMNESS_MASK, "trace_id_w3c", c, null);
    }

    private Found forLog(LogRecord l) {
        LogCarrier c;
        String err = null;
        try {
            c = new LogCarrier(l.attributes());
        } catch (IllegalArgumentException e) {
            c = null;
            err = e.getMessage();
        }
        if (never) {
            return new Found(ALL_RANDOMNESS, "sampling_randomness", c, err);
        }
        TraceId id = l.traceId();
        if (mode == SamplerMode.HASH_SEED) {
            Long rnd = null;
            String policy = null;
            if (logsTraceId && !id.isEmpty()) {
                rnd = hashRandomness(id.bytes(), seed);
                policy = "trace_id_hash";
            }
            if (rnd == null && !fromAttribute.isEmpty()) {
                Object v = l.attributes().get(fromAttribute);
                byte[] b = v == null ? new byte[0] : v instanceof byte[] raw ? raw : AnyValue.asString(v).getBytes(StandardCharsets.UTF_8);
                if (b.length > 0) {
                    rnd = hashRandomness(b, seed);
                    policy = fromAttribute;
                }
            }
            long value = rnd == null ? ALL_RANDOMNESS : rnd;
            if (err != null) {
                return new Found(value, policy, null, err);
            }
            if (c.hasRandomness()) {
                return new Found(value, policy, null, ERR_RANDOMNESS_IN_USE);
            }
            if (c.hasThreshold()) {
                return new Found(value, policy, null, ERR_THRESHOLD_IN_USE);
            }
            if (rnd != null) {
                c.setRandomness(value);
            }
            return new Found(value, policy, c, null);
        }
        if (err != null) {
            return new Found(ALL_RANDOMNESS, null, null, err);
        }
        if (c.hasRandomness()) {
            return new Found(c.randomness(), "sampling_randomness", c, null);
        }
        if (!id.isEmpty()) {
            return new Found(id.low() & Threshold.RANDOMNESS_MASK, "trace_id_w3c", c, null);
        }
        return new Found(ALL_RANDOMNESS, null, c, null);
    }

    // ------------------------------------------------------------------ decision

    Outcome sample(Span s) {
        Found f = forSpan(s);
        return common(f, spanPriority(s));
    }

    Outcome sample(LogRecord l) {
        Found f = forLog(l);
        return common(f, logPriority(l));
    }

    /** A priority override: threshold, or null to keep the sampler's. */
    private Outcome common(Found f, Long priority) {
        String error = f.error();
        if (error == null && f.missing()) {
            error = ERR_MISSING;
        }
        Carrier c = f.carrier();
        if (error == null && c != null && c.hasThreshold() && !Threshold.shouldSample(c.threshold(), f.value())) {
            c.clearThreshold();
            error = ERR_INCONSISTENT;
        }
        long threshold;
        if (error != null) {
            log.log(Level.FINE, "probabilistic sampler: " + error);
            threshold = failClosed ? Threshold.NEVER : Threshold.ALWAYS;
        } else {
            threshold = decide(c);
        }
        String policy = f.missing() ? "missing_randomness" : f.policy();
        if (priority != null) {
            threshold = priority;
            policy = "sampling_priority";
        }
        boolean sampled = Threshold.shouldSample(threshold, f.value());
        if (sampled && c != null) {
            if (!c.updateThreshold(threshold)) {
                log.log(Level.FINE, "probabilistic sampler: cannot raise the sampling probability of an item (inconsistent sampling)");
            }
            c.reserialize();
        }
        return new Outcome(sampled, policy);
    }

    /** Traces: {@code sampling.priority} 0 → never, above 0 → always (int, double, or numeric string). */
    private static Long spanPriority(Span s) {
        AttributeMap a = s.attributes();
        if (a.isEmpty()) {
            return null;
        }
        Object v = a.get("sampling.priority");
        double d;
        if (v instanceof Long l) {
            d = l;
        } else if (v instanceof Double x) {
            d = x;
        } else if (v instanceof String str) {
            try {
                d = Double.parseDouble(str.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (d == 0) {
            return Threshold.NEVER;
        }
        return d > 0 ? Threshold.ALWAYS : null;
    }

    /** Logs: the {@code sampling_priority} attribute is a percentage that replaces the configured one. */
    private Long logPriority(LogRecord l) {
        if (priorityAttribute.isEmpty()) {
            return null;
        }
        Object v = l.attributes().get(priorityAttribute);
        double p = v instanceof Double d ? d / 100 : v instanceof Long x ? x / 100.0 : 0;
        if (p == 0) {
            return null;
        }
        long t = Threshold.fromProbability(p, precision);
        return t < 0 ? null : t;
    }

    // ------------------------------------------------------------------ carriers

    /** Where an item keeps its sampling randomness and threshold. */
    private interface Carrier {
        boolean hasRandomness();

        long randomness();

        void setRandomness(long r);

        boolean hasThreshold();

        long threshold();

        void clearThreshold();

        boolean updateThreshold(long th);

        void reserialize();
    }

    private record SpanCarrier(Span span, OTelTraceState ts) implements Carrier {
        public boolean hasRandomness() {
            return ts.hasRandomness();
        }

        public long randomness() {
            return ts.randomness();
        }

        public void setRandomness(long r) {
            ts.setRandomness(r);
        }

        public boolean hasThreshold() {
            return ts.hasThreshold();
        }

        public long threshold() {
            return ts.threshold();
        }

        public void clearThreshold() {
            ts.clearThreshold();
        }

        public boolean updateThreshold(long th) {
            return ts.updateThreshold(th);
        }

        public void reserialize() {
            span.setTraceState(ts.serialize());
        }
    }

    /** Logs carry {@code sampling.randomness} and {@code sampling.threshold} string attributes. */
    private static final class LogCarrier implements Carrier {
        private final AttributeMap attributes;
        private String tvalue = "";
        private long threshold = Threshold.NEVER;
        private String rvalue = "";
        private long randomness;

        LogCarrier(AttributeMap attributes) {
            this.attributes = attributes;
            String tv = attributes.get("sampling.threshold") instanceof String s ? s : "";
            String rv = attributes.get("sampling.randomness") instanceof String s ? s : "";
            if (!tv.isEmpty()) {
                threshold = Threshold.parseTValue(tv);
                tvalue = tv;
            }
            if (!rv.isEmpty()) {
                randomness = Threshold.parseRValue(rv);
                rvalue = rv;
            }
        }

        public boolean hasRandomness() {
            return !rvalue.isEmpty();
        }

        public long randomness() {
            return randomness;
        }

        public void setRandomness(long r) {
            randomness = r;
            rvalue = Threshold.rvalue(r);
            attributes.putString("sampling.randomness", rvalue);
        }

        public boolean hasThreshold() {
            return !tvalue.isEmpty();
        }

        public long threshold() {
            return threshold;
        }

        public void clearThreshold() {
            threshold = Threshold.NEVER;
            tvalue = "";
            attributes.remove("sampling.threshold");
        }

        public boolean updateThreshold(long th) {
            if (hasThreshold() && Long.compareUnsigned(th, threshold) < 0) {
                return false;
            }
            attributes.putString("sampling.threshold", Threshold.tvalue(th));
            return true;
        }

        public void reserialize() {
        }
    }
}
