package io.ottl4j.language.function.std.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * Go's view of time zones on top of java.time: {@code time.LoadLocation} names, zone abbreviations
 * ({@code Time.Zone()}), and the abbreviation look-ups {@code time.Parse} does for {@code MST}-style input.
 * Abbreviations come from the JDK's (CLDR) short names, which agree with the IANA ones for the common zones.
 */
public final class GoZones {
    private GoZones() {
    }

    /** IANA fixed-offset zones that the JDK's zone database leaves out but Go's tzdata has. */
    private static final Map<String, ZoneOffset> FIXED = Map.of(
            "EST", ZoneOffset.ofHours(-5), "MST", ZoneOffset.ofHours(-7), "HST", ZoneOffset.ofHours(-10));

    private static final Set<String> UTC_IDS = Set.of("UTC", "Etc/UTC", "UCT", "Etc/UCT", "Zulu", "Etc/Zulu",
            "Universal", "Etc/Universal");

    /** A failed {@code time.LoadLocation}. */
    public static final class UnknownZone extends Exception {
        private static final long serialVersionUID = 1L;

        private final String zone;

        UnknownZone(String name) {
            super("unknown time zone " + name, null, false, false);
            this.zone = name;
        }

        public String zone() {
            return zone;
        }
    }

    /** Go's {@code time.LoadLocation}: "" and "UTC" are UTC, "Local" the host zone, else an IANA name. */
    public static ZoneId load(String name) throws UnknownZone {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return ZoneId.systemDefault();
        }
        ZoneOffset fixed = FIXED.get(name);
        if (fixed != null) {
            return fixed;
        }
        if (ZoneId.getAvailableZoneIds().contains(name)) {
            return ZoneId.of(name);
        }
        throw new UnknownZone(name);
    }

    /** The zone name Go would report for this time ({@code Time.Zone()}), or "" for a nameless fixed zone. */
    public static String abbreviation(ZonedDateTime t) {
        ZoneId zone = t.getZone();
        if (zone instanceof ZoneOffset off) {
            return off.getTotalSeconds() == 0 && off == ZoneOffset.UTC ? "UTC" : "";
        }
        String id = zone.getId();
        if (UTC_IDS.contains(id)) {
            return "UTC";
        }
        if (id.equals("GMT") || id.equals("Etc/GMT")) {
            return "GMT";
        }
        boolean dst = zone.getRules().isDaylightSavings(t.toInstant());
        String name = TimeZone.getTimeZone(id).getDisplayName(dst, TimeZone.SHORT, Locale.US);
        if (name.startsWith("GMT+") || name.startsWith("GMT-")) {
            // IANA names zones without a letter abbreviation by their offset: +03, +0530
            int secs = t.getOffset().getTotalSeconds();
            int mins = Math.abs(secs) / 60;
            String s = (secs < 0 ? "-" : "+") + String.format("%02d", mins / 60);
            return mins % 60 == 0 ? s : s + String.format("%02d", mins % 60);
        }
        return name;
    }

    /**
     * Go's {@code Location.lookupName}: the offset of a zone abbreviation in a location, preferring the one
     * in effect at the wall-clock time, or null when the location never uses that name.
     */
    public static Integer lookupName(ZoneId loc, String name, LocalDateTime wall) {
        if (loc instanceof ZoneOffset off) {
            if (off == ZoneOffset.UTC && name.equals("UTC")) {
                return 0;
            }
            ZoneOffset fixed = FIXED.get(name);
            return fixed != null && fixed.equals(off) ? off.getTotalSeconds() : null;
        }
        ZoneRules rules = loc.getRules();
        Instant asUtc = wall.toInstant(ZoneOffset.UTC);
        int std = rules.getStandardOffset(asUtc).getTotalSeconds();
        int[] candidates = {std, std + 3600};
        for (int off : candidates) {
            ZonedDateTime at = asUtc.minusSeconds(off).atZone(loc);
            if (abbreviation(at).equals(name)) {
                return at.getOffset().getTotalSeconds();
            }
        }
        TimeZone tz = TimeZone.getTimeZone(loc.getId());
        if (tz.getDisplayName(false, TimeZone.SHORT, Locale.US).equals(name)) {
            return std;
        }
        if (tz.getDisplayName(true, TimeZone.SHORT, Locale.US).equals(name)) {
            return std + tz.getDSTSavings() / 1000;
        }
        return null;
    }

    /** Go's parseTimeZone: the length of a zone abbreviation at the start of the value, or 0. */
    static int parseTimeZone(String v) {
        if (v.length() < 3) {
            return 0;
        }
        if (v.startsWith("ChST") || v.startsWith("MeST")) {
            return 4;
        }
        if (v.startsWith("GMT")) {
            String rest = v.substring(3);
            return rest.isEmpty() ? 3 : 3 + signedOffset(rest);
        }
        if (v.charAt(0) == '+' || v.charAt(0) == '-') {
            return signedOffset(v);
        }
        int upper = 0;
        while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
            upper++;
        }
        return switch (upper) {
            case 3 -> 3;
            case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
            case 5 -> v.charAt(4) == 'T' ? 5 : 0;
            default -> 0;
        };
    }

    private static int signedOffset(String v) {
        char sign = v.charAt(0);
        if (sign != '-' && sign != '+') {
            return 0;
        }
        int i = 1;
        long x = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i)) && v.charAt(i) < 128) {
            x = x * 10 + (v.charAt(i) - '0');
            if (x > Integer.MAX_VALUE) {
                return 0;
            }
            i++;
        }
        if (i == 1 || x > 23) {
            return 0;
        }
        return i;
    }

    /** Go's {@code strconv.Quote}. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 12 -> b.append("\\f");
                case 11 -> b.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}
