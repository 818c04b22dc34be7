package io.ottl4j.collector.processor.tailsampling.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.pdata.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code probabilistic} policy against upstream's arithmetic. Upstream's own tests only check rates over
 * Go-seeded random IDs, so the exact vectors here come from an independent implementation of the same
 * definition (FNV-1a 64 over salt ‖ ID; threshold = uint64(big.Float(2^64−1) × ratio)), checked in Python
 * with exact fractions; the rate checks mirror upstream's TestProbabilisticSampling cases.
 */
class ProbabilisticPolicyTest {
    private static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    @Test
    void referenceFnvMatchesThePublishedVector() {
        assertThat(fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @ParameterizedTest
    @CsvSource({
        "0.001, 0x004189374bc6a7ef",
        "0.1, 0x19999999999999ff",
        "0.25, 0x3fffffffffffffff",
        "0.33, 0x547ae147ae147bff",
        "1.0, 0xffffffffffffffff",
        "1.5, 0xffffffffffffffff",
        "0, 0x0",
        "-0.5, 0x0"})
    void thresholdAsGoBigFloat(double ratio, String hex) {
        assertThat(ProbabilisticPolicy.threshold(ratio)).isEqualTo(Long.parseUnsignedLong(hex.substring(2), 16));
    }

    @ParameterizedTest
    @CsvSource({
        "0123456789abcdef0123456789abcdef, , 0x854248234c26b03d",
        "00000000000000000000000000000001, , 0xe19535eed1bbaa8a",
        "ffffffffffffffffffffffffffffffff, , 0x17bec3739634fe2d",
        "4bf92f3577b34da6a3ce929d0e0e4736, , 0xa54533ba2e4970b5",
        "0123456789abcdef0123456789abcdef, test-salt, 0x0e2c7f9d529aff80",
        "4bf92f3577b34da6a3ce929d0e0e4736, test-salt, 0xabb7bd9f983cd93c"})
    void hashOfSaltAndTraceId(String id, String salt, String hex) {
        ProbabilisticPolicy p = new ProbabilisticPolicy(salt, 10);
        TraceId t = TraceId.fromHex(id);
        long expected = Long.parseUnsignedLong(hex.substring(2), 16);
        assertThat(p.hash(t)).isEqualTo(expected);
        byte[] salted = ((salt == null ? ProbabilisticPolicy.DEFAULT_SALT : salt) + "").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[salted.length + 16];
        System.arraycopy(salted, 0, all, 0, salted.length);
        System.arraycopy(t.bytes(), 0, all, salted.length, 16);
        assertThat(fnv1a64(all)).isEqualTo(expected);
    }

    @Test
    void decisionsForKnownIds() {
        // ffff...ff hashes to 0x17be..., below the 10% threshold 0x1999...: sampled at 10% and above, not at 0.1%
        TraceData t = new TraceData(TraceId.fromHex("ffffffffffffffffffffffffffffffff"), 0);
        assertThat(new ProbabilisticPolicy("", 0.1).evaluate(t)).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(new ProbabilisticPolicy("", 10).evaluate(t)).isEqualTo(Decision.SAMPLED);
        TraceData u = new TraceData(TraceId.fromHex("0123456789abcdef0123456789abcdef"), 0);
        assertThat(new ProbabilisticPolicy("", 50).evaluate(u)).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(new ProbabilisticPolicy("", 100).evaluate(u)).isEqualTo(Decision.SAMPLED);
    }

    @ParameterizedTest
    @CsvSource({"100, , 100", "0, , 0", "25, , 25", "33, , 33", "33, test-salt, 33", "-50, , 0", "150, , 100", "0.1, , 0.1"})
    void rateOverManyTraces(double pct, String salt, double expected) {
        int n = 100_000;
        ProbabilisticPolicy p = new ProbabilisticPolicy(salt, pct);
        Random r = new Random(1);
        int sampled = 0;
        for (int i = 0; i < n; i++) {
            if (p.evaluate(new TraceData(TraceId.of(r.nextLong(), r.nextLong()), 0)) == Decision.SAMPLED) {
                sampled++;
            }
        }
        double q = expected / 100;
        double sigma = Math.sqrt(n * q * (1 - q));
        assertThat((double) sampled).isBetween(n * q - 5 * sigma - 1, n * q + 5 * sigma + 1);
    }
}
