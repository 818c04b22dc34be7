package io.ottl4j.grammar.internal;

/** Spelling conversions for "did you mean" suggestions and named-argument matching. */
final class Names {

    private Names() {
    }

    /** {@code ReplacePattern} → {@code replace_pattern}, {@code Set} → {@code set}, {@code URLDecode} → {@code url_decode}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && name.charAt(i - 1) != '_') {
                char previous = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (!Character.isUpperCase(previous) || nextLower) {
                    out.append('_');
                }
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /**
     * {@code is_match} → {@code IsMatch}, {@code int} → {@code Int}, {@code resolveConflicts} →
     * {@code ResolveConflicts}: how upstream matches a named argument to a parameter.
     */
    static String upperCamelCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
