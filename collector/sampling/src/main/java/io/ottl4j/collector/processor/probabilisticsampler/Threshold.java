package io.ottl4j.collector.processor.probabilisticsampler;

/**
 * OTEP 235 sampling arithmetic on 56-bit values held in longs: a rejection threshold T (sampled when the
 * randomness R ≥ T), its {@code th} encoding (up to 14 hex digits, trailing zeros removed) and the 14-digit
 * {@code rv} encoding of randomness. Mirrors upstream's {@code pkg/sampling}.
 */
final class Threshold {
    static final int NUM_HEX_DIGITS = 14;
    static final long MAX_ADJUSTED_COUNT = 1L << 56;
    static final long ALWAYS = 0;
    static final long NEVER = MAX_ADJUSTED_COUNT;
    static final double MIN_PROBABILITY = 1.0 / MAX_ADJUSTED_COUNT;
    static final long RANDOMNESS_MASK = MAX_ADJUSTED_COUNT - 1;

    private Threshold() {
    }

    static boolean shouldSample(long threshold, long randomness) {
        return randomness >= threshold;
    }

    static double probability(long threshold) {
        return (double) (MAX_ADJUSTED_COUNT - threshold) / MAX_ADJUSTED_COUNT;
    }

    /** The {@code th} value; "" for never-sample (no threshold). */
    static String tvalue(long threshold) {
        if (threshold == ALWAYS) {
            return "0";
        }
        if (threshold == NEVER) {
            return "";
        }
        String hex = Long.toHexString(MAX_ADJUSTED_COUNT + threshold).substring(1);
        int end = hex.length();
        while (end > 0 && hex.charAt(end - 1) == '0') {
            end--;
        }
        return hex.substring(0, end);
    }

    /** Parses a {@code th} value. @throws IllegalArgumentException with upstream's message */
    static long parseTValue(String s) {
        if (s.length() > NUM_HEX_DIGITS) {
            throw new IllegalArgumentException("t-value exceeds 14 hex digits");
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("t-value is empty");
        }
        long v = parseHex(s);
        return v << (4 * (NUM_HEX_DIGITS - s.length()));
    }

    /** Parses an {@code rv} value. @throws IllegalArgumentException with upstream's message */
    static long parseRValue(String s) {
        if (s.length() != NUM_HEX_DIGITS) {
            throw new IllegalArgumentException("r-value must have 14 hex digits");
        }
        return parseHex(s);
    }

    private static long parseHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
            }
        }
        return Long.parseUnsignedLong(s, 16);
    }

    static String rvalue(long randomness) {
        String h = Long.toHexString(randomness & RANDOMNESS_MASK);
        return "0".repeat(NUM_HEX_DIGITS - h.length()) + h;
    }

    /** {@code ProbabilityToThresholdWithPrecision}; returns -1 when the probability is out of [2^-56, 1]. */
    static long fromProbability(double fraction, int precision) {
        if (precision == 0) {
            precision = NUM_HEX_DIGITS;
        }
        if (!(fraction >= MIN_PROBABILITY && fraction <= 1)) {
            return -1;
        }
        if (fraction == 1) {
            return ALWAYS;
        }
        int expF = frexpExponent(fraction);
        int expR = frexpExponent(1 - fraction);
        precision = Math.min(NUM_HEX_DIGITS, Math.max(precision + expF / -4, precision + expR / -4));
        long scaled = roundHalfAway(fraction * MAX_ADJUSTED_COUNT);
        long threshold = MAX_ADJUSTED_COUNT - scaled;
        int shift = 4 * (NUM_HEX_DIGITS - precision);
        if (shift != 0) {
            long half = 1L << (shift - 1);
            threshold += half;
            threshold >>>= shift;
            threshold <<= shift;
        }
        return threshold;
    }

    /** Go's {@code math.Round}: half away from zero. */
    private static long roundHalfAway(double v) {
        long t = (long) v; // v is positive and below 2^57 here
        return v - t >= 0.5 ? t + 1 : t;
    }

    /** The exponent Go's {@code math.Frexp} returns (fraction in [0.5, 1)). */
    static int frexpExponent(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        int e = Math.getExponent(v);
        if (e == Double.MIN_EXPONENT - 1) { // subnormal
            return Math.getExponent(v * 0x1p54) - 54 + 1;
        }
        return e + 1;
    }
}
