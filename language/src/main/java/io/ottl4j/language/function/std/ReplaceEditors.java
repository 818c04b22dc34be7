package io.ottl4j.language.function.std;

import com.google.re2j.Pattern;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.FunctionGetter;
import io.ottl4j.language.function.GetSetter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.internal.DynamicGlob;
import io.ottl4j.language.function.std.internal.DynamicRegex;
import io.ottl4j.language.function.std.internal.Replacements;
import io.ottl4j.pdata.AttributeMap;

/**
 * The replace editors: glob matches ({@code replace_match}, {@code replace_all_matches}) replace whole
 * strings, regex patterns ({@code replace_pattern}, {@code replace_all_patterns}) replace every match
 * with Go template expansion ({@code $1}, {@code ${name}}, {@code $$}). The optional {@code function}
 * (a converter such as {@code SHA256}) transforms the replacement, and {@code replacement_format}
 * (used only together with a function) wraps it: it must contain {@code %s}.
 */
public final class ReplaceEditors {
    private static final String NOT_STRING = "replacement value is not a string";
    private static final String MUST_BE_STRING = "the replacement value must be a string";

    private ReplaceEditors() {
    }

    /** An editor with upstream's replacement arguments: replacement, an optional function and its format. */
    abstract static class ReplaceEditor extends EditorNode {
        @Child StringGetter replacement;
        @Child FunctionGetter function;
        @Child StringGetter replacementFormat;

        ReplaceEditor(StringGetter replacement, FunctionGetter function, StringGetter replacementFormat) {
            this.replacement = replacement;
            this.function = function;
            this.replacementFormat = replacementFormat;
        }

        /** The replacement of the glob editors: with a function, passed through it and then formatted. */
        final String globReplacement(VirtualFrame frame) {
            String r = replacement.get(frame);
            if (function == null) {
                return r;
            }
            r = Replacements.applyFunction(frame, function, r, NOT_STRING, this);
            return Replacements.applyFormat(frame, replacementFormat, r, this);
        }

        /** Every match of {@code p} in {@code s} replaced by {@code r} passed through the function and format. */
        final String replaceEachMatch(VirtualFrame frame, Pattern p, String s, String r) {
            return Replacements.replaceEachMatch(frame, p, s, r, function, replacementFormat, MUST_BE_STRING, this);
        }
    }

    @OttlFunction(name = "replace_match", kind = OttlFunction.Kind.EDITOR,
            doc = "Replaces a string field by replacement when the whole string matches the glob pattern "
                    + "(* matches any characters, / included; ?, [a-z], [!a], {a,b} as usual).",
            example = "replace_match(attributes[\"http.target\"], \"/user/*/list/*\", \"/user/{userId}/list/{listId}\")")
    public static final class ReplaceMatchEditor extends ReplaceEditor {
        @Child private GetSetter target;
        @Child private DynamicGlob pattern;

        public ReplaceMatchEditor(@Param("target") GetSetter target, @Param("pattern") StringGetter pattern,
                @Param("replacement") StringGetter replacement,
                @Param(value = "function", optional = true) FunctionGetter function,
                @Param(value = "replacement_format", optional = true) StringGetter replacementFormat) {
            super(replacement, function, replacementFormat);
            this.target = target;
            this.pattern = new DynamicGlob("replace_match", "pattern", pattern);
        }

        @Override
        public void execute(VirtualFrame frame) {
            Glob glob = pattern.get(frame);
            Object value = target.get(frame);
            String r = globReplacement(frame);
            if (value instanceof String s && glob.matches(s)) {
                target.set(frame, r);
            }
        }
    }

    @OttlFunction(name = "replace_all_matches", kind = OttlFunction.Kind.EDITOR,
            doc = "Replaces every string value of a map whose whole string matches the glob pattern by replacement.",
            example = "replace_all_matches(attributes, \"/user/*/list/*\", \"/user/{userId}/list/{listId}\")")
    public static final class ReplaceAllMatchesEditor extends ReplaceEditor {
        @Child private MapGetter target;
        @Child private DynamicGlob pattern;

        public ReplaceAllMatchesEditor(@Param("target") MapGetter target, @Param("pattern") StringGetter pattern,
                @Param("replacement") StringGetter replacement,
                @Param(value = "function", optional = true) FunctionGetter function,
                @Param(value = "replacement_format", optional = true) StringGetter replacementFormat) {
            super(replacement, function, replacementFormat);
            this.target = target;
            this.pattern = new DynamicGlob("replace_all_matches", "pattern", pattern);
        }

        @Override
        public void execute(VirtualFrame frame) {
            Glob glob = pattern.get(frame);
            AttributeMap m = target.get(frame);
            String r = globReplacement(frame);
            replaceMatching(m, glob, r);
        }

        @TruffleBoundary
        private static void replaceMatching(AttributeMap m, Glob glob, String r) {
            for (int i = 0; i < m.size(); i++) {
                if (m.valueAt(i) instanceof String s && glob.matches(s)) {
                    m.setValueAt(i, r);
                }
            }
        }
    }

    @OttlFunction(name = "replace_pattern", kind = OttlFunction.Kind.EDITOR,
            doc = "Replaces every match of the regular expression in a string field by replacement, in which $1, "
                    + "${1} and ${name} stand for capture groups and $$ for a $.",
            example = "replace_pattern(attributes[\"http.url\"], \"token=[^&]+\", \"token=***\")")
    public static final class ReplacePatternEditor extends ReplaceEditor {
        @Child private GetSetter target;
        @Child private DynamicRegex regex;

