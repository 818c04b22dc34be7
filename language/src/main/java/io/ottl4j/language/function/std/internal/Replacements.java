package io.ottl4j.language.function.std.internal;

import com.google.re2j.Pattern;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.FunctionGetter;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.GoRegex;

/**
 * The optional {@code function} and {@code replacement_format} arguments of the replace editors, as
 * upstream applies them: the function (e.g. {@code SHA256}) maps a replacement to a string, and the
 * format, checked each time it is used, must contain {@code %s} and no other verb.
 */
public final class Replacements {
    private static final Pattern VALID_FORMAT = Pattern.compile("^(.*?%s.*?)$");
    private static final Pattern OTHER_VERB = Pattern.compile("%[^s]");

    private Replacements() {
    }

    /** Applies the function to one replacement; a non-string result is an error with upstream's text. */
    public static String applyFunction(VirtualFrame frame, FunctionGetter function, String input, String notStringMessage, Node loc) {
        Object r = function.apply(frame, input);
        if (r instanceof String s) {
            return s;
        }
        throw error(notStringMessage, loc);
    }

    /** Applies the format to a replacement when a format is given. */
    public static String applyFormat(VirtualFrame frame, StringGetter format, String value, Node loc) {
        if (format == null) {
            return value;
        }
        return format(format.get(frame), value, loc);
    }

    @TruffleBoundary
    private static OttlRuntimeException error(String message, Node loc) {
        return new OttlRuntimeException(message, loc);
    }

    @TruffleBoundary
    static String format(String format, String value, Node loc) {
        if (!VALID_FORMAT.matcher(format).find() || OTHER_VERB.matcher(format).find()) {
            throw new OttlRuntimeException("replacementFormat must be format string containing a single %s and no other format specifiers", loc);
        }
        // Go's Sprintf with only %s verbs: the second and later %s have no argument
        StringBuilder sb = new StringBuilder();
        boolean used = false;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                sb.append(c);
                i++;
            } else if (i + 1 >= format.length()) {
                sb.append("%!(NOVERB)");
                i++;
            } else {
                sb.append(used ? "%!s(MISSING)" : value);
                used = true;
                i += 2;
            }
        }
        return sb.toString();
    }

    /**
     * Upstream's replace-with-function: for each match of the pattern in the original string, the
     * replacement template is expanded against the match, passed through the function and formatted, and
     * then every occurrence of the matched text in the string built so far is replaced by it.
     */
    public static String replaceEachMatch(VirtualFrame frame, Pattern p, String original, String template,
            FunctionGetter function, StringGetter format, String notStringMessage, Node loc) {
        int[][] matches = GoRegex.findAll(p, original);
        String updated = original;
        for (int i = 0; i < matches.length; i++) {
            int[] m = matches[i];
            String expanded = GoRegex.expand(p, template, original, m);
            String replacement = applyFunction(frame, function, expanded, notStringMessage, loc);
            replacement = applyFormat(frame, format, replacement, loc);
            updated = GoRegex.stringsReplaceAll(updated, substring(original, m[0], m[1]), replacement);
        }
        return updated;
    }

    @TruffleBoundary
    private static String substring(String s, int from, int to) {
        return s.substring(from, to);
    }
}
