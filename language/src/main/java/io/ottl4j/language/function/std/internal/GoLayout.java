package io.ottl4j.language.function.std.internal;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Go's reference-time layouts ({@code "2006-01-02 15:04:05"}), formatted and parsed as Go's {@code time}
 * package does. Upstream's strptime directives are translated into such a layout and then handed to Go, so
 * Go's quirks (literal text that happens to look like a layout element, optional fractional seconds,
 * weekday names that are never checked, time zone abbreviations resolved against the default location)
 * are part of OTTL's observable behaviour and are reproduced here.
 */
public final class GoLayout {
    private GoLayout() {
    }

    // layout elements ("std" chunks), as Go numbers them
    static final int NONE = 0;
    static final int LONG_MONTH = 1;
    static final int MONTH = 2;
    static final int NUM_MONTH = 3;
    static final int ZERO_MONTH = 4;
    static final int LONG_WEEKDAY = 5;
    static final int WEEKDAY = 6;
    static final int DAY = 7;
    static final int UNDER_DAY = 8;
    static final int ZERO_DAY = 9;
    static final int UNDER_YEAR_DAY = 10;
    static final int ZERO_YEAR_DAY = 11;
    static final int HOUR = 12;
    static final int HOUR12 = 13;
    static final int ZERO_HOUR12 = 14;
    static final int MINUTE = 15;
    static final int ZERO_MINUTE = 16;
    static final int SECOND = 17;
    static final int ZERO_SECOND = 18;
    static final int LONG_YEAR = 19;
    static final int YEAR = 20;
    static final int PM = 21;
    static final int PM_LOWER = 22;
    static final int TZ = 23;
    static final int ISO8601_TZ = 24;
    static final int ISO8601_SECONDS_TZ = 25;
    static final int ISO8601_SHORT_TZ = 26;
    static final int ISO8601_COLON_TZ = 27;
    static final int ISO8601_COLON_SECONDS_TZ = 28;
    static final int NUM_TZ = 29;
    static final int NUM_SECONDS_TZ = 30;
    static final int NUM_SHORT_TZ = 31;
    static final int NUM_COLON_TZ = 32;
    static final int NUM_COLON_SECONDS_TZ = 33;
    static final int FRAC_SECOND0 = 34;
    static final int FRAC_SECOND9 = 35;

