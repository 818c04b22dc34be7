package io.ottl4j.language.function.std.internal;

import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Month, weekday and AM/PM names a time may be written with: English (Go's tables) and, for {@code Time}'s
 * {@code locale} argument, the locale's CLDR names. Upstream translates localized names into English
 * before Go parses the value; matching the localized names directly has the same effect.
 */
public record TimeNames(String[][] longMonths, String[][] shortMonths, String[][] longDays, String[][] shortDays,
        String[] am, String[] pm) {

    public static final TimeNames ENGLISH = new TimeNames(single(GoLayout.LONG_MONTHS), single(GoLayout.SHORT_MONTHS),
            single(GoLayout.LONG_DAYS), single(GoLayout.SHORT_DAYS), new String[0], new String[0]);

    private static String[][] single(String[] names) {
        String[][] out = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = new String[] {names[i]};
        }
        return out;
    }

    /** A rejected locale argument, with upstream's wording. */
    public static final class BadLocale extends Exception {
        private static final long serialVersionUID = 1L;

        BadLocale(String message) {
            super(message, null, false, false);
        }
    }

    /** The names of a BCP 47 locale, which must be a locale the JDK has CLDR data for. */
    public static TimeNames of(String tag) throws BadLocale {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            throw new BadLocale("invalid locale '" + tag + "': " + e.getMessage());
        }
        boolean known = !locale.getLanguage().isEmpty()
                && Arrays.stream(Locale.getAvailableLocales()).anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
        if (!known) {
            throw new BadLocale("unsupported locale '" + tag + "', value must be a supported BCP 47 language tag");
        }
        String[][] longMonths = new String[12][];
        String[][] shortMonths = new String[12][];
        for (Month m : Month.values()) {
            int i = m.ordinal();
            longMonths[i] = names(GoLayout.LONG_MONTHS[i], m.getDisplayName(TextStyle.FULL, locale),
                    m.getDisplayName(TextStyle.FULL_STANDALONE, locale));
            shortMonths[i] = names(GoLayout.SHORT_MONTHS[i], m.getDisplayName(TextStyle.SHORT, locale),
                    m.getDisplayName(TextStyle.SHORT_STANDALONE, locale));
        }
        String[][] longDays = new String[7][];
        String[][] shortDays = new String[7][];
        for (DayOfWeek d : DayOfWeek.values()) {
            int i = d.getValue() % 7;
            longDays[i] = names(GoLayout.LONG_DAYS[i], d.getDisplayName(TextStyle.FULL, locale),
                    d.getDisplayName(TextStyle.FULL_STANDALONE, locale));
            shortDays[i] = names(GoLayout.SHORT_DAYS[i], d.getDisplayName(TextStyle.SHORT, locale),
                    d.getDisplayName(TextStyle.SHORT_STANDALONE, locale));
        }
        String[] ampm = DateFormatSymbols.getInstance(locale).getAmPmStrings();
        return new TimeNames(longMonths, shortMonths, longDays, shortDays, new String[] {ampm[0]}, new String[] {ampm[1]});
    }

    /** Localized spellings (with and without a final dot), longest first, then the English one. */
    private static String[] names(String english, String... localized) {
        Set<String> set = new LinkedHashSet<>();
        for (String s : localized) {
            set.add(s);
            if (s.endsWith(".")) {
                set.add(s.substring(0, s.length() - 1));
            }
        }
        List<String> out = new ArrayList<>(set);
        out.sort((a, b) -> b.length() - a.length());
        out.add(english);
        return out.toArray(new String[0]);
    }

    /**
     * Matches a localized AM (0) or PM (1) marker at the start of the value, ignoring case and the spaces
     * inside it ({@code p.m.} and CLDR's {@code p. m.} both match); -1 when none does.
     */
    int matchMeridiem(String value, int[] consumed) {
        for (int which = 0; which < 2; which++) {
            for (String marker : which == 0 ? am : pm) {
                int n = matchLoose(value, marker);
                if (n > 0) {
                    consumed[0] = n;
                    return which;
                }
            }
        }
        return -1;
    }

    private static int matchLoose(String value, String marker) {
        int i = 0;
        for (int j = 0; j < marker.length(); j++) {
            char m = marker.charAt(j);
            if (Character.isSpaceChar(m) || m == ' ') {
                continue;
            }
            while (i > 0 && i < value.length() && Character.isSpaceChar(value.charAt(i))) {
                i++;
            }
            if (i >= value.length() || Character.toLowerCase(value.charAt(i)) != Character.toLowerCase(m)) {
                return 0;
            }
            i++;
        }
        return i;
    }
}
