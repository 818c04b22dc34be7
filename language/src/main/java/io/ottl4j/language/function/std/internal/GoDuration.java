package io.ottl4j.language.function.std.internal;

import java.time.Duration;

/** Go's {@code time.ParseDuration}: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, int64 nanoseconds. */
public final class GoDuration {
    private GoDuration() {
    }

    private static final long MIN = Long.MIN_VALUE; // 1<<63 as an unsigned value

    /** A rejected duration, with Go's message. */
    public static final class BadDuration extends Exception {
        private static final long serialVersionUID = 1L;

        BadDuration(String message) {
            super(message, null, false, false);
        }
    }

    public static Duration parse(String orig) throws BadDuration {
        String s = orig;
        long d = 0; // unsigned
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(orig);
        }
        while (!s.isEmpty()) {
            char c0 = s.charAt(0);
            if (!(c0 == '.' || (c0 >= '0' && c0 <= '9'))) {
                throw invalid(orig);
            }
            // integer part, overflow checked as Go's leadingInt
            int i = 0;
            long v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (Long.compareUnsigned(v, Long.divideUnsigned(MIN, 10)) > 0) {
                    throw invalid(orig);
                }
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, MIN) > 0) {
                    throw invalid(orig);
                }
                i++;
            }
            boolean pre = i > 0;
            s = s.substring(i);
            long f = 0;
            double scale = 1;
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int j = 0;
                boolean overflow = false;
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    if (!overflow) {
                        if (f > Long.MAX_VALUE / 10) {
                            overflow = true;
                        } else {
                            long y = f * 10 + (s.charAt(j) - '0');
                            if (y < 0) {
                                overflow = true;
                            } else {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }
                    j++;
                }
                post = j > 0;
                s = s.substring(j);
            }
            if (!pre && !post) {
                throw invalid(orig);
            }
            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !(s.charAt(u) >= '0' && s.charAt(u) <= '9')) {
                u++;
            }
            if (u == 0) {
                throw new BadDuration("time: missing unit in duration " + GoZones.quote(orig));
            }
            String unitName = s.substring(0, u);
            s = s.substring(u);
            long unit = unit(unitName);
            if (unit == 0) {
                throw new BadDuration("time: unknown unit " + GoZones.quote(unitName) + " in duration " + GoZones.quote(orig));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(MIN, unit)) > 0) {
                throw invalid(orig);
            }
            v *= unit;
            if (f > 0) {
                // float64 keeps fractions of hours nanosecond-accurate, as in Go
                v += (long) ((double) f * ((double) unit / scale));
                if (Long.compareUnsigned(v, MIN) > 0) {
                    throw invalid(orig);
                }
            }
            d += v;
            if (Long.compareUnsigned(d, MIN) > 0) {
                throw invalid(orig);
            }
        }
        if (neg) {
            return Duration.ofNanos(-d);
        }
        if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
            throw invalid(orig);
        }
        return Duration.ofNanos(d);
    }

    private static long unit(String u) {
        return switch (u) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 0L;
        };
    }

    private static BadDuration invalid(String orig) {
        return new BadDuration("time: invalid duration " + GoZones.quote(orig));
    }
}
