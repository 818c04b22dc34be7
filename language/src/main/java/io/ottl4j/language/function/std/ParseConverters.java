package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeMap;
import java.util.ArrayList;
import java.util.List;

/** OTTL converters that parse text into maps: ParseJSON, ParseKeyValue, ParseCSV, ParseSeverity. */
public final class ParseConverters {
    private ParseConverters() {
    }

    @OttlFunction(name = "ParseJSON", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses a JSON object into a map or a JSON array into a list; every JSON number becomes a double, "
                    + "null the empty value. Other top-level values and invalid JSON are errors.",
            example = "ParseJSON(\"{\\\"attr\\\":true}\")")
    public static final class ParseJSONConverter extends ConverterNode {
        @Child private StringGetter target;

        public ParseJSONConverter(@Param("target") StringGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(target.get(frame), this);
        }

        @TruffleBoundary
        private static Object parse(String text, Node location) {
            try {
                return ParseJson.parse(text);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException("ParseJSON: target is not valid JSON: " + e.getMessage(), location);
            }
        }
    }

    @OttlFunction(name = "ParseKeyValue", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses \"k1=v1 k2=v2\" pairs into a map of strings. Quoted values (single or double quotes) may "
                    + "contain the delimiters; keys and values are trimmed. An empty target is an error.",
            example = "ParseKeyValue(\"k1!v1_k2!v2\", \"!\", \"_\")")
    public static final class ParseKeyValueConverter extends ConverterNode {
        @Child private StringGetter target;
        private final String delimiter;
        private final String pairDelimiter;

        public ParseKeyValueConverter(@Param("target") StringGetter target,
                @Param(value = "delimiter", optional = true, defaultValue = "=") String delimiter,
                @Param(value = "pair_delimiter", optional = true, defaultValue = " ") String pairDelimiter) {
            this.target = target;
            // upstream treats an empty delimiter like an omitted one
            this.delimiter = delimiter == null || delimiter.isEmpty() ? "=" : delimiter;
            this.pairDelimiter = pairDelimiter == null || pairDelimiter.isEmpty() ? " " : pairDelimiter;
            if (this.delimiter.equals(this.pairDelimiter)) {
                throw new OttlArgumentException("pair_delimiter", "pair delimiter \"" + this.pairDelimiter
                        + "\" cannot be equal to delimiter \"" + this.delimiter + "\"");
            }
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(target.get(frame), delimiter, pairDelimiter, this);
        }

        @TruffleBoundary
        private static AttributeMap parse(String source, String delimiter, String pairDelimiter, Node location) {
            if (source.isEmpty()) {
                throw new OttlRuntimeException("ParseKeyValue: cannot parse from empty target", location);
            }
            List<String> pairs = splitRespectingQuotes(source, pairDelimiter);
            if (pairs == null) {
                throw new OttlRuntimeException("ParseKeyValue: splitting source \"" + source
                        + "\" into pairs failed: never reached the end of a quoted value", location);
            }
            AttributeMap result = new AttributeMap();
            for (String pair : pairs) {
                int at = pair.indexOf(delimiter);
                if (at < 0) {
                    throw new OttlRuntimeException("ParseKeyValue: cannot split \"" + pair + "\" into 2 items, got 1 item(s)", location);
                }
                result.put(goTrimSpace(pair.substring(0, at)), goTrimSpace(pair.substring(at + delimiter.length())));
            }
            return result;
        }

