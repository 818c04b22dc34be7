package io.ottl4j.language.function.std.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's strptime-like directives ({@code %Y-%m-%d}), translated into a Go layout directive by
 * directive exactly as upstream's ctimefmt does. Text between directives is copied as is, so Go may still
 * read layout elements in it (a literal {@code PM} or {@code Jan}), as upstream does.
 */
public final class Strptime {
    private Strptime() {
    }

    private static final Map<Character, String> SUBSTITUTES = new HashMap<>();

    static {
        String[][] table = {
            {"Y", "2006"}, {"y", "06"}, {"m", "01"}, {"o", "_1"}, {"q", "1"}, {"b", "Jan"}, {"h", "Jan"},
            {"B", "January"}, {"d", "02"}, {"e", "_2"}, {"g", "2"}, {"a", "Mon"}, {"A", "Monday"}, {"H", "15"},
            {"l", "3"}, {"I", "03"}, {"p", "PM"}, {"P", "pm"}, {"M", "04"}, {"S", "05"}, {"L", "999"},
            {"f", "999999"}, {"s", "999999999"}, {"Z", "MST"}, {"z", "Z0700"}, {"w", "-070000"}, {"i", "-07"},
            {"j", "-07:00"}, {"k", "-07:00:00"}, {"D", "01/02/2006"}, {"x", "01/02/2006"}, {"F", "2006-01-02"},
            {"T", "15:04:05"}, {"X", "15:04:05"}, {"r", "03:04:05 pm"}, {"R", "15:04"}, {"n", "\n"}, {"t", "\t"},
            {"%", "%"}, {"c", "Mon Jan 02 15:04:05 2006"},
        };
        for (String[] e : table) {
            SUBSTITUTES.put(e[0].charAt(0), e[1]);
        }
    }

    /** An unsupported directive, reported as upstream's ctimefmt does. */
    public static final class BadFormat extends Exception {
        private static final long serialVersionUID = 1L;

        BadFormat(String message) {
            super(message, null, false, false);
        }
    }

    /** The Go layout for a strptime format. */
    public static String toGoLayout(String format) throws BadFormat {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            // a directive is % and any one character but a newline (Go's regexp "%.")
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) != '\n') {
                int cp = format.codePointAt(i + 1);
                String subst = cp < 128 ? SUBSTITUTES.get((char) cp) : null;
                if (subst == null) {
                    errors.add("unsupported ctimefmt.ToNative() directive: %" + new String(Character.toChars(cp)));
                } else {
                    out.append(subst);
                }
                i += 1 + Character.charCount(cp);
                continue;
            }
            out.append(c);
            i++;
        }
        if (!errors.isEmpty()) {
            throw new BadFormat("convert to go time format: [" + String.join(" ", errors) + "]");
        }
        return out.toString();
    }

    /** The directive of the format that produced a Go layout element, for error messages. */
    public static String directiveFor(String format, String layoutElem) {
        for (int i = 0; i + 1 < format.length(); i++) {
            if (format.charAt(i) == '%') {
                String subst = SUBSTITUTES.get(format.charAt(i + 1));
                if (layoutElem.equals(subst) || (subst != null && !layoutElem.isEmpty()
                        && (layoutElem.charAt(0) == '.' || layoutElem.charAt(0) == ',') && layoutElem.substring(1).equals(subst))) {
                    return "%" + format.charAt(i + 1);
                }
                i++;
            }
        }
        return layoutElem;
    }
}
