package io.ottl4j.pdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {

    /** Expected values are Go's strconv.FormatFloat(v, 'f', -1, 64). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1",
        "2.5|2.5",
        "-2.5|-2.5",
        "0|0",
        "-0.0|-0",
        "1e21|1000000000000000000000",
        "1e-7|0.0000001",
        "123.456|123.456",
        "0.30000000000000004|0.30000000000000004",
        "NaN|NaN",
        "Infinity|+Inf",
        "-Infinity|-Inf",
    })
    void formatF(double value, String expected) {
        assertThat(GoFloat.formatF(value)).isEqualTo(expected);
    }

    /** Expected values are Go's strconv.FormatFloat(v, 'e', -1, 64). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e21|1e+21",
        "1.5e-7|1.5e-07",
        "123|1.23e+02",
        "0|0e+00",
        "4.9e-324|5e-324",
        "1e100|1e+100",
        "-2.5|-2.5e+00",
    })
    void formatE(double value, String expected) {
        assertThat(GoFloat.formatE(value)).isEqualTo(expected);
    }

    @Test
    void formatFNeverUsesAnExponent() {
        assertThat(GoFloat.formatF(1.5e300)).isEqualTo("15" + "0".repeat(299));
        assertThat(GoFloat.formatF(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
    }

    @Test
    void subnormalMinimumUsesOneDigitLikeGo() {
        // Java prints 4.9E-324; the shortest decimal that rounds to it has one digit
        assertThat(GoFloat.formatJson(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(GoFloat.formatJson(-Double.MIN_VALUE)).isEqualTo("-5e-324");
        assertThat(GoFloat.formatJson(3 * Double.MIN_VALUE)).isEqualTo("1.5e-323");
    }

    /** The digits are shortest and round-trip; compared against a brute-force search over random doubles. */
    @Test
    void shortestDigitsRoundTripAndAreMinimal() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String e = GoFloat.formatE(v);
            assertThat(Double.parseDouble(e)).as(e).isEqualTo(v);
            GoFloat.Digits d = GoFloat.shortest(v);
            if (d.digits().length() > 1) {
                BigDecimal exact = new BigDecimal(Math.abs(v));
                BigDecimal shorter = exact.round(new java.math.MathContext(d.digits().length() - 1));
                assertThat(shorter.doubleValue()).as("shorter than %s exists for %s", e, v).isNotEqualTo(Math.abs(v));
            }
        }
    }
}
