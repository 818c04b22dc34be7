package io.ottl4j.otlp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in the decoder's own words: what was wrong, and where the unclosed array or object began,
 * without Jackson's internals ({@code [Source: REDACTED ...]}, {@code (code 114)}, {@code StreamReadConstraints}).
 */
final class JsonErrors {
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object|root) starting at \\[.*?line: (\\d+), column: (\\d+)\\]\\)",
            Pattern.DOTALL);
    private static final Pattern EOF_IN_CONTAINER = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Array|Object) \\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\]\\)",
            Pattern.DOTALL);
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\(('.*?') \\(code \\d+\\)\\):? ?(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)': was expecting .*", Pattern.DOTALL);
    private static final Pattern NESTING = Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(for \\w+ starting at |start marker at )?\\[Source: .*?\\]\\)?", Pattern.DOTALL);

    private JsonErrors() {
    }

    /** The problem in plain words, from Jackson's original message (no location: the caller adds line and column). */
    static String describe(String jackson) {
        if (jackson == null || jackson.isBlank()) {
            return "unreadable JSON";
        }
        Matcher m = CLOSE_MARKER.matcher(jackson);
        if (m.matches()) {
            return "unexpected '" + m.group(1) + "' where '" + m.group(2) + "' should close the " + container(m.group(3))
                    + " opened at line " + m.group(4) + ", column " + m.group(5);
        }
        m = EOF_IN_CONTAINER.matcher(jackson);
        if (m.matches()) {
            return "the input ends inside the " + container(m.group(1)) + " opened at line " + m.group(2) + ", column " + m.group(3);
        }
        m = UNEXPECTED_CHAR.matcher(jackson);
        if (m.matches()) {
            String expected = m.group(2).replace("was expecting double-quote to start field name", "expected a field name in double quotes")
                    .replace("was expecting comma to separate", "expected a comma to separate")
                    .replace("was expecting a colon to separate field name and value", "expected a colon after the field name")
                    .replace("was expecting ", "expected ");
            return "unexpected character " + m.group(1) + (expected.isBlank() ? "" : ": " + expected);
        }
        m = UNRECOGNIZED.matcher(jackson);
        if (m.matches()) {
            return "unexpected '" + m.group(1) + "': expected a JSON value (a string, number, array, object, true, false or null)";
        }
        m = NESTING.matcher(jackson);
        if (m.matches()) {
            return "nesting depth " + m.group(1) + " exceeds the maximum of " + m.group(2);
        }
        if (jackson.startsWith("Unexpected end-of-input")) {
            return "the input ends too early" + jackson.substring("Unexpected end-of-input".length()).replaceFirst("^:", ":");
        }
        String s = SOURCE.matcher(jackson).replaceAll("").replaceAll(" \\(code \\d+\\)", "").strip();
        return s.isEmpty() ? "unreadable JSON" : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String container(String jackson) {
        return jackson.equals("Array") ? "array" : jackson.equals("Object") ? "object" : "document";
    }
}
