package io.ottl4j.collector.processor.tailsampling.policy;

import io.ottl4j.pdata.TraceId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * {@code probabilistic}: FNV-1a 64-bit over the salt bytes then the 16 trace-ID bytes, sampled when the
 * hash (unsigned) is at most floor((2^64−1) × pct/100). The product is rounded to a 64-bit mantissa first,
 * as Go's {@code big.Float} does, so every trace gets the decision upstream gives it.
 */
public final class ProbabilisticPolicy implements PolicyEvaluator {
    public static final String DEFAULT_SALT = "default-hash-seed";
    private static final long FNV64_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV64_PRIME = 0x100000001b3L;

    private final long saltState;
    private final long threshold;

    public ProbabilisticPolicy(String salt, double percentage) {
        long h = FNV64_OFFSET;
        for (byte b : (salt == null || salt.isEmpty() ? DEFAULT_SALT : salt).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV64_PRIME;
        }
        this.saltState = h;
        this.threshold = threshold(percentage / 100);
    }

    /** The FNV-1a 64 hash of salt ‖ trace ID. */
    public long hash(TraceId id) {
        long h = mix(saltState, id.high());
        return mix(h, id.low());
    }

    private static long mix(long h, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            h = (h ^ ((v >>> shift) & 0xFF)) * FNV64_PRIME;
        }
        return h;
    }

    public long threshold() {
        return threshold;
    }

    @Override
    public Decision evaluate(TraceData trace) {
        return Long.compareUnsigned(hash(trace.traceId()), threshold) <= 0 ? Decision.SAMPLED : Decision.NOT_SAMPLED;
    }

    /** uint64(big.Float(MaxUint64) × ratio): 64-bit mantissa, round half to even, then truncated. */
    static long threshold(double ratio) {
        if (Double.isNaN(ratio) || ratio <= 0) {
            return 0;
        }
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        long bits = Double.doubleToLongBits(ratio);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp = 1;
        } else {
            mant |= 1L << 52;
        }
        int e = exp - 1075; // ratio = mant × 2^e
        BigInteger p = max.multiply(BigInteger.valueOf(mant));
        int extra = p.bitLength() - 64;
        if (extra > 0) {
            BigInteger q = p.shiftRight(extra);
            BigInteger rem = p.subtract(q.shiftLeft(extra));
            BigInteger half = BigInteger.ONE.shiftLeft(extra - 1);
            int c = rem.compareTo(half);
            if (c > 0 || c == 0 && q.testBit(0)) {
                q = q.add(BigInteger.ONE);
            }
            p = q;
            e += extra;
        }
        BigInteger v = e >= 0 ? p.shiftLeft(e) : p.shiftRight(-e);
        return v.compareTo(max) > 0 ? -1L : v.longValue();
    }
}