    private static final int[] STD0X = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};

    static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

    /** One chunk of a layout: literal prefix, the element, and where the rest starts. */
    record Chunk(String prefix, int std, int digits, char separator, String element, String suffix) {
    }

    /** Go's nextStdChunk: the first layout element of the layout and the literal text before it. */
    static Chunk next(String layout) {
        int n = layout.length();
        for (int i = 0; i < n; i++) {
            char c = layout.charAt(i);
            switch (c) {
                case 'J' -> {
                    if (layout.startsWith("Jan", i)) {
                        if (layout.startsWith("January", i)) {
                            return chunk(layout, i, LONG_MONTH, i + 7);
                        }
                        if (!startsWithLower(layout, i + 3)) {
                            return chunk(layout, i, MONTH, i + 3);
                        }
                    }
                }
                case 'M' -> {
                    if (layout.startsWith("Mon", i)) {
                        if (layout.startsWith("Monday", i)) {
                            return chunk(layout, i, LONG_WEEKDAY, i + 6);
                        }
                        if (!startsWithLower(layout, i + 3)) {
                            return chunk(layout, i, WEEKDAY, i + 3);
                        }
                    }
                    if (layout.startsWith("MST", i)) {
                        return chunk(layout, i, TZ, i + 3);
                    }
                }
                case '0' -> {
                    if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
                        return chunk(layout, i, STD0X[layout.charAt(i + 1) - '1'], i + 2);
                    }
                    if (layout.startsWith("002", i)) {
                        return chunk(layout, i, ZERO_YEAR_DAY, i + 3);
                    }
                }
                case '1' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == '5') {
                        return chunk(layout, i, HOUR, i + 2);
                    }
                    return chunk(layout, i, NUM_MONTH, i + 1);
                }
                case '2' -> {
                    if (layout.startsWith("2006", i)) {
                        return chunk(layout, i, LONG_YEAR, i + 4);
                    }
                    return chunk(layout, i, DAY, i + 1);
                }
                case '_' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == '2') {
                        if (layout.startsWith("2006", i + 1)) {
                            return chunk(layout, i + 1, LONG_YEAR, i + 5);
                        }
                        return chunk(layout, i, UNDER_DAY, i + 2);
                    }
                    if (layout.startsWith("__2", i)) {
                        return chunk(layout, i, UNDER_YEAR_DAY, i + 3);
                    }
                }
                case '3' -> {
                    return chunk(layout, i, HOUR12, i + 1);
                }
                case '4' -> {
                    return chunk(layout, i, MINUTE, i + 1);
                }
                case '5' -> {
                    return chunk(layout, i, SECOND, i + 1);
                }
                case 'P' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == 'M') {
                        return chunk(layout, i, PM, i + 2);
                    }
                }
                case 'p' -> {
                    if (i + 1 < n && layout.charAt(i + 1) == 'm') {
                        return chunk(layout, i, PM_LOWER, i + 2);
                    }
                }
                case '-' -> {
                    if (layout.startsWith("-070000", i)) {
                        return chunk(layout, i, NUM_SECONDS_TZ, i + 7);
                    }
                    if (layout.startsWith("-07:00:00", i)) {
                        return chunk(layout, i, NUM_COLON_SECONDS_TZ, i + 9);
                    }
                    if (layout.startsWith("-0700", i)) {
                        return chunk(layout, i, NUM_TZ, i + 5);
                    }
                    if (layout.startsWith("-07:00", i)) {
                        return chunk(layout, i, NUM_COLON_TZ, i + 6);
                    }
                    if (layout.startsWith("-07", i)) {
                        return chunk(layout, i, NUM_SHORT_TZ, i + 3);
                    }
                }
                case 'Z' -> {
                    if (layout.startsWith("Z070000", i)) {
                        return chunk(layout, i, ISO8601_SECONDS_TZ, i + 7);
                    }
                    if (layout.startsWith("Z07:00:00", i)) {
                        return chunk(layout, i, ISO8601_COLON_SECONDS_TZ, i + 9);
                    }
                    if (layout.startsWith("Z0700", i)) {
                        return chunk(layout, i, ISO8601_TZ, i + 5);
                    }
                    if (layout.startsWith("Z07:00", i)) {
                        return chunk(layout, i, ISO8601_COLON_TZ, i + 6);
                    }
                    if (layout.startsWith("Z07", i)) {
                        return chunk(layout, i, ISO8601_SHORT_TZ, i + 3);
                    }
                }
                case '.', ',' -> {
                    if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
                        char ch = layout.charAt(i + 1);
                        int j = i + 1;
                        while (j < n && layout.charAt(j) == ch) {
                            j++;
                        }
                        if (!isDigit(layout, j)) {
                            int std = ch == '9' ? FRAC_SECOND9 : FRAC_SECOND0;
                            return new Chunk(layout.substring(0, i), std, j - (i + 1), c, layout.substring(i, j), layout.substring(j));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Chunk(layout, NONE, 0, '.', "", "");
    }

    private static Chunk chunk(String layout, int start, int std, int end) {
        return new Chunk(layout.substring(0, start), std, 0, '.', layout.substring(start, end), layout.substring(end));
    }

    private static boolean startsWithLower(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    // ------------------------------------------------------------------ formatting

    /** Go's {@code Time.Format(layout)}. */
    public static String format(ZonedDateTime t, String layout) {
        StringBuilder b = new StringBuilder();
        String rest = layout;
        while (!rest.isEmpty()) {
            Chunk c = next(rest);
            b.append(c.prefix());
            if (c.std() == NONE) {
                break;
            }
            rest = c.suffix();
            appendElement(b, t, c);
        }
        return b.toString();
    }

    private static void appendElement(StringBuilder b, ZonedDateTime t, Chunk c) {
        int hour = t.getHour();
        switch (c.std()) {
            case YEAR -> appendInt(b, Math.floorMod(t.getYear(), 100), 2);
            case LONG_YEAR -> appendInt(b, t.getYear(), 4);
            case MONTH -> b.append(SHORT_MONTHS[t.getMonthValue() - 1]);
            case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
            case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
            case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
            case WEEKDAY -> b.append(SHORT_DAYS[t.getDayOfWeek().getValue() % 7]);
            case LONG_WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7]);
            case DAY -> appendInt(b, t.getDayOfMonth(), 0);
            case UNDER_DAY -> {
                if (t.getDayOfMonth() < 10) {
                    b.append(' ');
                }
                appendInt(b, t.getDayOfMonth(), 0);
            }
            case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
            case UNDER_YEAR_DAY -> {
                int yd = t.getDayOfYear();
                if (yd < 100) {
                    b.append(' ');
                    if (yd < 10) {
                        b.append(' ');
                    }
                }
                appendInt(b, yd, 0);
            }
            case ZERO_YEAR_DAY -> appendInt(b, t.getDayOfYear(), 3);
            case HOUR -> appendInt(b, hour, 2);
            case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
            case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
            case MINUTE -> appendInt(b, t.getMinute(), 0);
            case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
            case SECOND -> appendInt(b, t.getSecond(), 0);
            case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
            case PM -> b.append(hour >= 12 ? "PM" : "AM");
            case PM_LOWER -> b.append(hour >= 12 ? "pm" : "am");
            case TZ -> {
                String name = GoZones.abbreviation(t);
                if (!name.isEmpty()) {
                    b.append(name);
                } else {
                    int zone = t.getOffset().getTotalSeconds() / 60;
                    b.append(zone < 0 ? '-' : '+');
                    zone = Math.abs(zone);
                    appendInt(b, zone / 60, 2);
                    appendInt(b, zone % 60, 2);
                }
            }
            case FRAC_SECOND0, FRAC_SECOND9 -> appendNano(b, t.getNano(), c);
            default -> appendOffset(b, t.getOffset().getTotalSeconds(), c.std());
        }
    }

    private static void appendOffset(StringBuilder b, int offset, int std) {
        boolean iso = std >= ISO8601_TZ && std <= ISO8601_COLON_SECONDS_TZ;
        if (offset == 0 && iso) {
            b.append('Z');
            return;
        }
        int zone = offset / 60;
        int abs = offset;
        if (zone < 0) {
            b.append('-');
            zone = -zone;
            abs = -abs;
        } else {
            b.append('+');
        }
        appendInt(b, zone / 60, 2);
        boolean colon = std == ISO8601_COLON_TZ || std == NUM_COLON_TZ || std == ISO8601_COLON_SECONDS_TZ
                || std == NUM_COLON_SECONDS_TZ;
        if (colon) {
            b.append(':');
        }
        if (std != NUM_SHORT_TZ && std != ISO8601_SHORT_TZ) {
            appendInt(b, zone % 60, 2);
        }
        if (std == ISO8601_SECONDS_TZ || std == NUM_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ
                || std == ISO8601_COLON_SECONDS_TZ) {
            if (std == NUM_COLON_SECONDS_TZ || std == ISO8601_COLON_SECONDS_TZ) {
                b.append(':');
            }
            appendInt(b, abs % 60, 2);
        }
    }

    /** Go's appendNano: {@code .000} keeps every digit, {@code .999} drops trailing zeros (and the dot). */
    private static void appendNano(StringBuilder b, int nanos, Chunk c) {
        boolean trim = c.std() == FRAC_SECOND9;
        int n = Math.min(c.digits(), 9);
        if (trim && (n == 0 || nanos == 0)) {
            return;
        }
        int start = b.length();
        b.append(c.separator());
        String digits = String.format("%09d", nanos);
        b.append(digits, 0, n);
        if (trim) {
            int end = b.length();
            while (end > start && b.charAt(end - 1) == '0') {
                end--;
            }
            if (end > start && b.charAt(end - 1) == c.separator()) {
                end--;
            }
            b.setLength(end);
        }
    }

    private static void appendInt(StringBuilder b, int x, int width) {
        if (x < 0) {
            b.append('-');
            x = -x;
        }
        String s = Integer.toString(x);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    // ------------------------------------------------------------------ parsing

    /** A failed parse, with Go's {@code time.ParseError} parts. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;
        public final String layout;
        public final String value;
        public final String layoutElem;
        public final String valueElem;
        public final String detail;

        ParseError(String layout, String value, String layoutElem, String valueElem, String detail) {
            super(null, null, false, false);
            this.layout = layout;
            this.value = value;
            this.layoutElem = layoutElem;
            this.valueElem = valueElem;
            this.detail = detail;
        }

        /** Go's message, with the layout and the element shown as the caller spelled them. */
        public String render(String shownLayout, String shownElem) {
            if (detail.isEmpty()) {
                return "parsing time " + GoZones.quote(value) + " as " + GoZones.quote(shownLayout) + ": cannot parse "
                        + GoZones.quote(valueElem) + " as " + GoZones.quote(shownElem);
            }
            return "parsing time " + GoZones.quote(value) + detail;
        }

        @Override
        public String getMessage() {
            return render(layout, layoutElem);
        }
    }

    /** The parsed time and the name of its zone as Go's {@code Time.Zone()} would report it. */
    public record Parsed(ZonedDateTime time, String zone) {
    }

    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String range;

        Bad(String range) {
            super(null, null, false, false);
            this.range = range;
        }
    }

    private static final Bad BAD = new Bad(null);

    /** Parse state: Go's local variables of {@code time.parse}. */
    private static final class State {
        int year;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour;
        int min;
        int sec;
        int nsec;
        boolean utc;
        int zoneOffset = -1;
        boolean hasOffset;
        String zoneName = "";
        boolean am;
        boolean pm;
        String value;
    }

    /**
     * Go's {@code time.ParseInLocation(layout, value, location)}, with month and weekday names (and AM/PM
     * markers) optionally taken from {@code names} besides English.
     */
    public static Parsed parse(String layout, String value, ZoneId location, TimeNames names) throws ParseError {
        String alayout = layout;
        String avalue = value;
        State s = new State();
        s.value = value;
        String rest = layout;
        while (true) {
            Chunk c = next(rest);
            String before = s.value;
            String skipped = skip(s.value, c.prefix());
            if (skipped == null) {
                throw new ParseError(alayout, avalue, c.prefix(), before, "");
            }
            s.value = skipped;
            if (c.std() == NONE) {
                if (!s.value.isEmpty()) {
                    throw new ParseError(alayout, avalue, "", s.value, ": extra text: " + GoZones.quote(s.value));
                }
                break;
            }
            rest = c.suffix();
            String hold = s.value;
            try {
                element(s, c, rest, names);
            } catch (Bad b) {
                if (b.range != null) {
                    throw new ParseError(alayout, avalue, c.element(), s.value, ": " + b.range + " out of range");
                }
                throw new ParseError(alayout, avalue, c.element(), hold, "");
            }
        }
        if (s.pm && s.hour < 12) {
            s.hour += 12;
        } else if (s.am && s.hour == 12) {
            s.hour = 0;
        }
        resolveDay(s, alayout, avalue);
        return build(s, location);
    }

    private static void element(State s, Chunk c, String rest, TimeNames names) throws Bad {
        String v = s.value;
        switch (c.std()) {
            case YEAR -> {
                if (v.length() < 2) {
                    throw BAD;
                }
                int y = atoi(v.substring(0, 2));
                s.value = v.substring(2);
                s.year = y >= 69 ? y + 1900 : y + 2000;
            }
            case LONG_YEAR -> {
                if (v.length() < 4 || !isDigit(v, 0)) {
                    throw BAD;
                }
                s.year = atoi(v.substring(0, 4));
                s.value = v.substring(4);
            }
            case MONTH -> s.month = lookup(s, names.shortMonths()) + 1;
            case LONG_MONTH -> s.month = lookup(s, names.longMonths()) + 1;
            case NUM_MONTH, ZERO_MONTH -> {
                s.month = getnum(s, c.std() == ZERO_MONTH);
                if (s.month <= 0 || s.month > 12) {
                    throw new Bad("month");
                }
            }
            case WEEKDAY -> lookup(s, names.shortDays()); // Go checks only that it is a weekday name
            case LONG_WEEKDAY -> lookup(s, names.longDays());
            case DAY, UNDER_DAY, ZERO_DAY -> {
                if (c.std() == UNDER_DAY && v.startsWith(" ")) {
                    s.value = v.substring(1);
                }
                s.day = getnum(s, c.std() == ZERO_DAY);
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                for (int i = 0; i < 2; i++) {
                    if (c.std() == UNDER_YEAR_DAY && s.value.startsWith(" ")) {
                        s.value = s.value.substring(1);
                    }
                }
                s.yday = getnum3(s, c.std() == ZERO_YEAR_DAY);
            }
            case HOUR -> {
                s.hour = getnum(s, false);
                if (s.hour < 0 || s.hour >= 24) {
                    throw new Bad("hour");
                }
            }
            case HOUR12, ZERO_HOUR12 -> {
                s.hour = getnum(s, c.std() == ZERO_HOUR12);
                if (s.hour < 0 || s.hour > 12) {
                    throw new Bad("hour");
                }
            }
            case MINUTE, ZERO_MINUTE -> {
                s.min = getnum(s, c.std() == ZERO_MINUTE);
                if (s.min < 0 || s.min >= 60) {
                    throw new Bad("minute");
                }
            }
            case SECOND, ZERO_SECOND -> second(s, c, rest);
            case PM, PM_LOWER -> meridiem(s, c.std() == PM, names);
            case TZ -> zoneName(s);
            case FRAC_SECOND0 -> {
                int ndigit = 1 + c.digits();
                if (v.length() < ndigit) {
                    throw BAD;
                }
                s.nsec = nanoseconds(v, ndigit);
                s.value = v.substring(ndigit);
            }
            case FRAC_SECOND9 -> {
                if (v.length() < 2 || !commaOrPeriod(v.charAt(0)) || !isDigit(v, 1)) {
                    break; // the fraction is optional
                }
                int i = 0;
                while (i + 1 < v.length() && isDigit(v, i + 1)) {
                    i++;
                }
                s.nsec = nanoseconds(v, 1 + i);
                s.value = v.substring(1 + i);
            }
            default -> offset(s, c.std());
        }
    }

    private static void second(State s, Chunk c, String rest) throws Bad {
        s.sec = getnum(s, c.std() == ZERO_SECOND);
        if (s.sec < 0 || s.sec >= 60) {
            throw new Bad("second");
        }
        String v = s.value;
        // a fraction in the value but none in the layout is still read
        if (v.length() >= 2 && commaOrPeriod(v.charAt(0)) && isDigit(v, 1)) {
            int std = next(rest).std();
            if (std == FRAC_SECOND0 || std == FRAC_SECOND9) {
                return;
            }
            int n = 2;
            while (n < v.length() && isDigit(v, n)) {
                n++;
            }
            s.nsec = nanoseconds(v, n);
            s.value = v.substring(n);
        }
    }

    private static void meridiem(State s, boolean upper, TimeNames names) throws Bad {
        String v = s.value;
        int[] consumed = new int[1];
        int localized = names.matchMeridiem(v, consumed);
        if (localized >= 0) {
            s.value = v.substring(consumed[0]);
            s.am = localized == 0;
            s.pm = localized == 1;
            return;
        }
        if (v.length() < 2) {
            throw BAD;
        }
        String p = v.substring(0, 2);
        s.value = v.substring(2);
        if (p.equals(upper ? "PM" : "pm")) {
            s.pm = true;
        } else if (p.equals(upper ? "AM" : "am")) {
            s.am = true;
        } else {
            throw BAD;
        }
    }

    private static void zoneName(State s) throws Bad {
        String v = s.value;
        if (v.startsWith("UTC")) {
            s.utc = true;
            s.value = v.substring(3);
            return;
        }
        int n = GoZones.parseTimeZone(v);
        if (n <= 0) {
            throw BAD;
        }
        s.zoneName = v.substring(0, n);
        s.value = v.substring(n);
    }

    private static void offset(State s, int std) throws Bad {
        String v = s.value;
        boolean iso = std >= ISO8601_TZ && std <= ISO8601_COLON_SECONDS_TZ;
        if (iso && v.startsWith("Z")) {
            s.value = v.substring(1);
            s.utc = true;
            return;
        }
        String sign;
        String hh;
        String mm = "00";
        String ss = "00";
        if (std == ISO8601_COLON_TZ || std == NUM_COLON_TZ) {
            if (v.length() < 6 || v.charAt(3) != ':') {
                throw BAD;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            s.value = v.substring(6);
        } else if (std == NUM_SHORT_TZ || std == ISO8601_SHORT_TZ) {
            if (v.length() < 3) {
                throw BAD;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            s.value = v.substring(3);
        } else if (std == ISO8601_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
            if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') {
                throw BAD;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            ss = v.substring(7, 9);
            s.value = v.substring(9);
        } else if (std == ISO8601_SECONDS_TZ || std == NUM_SECONDS_TZ) {
            if (v.length() < 7) {
                throw BAD;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            ss = v.substring(5, 7);
            s.value = v.substring(7);
        } else {
            if (v.length() < 5) {
                throw BAD;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            s.value = v.substring(5);
        }
        int hr = fixed2(hh);
        int mi = fixed2(mm);
        int se = fixed2(ss);
        int off = (hr * 60 + mi) * 60 + se;
        switch (sign.charAt(0)) {
            case '+' -> {
            }
            case '-' -> off = -off;
            default -> throw BAD;
        }
        if (hr > 24) {
            throw new Bad("time zone offset hour");
        }
        if (mi > 60) {
            throw new Bad("time zone offset minute");
        }
        if (se > 60) {
            throw new Bad("time zone offset second");
        }
        s.zoneOffset = off;
        s.hasOffset = true;
    }

    private static int fixed2(String s) throws Bad {
        if (!isDigit(s, 0) || !isDigit(s, 1)) {
            throw BAD;
        }
        return (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
    }

    private static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

    private static void resolveDay(State s, String alayout, String avalue) throws ParseError {
        if (s.yday >= 0) {
            int d = 0;
            int m = 0;
            int yday = s.yday;
            if (Year.isLeap(s.year)) {
                if (yday == 31 + 29) {
                    m = 2;
                    d = 29;
                } else if (yday > 31 + 29) {
                    yday--;
                }
            }
            if (yday < 1 || yday > 365) {
                throw new ParseError(alayout, avalue, "", s.value, ": day-of-year out of range");
            }
            if (m == 0) {
                m = (yday - 1) / 31 + 1;
                if (DAYS_BEFORE[m] < yday) {
                    m++;
                }
                d = yday - DAYS_BEFORE[m - 1];
            }
            if (s.month >= 0 && s.month != m) {
                throw new ParseError(alayout, avalue, "", s.value, ": day-of-year does not match month");
            }
            s.month = m;
            if (s.day >= 0 && s.day != d) {
                throw new ParseError(alayout, avalue, "", s.value, ": day-of-year does not match day");
            }
            s.day = d;
        } else {
            if (s.month < 0) {
                s.month = 1;
            }
            if (s.day < 0) {
                s.day = 1;
            }
        }
        if (s.day < 1 || s.day > Month.of(s.month).length(Year.isLeap(s.year))) {
            throw new ParseError(alayout, avalue, "", s.value, ": day out of range");
        }
    }

    /** The end of Go's parse: which location the wall clock reading belongs to. */
    private static Parsed build(State s, ZoneId local) {
        LocalDateTime wall = LocalDateTime.of(s.year, s.month, s.day, s.hour, s.min, s.sec, s.nsec);
        if (s.utc) {
            return new Parsed(ZonedDateTime.of(wall, ZoneOffset.UTC), "UTC");
        }
        if (s.hasOffset) {
            ZoneOffset off = ZoneOffset.ofTotalSeconds(s.zoneOffset);
            ZonedDateTime t = ZonedDateTime.of(wall, off);
            ZonedDateTime inLocal = t.withZoneSameInstant(local);
            String localName = GoZones.abbreviation(inLocal);
            if (inLocal.getOffset().getTotalSeconds() == s.zoneOffset
                    && (s.zoneName.isEmpty() || localName.equals(s.zoneName))) {
                return new Parsed(inLocal, localName);
            }
            return new Parsed(t, s.zoneName);
        }
        if (!s.zoneName.isEmpty()) {
            Integer offset = GoZones.lookupName(local, s.zoneName, wall);
            if (offset != null) {
                ZonedDateTime t = wall.atOffset(ZoneOffset.ofTotalSeconds(offset)).atZoneSameInstant(local);
                return new Parsed(t, s.zoneName);
            }
            int off = 0;
            if (s.zoneName.length() > 3 && s.zoneName.startsWith("GMT")) {
                off = atoiOrZero(s.zoneName.substring(3)) * 3600;
            }
            return new Parsed(ZonedDateTime.of(wall, ZoneOffset.ofTotalSeconds(off)), s.zoneName);
        }
        ZonedDateTime t = ZonedDateTime.of(wall, local);
        return new Parsed(t, GoZones.abbreviation(t));
    }

    private static int atoiOrZero(String s) {
        try {
            return atoi(s);
        } catch (Bad b) {
            return 0;
        }
    }

    private static String skip(String value, String prefix) {
        String v = value;
        String p = prefix;
        while (!p.isEmpty()) {
            if (p.charAt(0) == ' ') {
                if (!v.isEmpty() && v.charAt(0) != ' ') {
                    return null;
                }
                p = cutSpace(p);
                v = cutSpace(v);
                continue;
            }
            if (v.isEmpty() || v.charAt(0) != p.charAt(0)) {
                return null;
            }
            p = p.substring(1);
            v = v.substring(1);
        }
        return v;
    }

    private static String cutSpace(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean commaOrPeriod(char c) {
        return c == '.' || c == ',';
    }

    private static int getnum(State s, boolean fixed) throws Bad {
        String v = s.value;
        if (!isDigit(v, 0)) {
            throw BAD;
        }
        if (!isDigit(v, 1)) {
            if (fixed) {
                throw BAD;
            }
            s.value = v.substring(1);
            return v.charAt(0) - '0';
        }
        s.value = v.substring(2);
        return (v.charAt(0) - '0') * 10 + (v.charAt(1) - '0');
    }

    private static int getnum3(State s, boolean fixed) throws Bad {
        String v = s.value;
        int n = 0;
        int i = 0;
        while (i < 3 && isDigit(v, i)) {
            n = n * 10 + (v.charAt(i) - '0');
            i++;
        }
        if (i == 0 || (fixed && i != 3)) {
            throw BAD;
        }
        s.value = v.substring(i);
        return n;
    }

    /** Go's time.atoi: optional sign, then only digits. */
    private static int atoi(String s) throws Bad {
        boolean neg = false;
        String t = s;
        if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return 0;
        }
        long x = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw BAD;
            }
            x = x * 10 + (c - '0');
            if (x > Integer.MAX_VALUE) {
                throw BAD;
            }
        }
        return (int) (neg ? -x : x);
    }

    private static int nanoseconds(String value, int nbytes) throws Bad {
        if (!commaOrPeriod(value.charAt(0))) {
            throw BAD;
        }
        int n = Math.min(nbytes, 10);
        int ns = atoi(value.substring(1, n));
        if (ns < 0) {
            throw new Bad("fractional second");
        }
        for (int i = 0; i < 10 - n; i++) {
            ns *= 10;
        }
        return ns;
    }

    /** Go's lookup: the first name of the table that prefixes the value, ASCII case-insensitively. */
    private static int lookup(State s, String[][] table) throws Bad {
        String v = s.value;
        for (int i = 0; i < table.length; i++) {
            for (String name : table[i]) {
                if (v.length() >= name.length() && v.regionMatches(true, 0, name, 0, name.length())) {
                    s.value = v.substring(name.length());
                    return i;
                }
            }
        }
        throw BAD;
    }

    static int weekdayIndex(DayOfWeek d) {
        return d.getValue() % 7;
    }
}
