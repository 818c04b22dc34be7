package io.ottl4j.pdata;

import java.math.BigDecimal;

/**
 * Go's shortest float64 formatting, which OTTL output must reproduce byte for byte.
 *
 * <p>Both Go and Java (since JDK 19) pick the shortest decimal that rounds back to the double, and the
 * closest such decimal when there are several. They differ only when that shortest decimal has one digit:
 * Java then also considers two-digit decimals (so {@code Double.MIN_VALUE} prints as {@code 4.9E-324},
 * Go prints {@code 5e-324}). {@link #shortest} corrects that case and then lays the digits out as Go's
 * {@code strconv} does.
 */
public final class GoFloat {
    private GoFloat() {}

    /** Go {@code strconv.FormatFloat(v, 'f', -1, 64)}: never an exponent ({@code 1e21} → {@code 1000000000000000000000}). */
    public static String formatF(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        StringBuilder sb = new StringBuilder(24);
        appendF(sb, v, shortest(v));
        return sb.toString();
    }

    /** Go {@code strconv.FormatFloat(v, 'e', -1, 64)}, e.g. {@code 1e+21}, {@code 1.5e-07}. */
    public static String formatE(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        StringBuilder sb = new StringBuilder(24);
        appendE(sb, v, shortest(v));
        return sb.toString();
    }

    /**
     * The number text of Go's {@code encoding/json} (and of pdata's {@code float64AsString} and OTLP/JSON
     * output): like JavaScript, plain notation for {@code 1e-6 <= |v| < 1e21}, otherwise {@code e} notation
     * with a two-digit minimum dropped for negative exponents ({@code 1e-7}, {@code 1e+21}).
     * Non-finite values give {@code NaN}, {@code Infinity}, {@code -Infinity} (the strings pdata writes).
     */
    public static String formatJson(double v) {
        StringBuilder sb = new StringBuilder(24);
        appendJson(sb, v);
        return sb.toString();
    }

    /** Appends {@link #formatJson}. */
    public static void appendJson(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("NaN");
            return;
        }
        if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "Infinity" : "-Infinity");
            return;
        }
        double abs = Math.abs(v);
        Digits d = shortest(v);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            int start = sb.length();
            appendE(sb, v, d);
            // Go's encoder cleans up e-09 to e-9 (positive exponents here are always >= 21).
            int n = sb.length() - start;
            if (n >= 4 && sb.charAt(sb.length() - 4) == 'e' && sb.charAt(sb.length() - 3) == '-'
                    && sb.charAt(sb.length() - 2) == '0') {
                sb.deleteCharAt(sb.length() - 2);
            }
        } else {
            appendF(sb, v, d);
        }
    }

    /** Decimal digits d1 d2 … dn (no leading/trailing zeros) with value 0.d1d2…dn × 10^dp, as Go's decimalSlice. */
    record Digits(String digits, int dp) {}

    static Digits shortest(double v) {
        double abs = Math.abs(v);
        if (abs == 0) {
            return new Digits("", 0);
        }
        Digits d = parseJava(Double.toString(abs));
        if (d.digits.length() == 2) {
            Digits one = oneDigitAlternative(abs, d);
            if (one != null) {
                return one;
            }
        }
        return d;
    }

    private static Digits parseJava(String s) {
        int e = s.indexOf('E');
        int exp = 0;
        String mant = s;
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1));
            mant = s.substring(0, e);
        }
        int dot = mant.indexOf('.');
        String intPart = dot < 0 ? mant : mant.substring(0, dot);
        String frac = dot < 0 ? "" : mant.substring(dot + 1);
        String all = intPart + frac;
        int dp = intPart.length() + exp;
        int first = 0;
        while (first < all.length() && all.charAt(first) == '0') {
            first++;
            dp--;
        }
        int last = all.length();
        while (last > first && all.charAt(last - 1) == '0') {
            last--;
        }
        return new Digits(all.substring(first, last), dp);
    }

    /** Go keeps one digit whenever a one-digit decimal rounds to the value; Java may prefer a closer two-digit one. */
    private static Digits oneDigitAlternative(double abs, Digits two) {
        int d1 = two.digits.charAt(0) - '0';
        Digits down = new Digits(String.valueOf(d1), two.dp);
        Digits up = d1 == 9 ? new Digits("1", two.dp + 1) : new Digits(String.valueOf(d1 + 1), two.dp);
        boolean downOk = roundTrips(down, abs);
        boolean upOk = roundTrips(up, abs);
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(abs);
            int c = toBig(down).subtract(exact).abs().compareTo(toBig(up).subtract(exact).abs());
            return c <= 0 ? down : up;
        }
        return downOk ? down : upOk ? up : null;
    }

    private static boolean roundTrips(Digits d, double abs) {
        return toBig(d).doubleValue() == abs;
    }

    private static BigDecimal toBig(Digits d) {
        return new BigDecimal(new java.math.BigInteger(d.digits), d.digits.length() - d.dp);
    }

    private static void appendF(StringBuilder sb, double v, Digits d) {
        if (isNegative(v)) {
            sb.append('-');
        }
        String digs = d.digits;
        int nd = digs.length();
        int dp = d.dp;
        if (dp > 0) {
            int m = Math.min(nd, dp);
            sb.append(digs, 0, m);
            for (; m < dp; m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        int prec = Math.max(nd - dp, 0);
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = dp + i - 1;
                sb.append(j < 0 || j >= nd ? '0' : digs.charAt(j));
            }
        }
    }

    private static void appendE(StringBuilder sb, double v, Digits d) {
        if (isNegative(v)) {
            sb.append('-');
        }
        String digs = d.digits;
        int nd = digs.length();
        sb.append(nd == 0 ? '0' : digs.charAt(0));
        if (nd > 1) {
            sb.append('.').append(digs, 1, nd);
        }
        sb.append('e');
        int exp = nd == 0 ? 0 : d.dp - 1;
        if (exp < 0) {
            sb.append('-');
            exp = -exp;
        } else {
            sb.append('+');
        }
        if (exp < 10) {
            sb.append('0').append((char) ('0' + exp));
        } else {
            sb.append(exp);
        }
    }

    private static boolean isNegative(double v) {
        return (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    }
}
