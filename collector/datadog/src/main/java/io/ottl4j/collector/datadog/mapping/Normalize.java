package io.ottl4j.collector.datadog.mapping;

/**
 * Datadog's normalization of tag values and service names (datadog-agent normalize package): lower case,
 * letters, digits and {@code : . / - _} kept, any other run of characters becomes one {@code _}, no
 * trailing {@code _}, bounded length.
 */
public final class Normalize {
    public static final int MAX_TAG_LENGTH = 200;
    public static final int MAX_SERVICE_LENGTH = 100;
    public static final int MAX_RESOURCE_LENGTH = 5000;
    public static final String DEFAULT_SERVICE = "otlpresourcenoservicename";

    private Normalize() {
    }

    public static String tagValue(String v) {
        return normalize(v, MAX_TAG_LENGTH, false);
    }

    /** A tag {@code key:value}: like a value, but it must start with a letter. */
    public static String tag(String v) {
        return normalize(v, MAX_TAG_LENGTH, true);
    }

    /** A service name; empty becomes {@link #DEFAULT_SERVICE}. */
    public static String service(String v) {
        String s = v.isEmpty() ? "" : normalize(v, MAX_SERVICE_LENGTH, false);
        return s.isEmpty() ? DEFAULT_SERVICE : s;
    }

    public static String resource(String v) {
        return v.length() > MAX_RESOURCE_LENGTH ? v.substring(0, MAX_RESOURCE_LENGTH) : v;
    }

    private static String normalize(String v, int max, boolean letterFirst) {
        if (isNormal(v, max, letterFirst)) {
            return v; // the common case allocates nothing
        }
        StringBuilder sb = new StringBuilder(Math.min(v.length(), max));
        boolean underscore = false;
        for (int i = 0; i < v.length() && sb.length() < max; ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            int lc = Character.toLowerCase(cp);
            if (sb.isEmpty() && letterFirst && !Character.isLetter(lc)) {
                continue;
            }
            if (Character.isLetterOrDigit(lc) || lc == ':' || lc == '.' || lc == '/' || lc == '-') {
                sb.appendCodePoint(lc);
                underscore = false;
            } else if (!underscore && !sb.isEmpty()) {
                sb.append('_');
                underscore = true;
            } else if (lc == '_' && sb.isEmpty()) {
                continue;
            }
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static boolean isNormal(String v, int max, boolean letterFirst) {
        if (v.length() > max || v.isEmpty()) {
            return v.isEmpty();
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '.' || c == '/' || c == '-' || c == '_';
            if (!ok || (i == 0 && (c == '_' || (letterFirst && !(c >= 'a' && c <= 'z'))))) {
                return false;
            }
        }
        return v.charAt(v.length() - 1) != '_' && !v.contains("__");
    }
}
