package io.ottl4j.language.function.std;

import com.google.re2j.Matcher;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.Values;
import io.ottl4j.language.function.std.internal.DynamicCompiled;
import io.ottl4j.pdata.AttributeMap;
import java.util.Map;

/** OTTL converters extracting named captures: ExtractPatterns (regex) and ExtractGrokPatterns (grok). */
public final class PatternConverters {
    private PatternConverters() {
    }

    @OttlFunction(name = "ExtractPatterns", kind = OttlFunction.Kind.CONVERTER,
            doc = "Returns a map of the named capture groups of the first match of an RE2 pattern (groups that did not "
                    + "take part map to \"\"); an empty map when nothing matches. The pattern needs a named group.",
            example = "ExtractPatterns(attributes[\"k8s.change_cause\"], \"GIT_SHA=(?P<git_sha>\\\\w+)\")")
    public static final class ExtractPatternsConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private DynamicCompiled<GrokRegex> regex;

        public ExtractPatternsConverter(@Param("target") StringGetter target, @Param("pattern") @Baseline(String.class) StringGetter pattern) {
            this.target = target;
            this.regex = new DynamicCompiled<>("pattern", pattern, ExtractPatternsConverter::compile);
        }

        private static GrokRegex compile(String pattern) {
            GrokRegex r;
            try {
                r = GrokRegex.compile(pattern);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the pattern supplied to ExtractPatterns is not a valid pattern: " + e.getMessage());
            }
            if (!r.hasNamedGroups()) {
                throw new IllegalArgumentException("at least 1 named capture group must be supplied in the given regex");
            }
            return r;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String text = target.get(frame);
            return extract(text, regex.get(frame));
        }

        @TruffleBoundary
        private static AttributeMap extract(String text, GrokRegex regex) {
            AttributeMap result = new AttributeMap();
            Matcher m = regex.pattern.matcher(text);
            if (!m.find()) {
                return result;
            }
            for (int i = 1; i < regex.names.size(); i++) {
                String name = regex.names.get(i);
                if (name != null) {
                    String g = m.group(i);
                    result.put(name, g == null ? "" : g);
                }
            }
            return result;
        }
    }

    @OttlFunction(name = "ExtractGrokPatterns", kind = OttlFunction.Kind.CONVERTER,
            doc = "Matches a grok pattern (%{SYNTAX}, %{SYNTAX:ID}, %{SYNTAX:ID:TYPE} with TYPE int, long, float, double, "
                    + "bool or boolean, plus plain RE2) and returns the non-empty captures as a map; IDs may contain dots. "
                    + "named_captures_only drops the captures of references without an ID; pattern_definitions adds "
                    + "\"NAME=pattern\" definitions to the standard set.",
            example = "ExtractGrokPatterns(body, \"%{IP:client.ip} %{WORD:method} %{NUMBER:bytes:int}\", true)")
    public static final class ExtractGrokPatternsConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private DynamicCompiled<Compiled> compiled;

        /** A grok pattern expanded and compiled, with the types its captures ask for. */
        private record Compiled(GrokRegex regex, Map<String, String> typeHints) {
        }

        public ExtractGrokPatternsConverter(@Param("target") StringGetter target, @Param("pattern") @Baseline(String.class) StringGetter pattern,
                @Param(value = "named_captures_only", optional = true, defaultValue = "false") Boolean namedCapturesOnly,
                @Param(value = "pattern_definitions", optional = true, defaultValue = "[]") String[] patternDefinitions) {
            this.target = target;
            boolean namedOnly = namedCapturesOnly != null && namedCapturesOnly;
            GrokPatterns grok = new GrokPatterns();
            if (patternDefinitions != null) {
                for (int i = 0; i < patternDefinitions.length; i++) {
                    String def = patternDefinitions[i];
                    int eq = def.indexOf('=');
                    if (eq < 0) {
                        String shown = def.length() > 20 ? def.substring(0, 17) + "..." : def;
                        throw new OttlArgumentException("pattern_definitions", "pattern \"" + shown
                                + "\" supplied to ExtractGrokPatterns at index " + i
                                + " has incorrect format, expecting PATTERNNAME=pattern definition");
                    }
                    String name = def.substring(0, eq);
                    if (name.indexOf(':') >= 0) {
                        throw new OttlArgumentException("pattern_definitions", "pattern ID \"" + name + "\" should not contain ':'");
                    }
                    grok.add(name, def.substring(eq + 1));
                }
            }
            this.compiled = new DynamicCompiled<>("pattern", pattern, p -> compile(grok, p, namedOnly));
        }

        private static Compiled compile(GrokPatterns grok, String pattern, boolean namedOnly) {
            Compiled c;
            try {
                GrokPatterns.Expanded expanded = grok.expand(pattern, namedOnly);
                c = new Compiled(GrokRegex.compile(expanded.regex()), Map.copyOf(expanded.typeHints()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the pattern supplied to ExtractGrokPatterns is not a valid pattern: " + e.getMessage());
            }
            if (namedOnly && !c.regex().hasNamedGroups()) {
                throw new IllegalArgumentException("at least 1 named capture group must be supplied in the given regex");
            }
            return c;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String text = target.get(frame);
            Compiled c = compiled.get(frame);
            return extract(text, c.regex(), c.typeHints(), this);
        }

        @TruffleBoundary
        private static AttributeMap extract(String text, GrokRegex regex, Map<String, String> hints, Node location) {
            AttributeMap result = new AttributeMap();
            Matcher m = regex.pattern.matcher(text);
            if (!m.find()) {
                return result;
            }
            for (int i = 1; i < regex.names.size(); i++) {
                String name = regex.names.get(i);
                String value = m.group(i);
                if (name == null || value == null || value.isEmpty()) {
                    continue;
                }
                result.put(name.replace(GrokPatterns.DOT, "."), typed(value, name, hints.get(name), location));
            }
            return result;
        }

        private static Object typed(String value, String name, String hint, Node location) {
            if (hint == null) {
                return value;
            }
            switch (hint) {
                case "string":
                    return value;
                case "int", "long":
                    try {
                        // Go's strconv.Atoi: decimal, optional sign, no surrounding space
                        if (!value.matches("[+-]?[0-9]+")) {
                            throw new NumberFormatException();
                        }
                        return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
                    } catch (NumberFormatException e) {
                        throw new OttlRuntimeException("ExtractGrokPatterns: strconv.Atoi: parsing \"" + value
                                + "\": invalid syntax", location);
                    }
                case "float", "double": {
                    Double d = Values.parseGoFloat(value);
                    if (d == null) {
                        throw new OttlRuntimeException("ExtractGrokPatterns: strconv.ParseFloat: parsing \"" + value
                                + "\": invalid syntax", location);
                    }
                    return d;
                }
                case "bool", "boolean": {
                    Boolean b = Values.parseGoBool(value);
                    if (b == null) {
                        throw new OttlRuntimeException("ExtractGrokPatterns: strconv.ParseBool: parsing \"" + value
                                + "\": invalid syntax", location);
                    }
                    return b;
                }
                default:
                    throw new OttlRuntimeException("ExtractGrokPatterns: invalid type for "
                            + name.replace(GrokPatterns.DOT, ".") + ": type not specified", location);
            }
        }
    }
}