        public ReplacePatternEditor(@Param("target") GetSetter target, @Param("regex_pattern") StringGetter regexPattern,
                @Param("replacement") StringGetter replacement,
                @Param(value = "function", optional = true) FunctionGetter function,
                @Param(value = "replacement_format", optional = true) StringGetter replacementFormat) {
            super(replacement, function, replacementFormat);
            this.target = target;
            this.regex = new DynamicRegex("replace_pattern", "regex_pattern", regexPattern);
        }

        @Override
        public void execute(VirtualFrame frame) {
            Object value = target.get(frame);
            if (value == null) {
                return;
            }
            String r = replacement.get(frame);
            if (!(value instanceof String s)) {
                return;
            }
            Pattern p = regex.get(frame);
            if (!GoRegex.find(p, s)) {
                return;
            }
            String updated = function == null
                    ? GoRegex.replaceAll(p, s, r)
                    : replaceEachMatch(frame, p, s, r);
            target.set(frame, updated);
        }
    }

    @OttlFunction(name = "replace_all_patterns", kind = OttlFunction.Kind.EDITOR,
            doc = "Replaces every match of the regular expression in each string value (mode \"value\") or in each "
                    + "key (mode \"key\") of a map; $1, ${name} and $$ expand as in replace_pattern.",
            example = "replace_all_patterns(attributes, \"value\", \"/account/\\\\d{4}\", \"/account/{accountId}\")")
    public static final class ReplaceAllPatternsEditor extends ReplaceEditor {
        @Child private MapGetter target;
        private final boolean keyMode;
        @Child private DynamicRegex regex;

        public ReplaceAllPatternsEditor(@Param("target") MapGetter target, @Param("mode") String mode,
                @Param("regex_pattern") StringGetter regexPattern, @Param("replacement") StringGetter replacement,
                @Param(value = "function", optional = true) FunctionGetter function,
                @Param(value = "replacement_format", optional = true) StringGetter replacementFormat) {
            super(replacement, function, replacementFormat);
            this.regex = new DynamicRegex("replace_all_patterns", "regex_pattern", regexPattern);
            if (!mode.equals("key") && !mode.equals("value")) {
                throw new OttlArgumentException("mode", "invalid mode " + mode + ", must be either 'key' or 'value'");
            }
            this.target = target;
            this.keyMode = mode.equals("key");
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeMap m = target.get(frame);
            String r = replacement.get(frame);
            Pattern p = regex.get(frame);
            if (keyMode) {
                replaceKeys(frame, m, p, r);
            } else {
                replaceValues(frame, m, p, r);
            }
        }

        private void replaceValues(VirtualFrame frame, AttributeMap m, Pattern p, String r) {
            int n = size(m);
            for (int i = 0; i < n; i++) {
                if (!(valueAt(m, i) instanceof String s) || !GoRegex.find(p, s)) {
                    continue;
                }
                String updated;
                if (function == null) {
                    updated = GoRegex.replaceAll(p, s, r);
                } else {
                    updated = replaceWithFunction(frame, p, s, r);
                    if (updated == null) {
                        continue;
                    }
                }
                setValueAt(m, i, updated);
            }
        }

        private void replaceKeys(VirtualFrame frame, AttributeMap m, Pattern p, String r) {
            AttributeMap updated = new AttributeMap();
            int n = size(m);
            for (int i = 0; i < n; i++) {
                String key = keyAt(m, i);
                String newKey = key;
                if (GoRegex.find(p, key)) {
                    if (function == null) {
                        newKey = GoRegex.replaceAll(p, key, r);
                    } else {
                        newKey = replaceWithFunction(frame, p, key, r);
                        if (newKey == null) {
                            // upstream skips the entry, so it is dropped from the map
                            continue;
                        }
                    }
                }
                // a later entry renamed to an existing key overwrites its value in place
                put(updated, newKey, valueAt(m, i));
            }
            moveInto(updated, m);
        }

        /** Upstream ignores failures of the function or format here: the string is left unchanged. */
        private String replaceWithFunction(VirtualFrame frame, Pattern p, String s, String r) {
            try {
                return replaceEachMatch(frame, p, s, r);
            } catch (OttlRuntimeException e) {
                return null;
            }
        }

        @TruffleBoundary
        private static int size(AttributeMap m) {
            return m.size();
        }

        @TruffleBoundary
        private static Object valueAt(AttributeMap m, int i) {
            return m.valueAt(i);
        }

        @TruffleBoundary
        private static String keyAt(AttributeMap m, int i) {
            return m.keyAt(i);
        }

        @TruffleBoundary
        private static void setValueAt(AttributeMap m, int i, String v) {
            m.setValueAt(i, v);
        }

        @TruffleBoundary
        private static void put(AttributeMap m, String k, Object v) {
            m.put(k, v);
        }

        @TruffleBoundary
        private static void moveInto(AttributeMap from, AttributeMap to) {
            to.clear();
            for (int i = 0; i < from.size(); i++) {
                to.put(from.keyAt(i), from.valueAt(i));
            }
        }
    }
}