        /**
         * Splits on {@code delimiter} outside single or double quotes, dropping the quote characters and empty
         * items (leading, trailing or repeated delimiters); null when a quote is never closed.
         */
        static List<String> splitRespectingQuotes(String input, String delimiter) {
            List<String> result = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            char quote = 0;
            for (int i = 0; i < input.length(); i++) {
                if (quote == 0 && input.startsWith(delimiter, i)) {
                    if (!current.isEmpty()) {
                        result.add(current.toString());
                        current.setLength(0);
                    }
                    i += delimiter.length() - 1;
                    continue;
                }
                char c = input.charAt(i);
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                    continue;
                }
                current.append(c);
            }
            if (quote != 0) {
                return null;
            }
            if (!current.isEmpty()) {
                result.add(current.toString());
            }
            return result;
        }
    }

    /** Go's strings.TrimSpace: Unicode white space at both ends. */
    static String goTrimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == 0x85 || c == 0xA0
                || (c > 0xFF && Character.isWhitespace(c)) || c == 0x2007 || c == 0x202F;
    }

    @OttlFunction(name = "ParseCSV", kind = OttlFunction.Kind.CONVERTER,
            doc = "Parses one CSV row into a map of header -> field. Modes: strict (RFC 4180 quoting), lazyQuotes "
                    + "(quotes may appear inside unquoted fields), ignoreQuotes (plain split on the delimiter). "
                    + "A field count different from the header count is an error.",
            example = "ParseCSV(\"999-999-9999,Joe Smith\", \"phone,name\")")
    public static final class ParseCSVConverter extends ConverterNode {
        @Child private StringGetter target;
        @Child private StringGetter header;
        private final int delimiter;
        private final int headerDelimiter;
        private final String mode;

        public ParseCSVConverter(@Param("target") StringGetter target, @Param("header") StringGetter header,
                @Param(value = "delimiter", optional = true, defaultValue = ",") String delimiter,
                @Param(value = "header_delimiter", optional = true, defaultValue = "delimiter") String headerDelimiter,
                @Param(value = "mode", optional = true, defaultValue = "strict") String mode) {
            this.target = target;
            this.header = header;
            if (delimiter != null && delimiter.codePointCount(0, delimiter.length()) != 1) {
                throw new OttlArgumentException("delimiter", "invalid arguments: delimiter must be a single character");
            }
            if (headerDelimiter != null && headerDelimiter.codePointCount(0, headerDelimiter.length()) != 1) {
                throw new OttlArgumentException("header_delimiter", "invalid arguments: header_delimiter must be a single character");
            }
            this.delimiter = delimiter == null ? ',' : delimiter.codePointAt(0);
            this.headerDelimiter = headerDelimiter == null ? this.delimiter : headerDelimiter.codePointAt(0);
            this.mode = mode == null ? "strict" : mode;
            if (!this.mode.equals("strict") && !this.mode.equals("lazyQuotes") && !this.mode.equals("ignoreQuotes")) {
                throw new OttlArgumentException("mode", "unknown mode: " + this.mode);
            }
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            String row = target.get(frame);
            String headers = header.get(frame);
            return parse(row, headers, delimiter, headerDelimiter, mode, this);
        }

        @TruffleBoundary
        private static AttributeMap parse(String row, String headerText, int delimiter, int headerDelimiter, String mode,
                Node location) {
            if (headerText.isEmpty()) {
                throw new OttlRuntimeException("ParseCSV: headers must not be an empty string", location);
            }
            List<String> headers = goSplit(headerText, new String(Character.toChars(headerDelimiter)));
            List<String> fields;
            if (mode.equals("ignoreQuotes")) {
                fields = goSplit(row, new String(Character.toChars(delimiter)));
            } else {
                try {
                    fields = ParseCsv.readRow(row, delimiter, mode.equals("lazyQuotes"));
                } catch (IllegalArgumentException e) {
                    throw new OttlRuntimeException("ParseCSV: " + e.getMessage(), location);
                }
            }
            if (fields.size() != headers.size()) {
                throw new OttlRuntimeException("ParseCSV: map csv headers: wrong number of fields: expected "
                        + headers.size() + ", found " + fields.size(), location);
            }
            AttributeMap result = new AttributeMap();
            for (int i = 0; i < fields.size(); i++) {
                result.put(headers.get(i), fields.get(i));
            }
            return result;
        }

        /** Go's strings.Split with a non-empty separator (keeps empty items). */
        private static List<String> goSplit(String s, String sep) {
            List<String> out = new ArrayList<>();
            int from = 0;
            int at;
            while ((at = s.indexOf(sep, from)) >= 0) {
                out.add(s.substring(from, at));
                from = at + sep.length();
            }
            out.add(s.substring(from));
            return out;
        }
    }

    @OttlFunction(name = "ParseSeverity", kind = OttlFunction.Kind.CONVERTER,
            doc = "Maps a string or int to a log level name using a mapping {\"level\": [{\"equals\": [strings]}, "
                    + "{\"range\": {\"min\": int, \"max\": int}} or {\"range\": \"2xx\"}]}; the first matching level wins. "
                    + "No match, an invalid mapping or a target that is neither string nor int is an error.",
            example = "ParseSeverity(attributes[\"status\"], {\"error\": [{\"range\": \"5xx\"}], \"info\": [{\"equals\": [\"inf\"]}]})")
    public static final class ParseSeverityConverter extends ConverterNode {
        @Child private Getter target;
        @Child private MapGetter mapping;

        public ParseSeverityConverter(@Param("target") Getter target, @Param("mapping") MapGetter mapping) {
            this.target = target;
            this.mapping = mapping;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            AttributeMap m = mapping.get(frame);
            ParseSeverityMapping parsed = compile(m, this);
            Object value = target.get(frame);
            return evaluate(parsed, value, this);
        }

        @TruffleBoundary
        private static ParseSeverityMapping compile(AttributeMap m, Node location) {
            try {
                return ParseSeverityMapping.of(m);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException("ParseSeverity: invalid severity mapping: " + e.getMessage(), location);
            }
        }

        @TruffleBoundary
        private static String evaluate(ParseSeverityMapping mapping, Object value, Node location) {
            try {
                return mapping.evaluate(Values.fromStored(value));
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException("ParseSeverity: could not map log level: " + e.getMessage(), location);
            }
        }
    }
}
