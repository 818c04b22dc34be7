package io.ottl4j.language.function.std;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Go-flavoured regular expression with named groups. Go's regexp allows several groups with the same
 * name, RE2/J does not, so every named group is renamed to a unique synthetic name before compiling and
 * the written names are kept per group number.
 */
final class GrokRegex {
    private static final String PREFIX = "ottl4jg";

    final Pattern pattern;
    /** Written name of each group, index = group number (0 and unnamed groups: null). */
    final List<String> names;

    private GrokRegex(Pattern pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    /** Compiles {@code regex}; throws IllegalArgumentException with the reason when it is invalid. */
    static GrokRegex compile(String regex) {
        List<String> written = new ArrayList<>();
        String rewritten = renameGroups(regex, written);
        Pattern p;
        try {
            p = Pattern.compile(rewritten);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage().replace(PREFIX, "").trim());
        }
        List<String> names = new ArrayList<>(Collections.nCopies(p.groupCount() + 1, (String) null));
        for (Map.Entry<String, Integer> e : p.namedGroups().entrySet()) {
            int k = Integer.parseInt(e.getKey().substring(PREFIX.length()));
            names.set(e.getValue(), written.get(k));
        }
        return new GrokRegex(p, names);
    }

    boolean hasNamedGroups() {
        for (String n : names) {
            if (n != null) {
                return true;
            }
        }
        return false;
    }

    /** Replaces {@code (?P<name>} and {@code (?<name>} outside character classes by synthetic names. */
    private static String renameGroups(String regex, List<String> written) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        int i = 0;
        boolean inClass = false;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(i + 1));
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                // a ']' first in the class (after an optional '^') is literal
                if (i < regex.length() && regex.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < regex.length() && regex.charAt(i) == ']') {
                    out.append(']');
                    i++;
                }
                continue;
            }
            int nameStart = regex.startsWith("(?P<", i) ? i + 4 : regex.startsWith("(?<", i) ? i + 3 : -1;
            if (nameStart >= 0) {
                int end = regex.indexOf('>', nameStart);
                if (end < 0) {
                    throw new IllegalArgumentException("error parsing regexp: invalid named capture: `" + regex.substring(i) + "`");
                }
                String name = regex.substring(nameStart, end);
                if (!name.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalArgumentException("error parsing regexp: invalid named capture: `"
                            + regex.substring(i, end + 1) + "`");
                }
                out.append("(?P<").append(PREFIX).append(written.size()).append('>');
                written.add(name);
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
