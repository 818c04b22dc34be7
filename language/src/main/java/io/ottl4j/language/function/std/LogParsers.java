package io.ottl4j.language.function.std;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.internal.GoStrings;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The transform processor's log-format parsers, added upstream after the spec's baseline and registered
 * in the log context only: {@code ParseCEF} (ArcSight Common Event Format), {@code ParseCLF} (Common and
 * NCSA Combined Log Format), {@code ParseELF} (W3C Extended Log Format) and {@code ParseLEEF} (IBM QRadar's
 * Log Event Extended Format 1.0 and 2.0), as upstream's processor/transformprocessor/internal/logparsingfuncs.
 * Empty or malformed input is a runtime error naming the function.
 */
public final class LogParsers {
    private LogParsers() {
    }

    /** A one-string-argument parser: the parse runs in a boundary and its IllegalArgumentException becomes the error. */
    abstract static class Parser extends ConverterNode {
        @Child private StringGetter target;
        private final String function;
        private final Function<String, AttributeMap> parse;

        Parser(StringGetter target, String function, Function<String, AttributeMap> parse) {
            this.target = target;
            this.function = function;
            this.parse = parse;
        }

        @Override
        public final Object executeGeneric(VirtualFrame frame) {
            return run(target.get(frame));
        }

        @TruffleBoundary
        private AttributeMap run(String message) {
            try {
                return parse.apply(message);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException(function + ": " + e.getMessage(), (Node) this);
            }
        }
    }

    // ------------------------------------------------------------------ CEF

    @OttlFunction(name = "ParseCEF", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.LOG},
            doc = "Parses a CEF message (anything before \"CEF:\" is skipped, e.g. a syslog prefix) into a map with cef.version, "
                    + "cef.device_vendor, cef.device_product, cef.device_version, cef.device_event_class_id, cef.name, cef.severity "
                    + "and cef.extensions (string values; \\| and \\\\ unescaped in the header, \\=, \\\\, \\n, \\r in values, which "
                    + "run to the next ' key='). Empty or malformed input is an error.",
            example = "set(log.attributes, ParseCEF(log.body))")
    public static final class ParseCEFConverter extends Parser {
        public ParseCEFConverter(@Param("target") StringGetter target) {
            super(target, "ParseCEF", LogParsers::cef);
        }
    }

    /** The message from the format's "NAME:" marker on (a syslog prefix before it is skipped); empty input or no marker is an error. */
    private static String fromMarker(String message, String format) {
        if (message.isEmpty()) {
            throw new IllegalArgumentException("cannot parse empty " + format + " message");
        }
        int start = message.indexOf(format + ":");
        if (start < 0) {
            throw new IllegalArgumentException("invalid " + format + " message: '" + format + ":' not found");
        }
        return message.substring(start);
    }

    static AttributeMap cef(String message) {
        List<String> fields = cefHeader(fromMarker(message, "CEF"));
        String version = fields.get(0).substring("CEF:".length());
        if (version.isEmpty()) {
            throw new IllegalArgumentException("invalid CEF message: missing version");
        }
        AttributeMap out = new AttributeMap();
        out.put("cef.version", version);
        String[] names = {"cef.device_vendor", "cef.device_product", "cef.device_version", "cef.device_event_class_id", "cef.name",
            "cef.severity"};
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], cefUnescape(fields.get(i + 1), "|\\", "|\\"));
        }
        AttributeMap extensions = out.putEmptyMap("cef.extensions");
        if (fields.size() == 8) {
            cefExtensions(fields.get(7), extensions);
        }
        return out;
    }

    /** The seven header fields split on unescaped pipes, then the rest (the extension) as an eighth when present. */
    private static List<String> cefHeader(String message) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\' && i + 1 < message.length() && (message.charAt(i + 1) == '|' || message.charAt(i + 1) == '\\')) {
                current.append(c).append(message.charAt(++i));
                continue;
            }
            if (c == '|') {
                fields.add(current.toString());
                current.setLength(0);
                if (fields.size() == 7) {
                    fields.add(message.substring(i + 1));
                    return fields;
                }
                continue;
            }
            current.append(c);
        }
        fields.add(current.toString());
        if (fields.size() < 7) {
            throw new IllegalArgumentException("invalid CEF header: expected at least 7 pipe-delimited fields (CEF:Version, Device Vendor, "
                    + "Device Product, Device Version, Device Event Class ID, Name, Severity), got " + fields.size());
        }
        return fields;
    }

    /** Replaces a backslash followed by one of {@code escaped} with the matching character of {@code meaning}. */
    private static String cefUnescape(String s, String escaped, String meaning) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int k = c == '\\' && i + 1 < s.length() ? escaped.indexOf(s.charAt(i + 1)) : -1;
            if (k >= 0) {
                b.append(meaning.charAt(k));
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isCefKeyChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The length of a key (letters, digits, '_') starting at i and followed by '=', else 0. */
    private static int cefKeyLength(String s, int i) {
        int j = i;
        while (j < s.length() && isCefKeyChar(s.charAt(j))) {
            j++;
        }
        return j > i && j < s.length() && s.charAt(j) == '=' ? j - i : 0;
    }

    /** Keys start the extension or follow a space; a value runs to the next key, trailing spaces dropped. */
    private static void cefExtensions(String extension, AttributeMap dest) {
        String key = null;
        int valueStart = 0;
        int i = 0;
        while (i < extension.length()) {
            if (i == 0 || extension.charAt(i - 1) == ' ') {
                int keyLength = cefKeyLength(extension, i);
                if (keyLength > 0) {
                    if (key != null) {
                        dest.put(key, cefValue(extension.substring(valueStart, i)));
                    }
                    key = extension.substring(i, i + keyLength);
                    valueStart = i + keyLength + 1;
                    i = valueStart;
                    continue;
                }
            }
            i++;
        }
        if (key != null) {
            dest.put(key, cefValue(extension.substring(valueStart)));
        }
    }

    private static String cefValue(String raw) {
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == ' ') {
            end--;
        }
        return cefUnescape(raw.substring(0, end), "\\=nr", "\\=\n\r");
    }

    // ------------------------------------------------------------------ CLF

    private static final String CLF_QUOTED = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern CLF = GoRegex.compile("^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] " + CLF_QUOTED + " (\\S+) (\\S+)$");
    private static final Pattern COMBINED = GoRegex.compile("^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] " + CLF_QUOTED + " (\\S+) (\\S+) "
            + CLF_QUOTED + " " + CLF_QUOTED + "$");

    @OttlFunction(name = "ParseCLF", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.LOG},
            doc = "Parses an access-log line in Common Log Format (format \"clf\", the default) or NCSA Combined (\"combined\") into "
                    + "a map with remote_host, rfc931, authuser, timestamp, request, method, request_uri, protocol (when the request has "
                    + "three parts), status and bytes (ints; bytes absent for \"-\"), plus referer and user_agent for combined; "
                    + "Apache escapes in quoted fields are undone. Empty or non-matching input is an error.",
            example = "set(log.attributes, ParseCLF(log.body, \"combined\"))")
    public static final class ParseCLFConverter extends Parser {
        public ParseCLFConverter(@Param("target") StringGetter target,
                @Param(value = "format", optional = true, defaultValue = "clf") String format) {
            super(target, "ParseCLF", clfFormat(format));
        }

        private static Function<String, AttributeMap> clfFormat(String format) {
            String f = format == null ? "clf" : format;
            if (!f.equals("clf") && !f.equals("combined")) {
                throw new OttlArgumentException("format", "invalid format \"" + f + "\": must be \"clf\" or \"combined\"");
            }
            boolean combined = f.equals("combined");
            return message -> clf(message, combined);
        }
    }

    static AttributeMap clf(String message, boolean combined) {
        if (message.isEmpty()) {
            throw new IllegalArgumentException("cannot parse empty CLF message");
        }
        Matcher m = (combined ? COMBINED : CLF).matcher(message.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid CLF message: does not match expected \"" + (combined ? "combined" : "clf") + "\" format");
        }
        AttributeMap out = new AttributeMap();
        out.put("remote_host", m.group(1));
        out.put("rfc931", m.group(2));
        out.put("authuser", m.group(3));
        out.put("timestamp", m.group(4));
        String request = clfUnescape(m.group(5));
        out.put("request", request);
        String[] parts = GoStrings.splitN(request, " ", 3);
        if (parts.length == 3) {
            out.put("method", parts[0]);
            out.put("request_uri", parts[1]);
            out.put("protocol", parts[2]);
        }
        out.put("status", clfInt(m.group(6), "status code"));
        if (!m.group(7).equals("-")) {
            out.put("bytes", clfInt(m.group(7), "bytes value"));
        }
        if (combined) {
            out.put("referer", clfUnescape(m.group(8)));
            out.put("user_agent", clfUnescape(m.group(9)));
        }
        return out;
    }

    private static long clfInt(String s, String what) {
        try {
            if (!s.matches("[+-]?[0-9]+")) {
                throw new NumberFormatException();
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + what + " \"" + s + "\": strconv.ParseInt: parsing \"" + s + "\": "
                    + (s.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
    }

    /** Undoes Apache mod_log_config's escapes (\" \\ \n \t \r \b \f \v \xhh); anything else stays as written. */
    private static String clfUnescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte c = in[i];
            if (c != '\\' || i + 1 == in.length) {
                b.write(c);
                continue;
            }
            byte next = in[++i];
            switch (next) {
                case '\\', '"' -> b.write(next);
                case 'n' -> b.write('\n');
                case 't' -> b.write('\t');
                case 'r' -> b.write('\r');
                case 'b' -> b.write('\b');
                case 'f' -> b.write('\f');
                case 'v' -> b.write(0x0b);
                case 'x' -> {
                    int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
                    int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
                    if (lo >= 0) {
                        b.write(hi << 4 | lo);
                        i += 2;
                    } else {
                        b.write('\\');
                        b.write('x');
                    }
                }
                default -> {
                    b.write('\\');
                    b.write(next);
                }
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ ELF

    @OttlFunction(name = "ParseELF", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.LOG},
            doc = "Parses a W3C Extended Log Format block into a map with elf.version (a #Version directive is required), "
                    + "elf.software, elf.date, elf.start_date, elf.end_date, elf.remark when present, elf.fields (the last #Fields) and "
                    + "elf.entries, one map per data line keyed \"elf.<field>\" (double-quoted values may hold spaces and \"\"; missing "
                    + "values are \"-\"). A data line before #Fields, a #Fields without a colon or an unterminated quote is an error.",
            example = "set(log.attributes[\"elf\"], ParseELF(log.body))")
    public static final class ParseELFConverter extends Parser {
        public ParseELFConverter(@Param("target") StringGetter target) {
            super(target, "ParseELF", LogParsers::elf);
        }
    }

    static AttributeMap elf(String input) {
        if (input.isEmpty()) {
            throw new IllegalArgumentException("cannot parse empty ELF message"); // no marker: ELF starts with directives
        }
        AttributeMap out = new AttributeMap();
        AttributeList entries = out.putEmptyList("elf.entries");
        boolean hasVersion = false;
        List<String> current = List.of();
        List<String> last = List.of();
        int offset = 0;
        int n = input.length();
        while (offset < n) {
            int end = offset;
            while (end < n && input.charAt(end) != '\n' && input.charAt(end) != '\r') {
                end++;
            }
            String line = input.substring(offset, end).strip();
            if (end < n && input.charAt(end) == '\r') {
                end++;
            }
            if (end < n && input.charAt(end) == '\n') {
                end++;
            }
            offset = end;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String body = line.substring(1);
                int colon = body.indexOf(':');
                if (colon < 0) {
                    String trimmed = body.strip();
                    if (trimmed.length() >= 6 && trimmed.substring(0, 6).equalsIgnoreCase("fields")) {
                        throw new IllegalArgumentException("invalid ELF: malformed #Fields directive \"" + line + "\": directive \"" + line
                                + "\" has no colon separator");
                    }
                    continue;
                }
                String key = body.substring(0, colon).strip();
                String value = body.substring(colon + 1).strip();
                switch (key.toLowerCase(java.util.Locale.ROOT)) {
                    case "version" -> {
                        hasVersion = true;
                        out.put("elf.version", value);
                    }
                    case "fields" -> {
                        current = fields(value);
                        last = current;
                    }
                    case "software" -> out.put("elf.software", value);
                    case "date" -> out.put("elf.date", value);
                    case "start-date" -> out.put("elf.start_date", value);
                    case "end-date" -> out.put("elf.end_date", value);
                    case "remark" -> out.put("elf.remark", value);
                    default -> {
                    }
                }
                continue;
            }
            if (current.isEmpty()) {
                throw new IllegalArgumentException("invalid ELF: data entry found before #Fields directive");
            }
            List<String> values = elfValues(line);
            AttributeMap entry = new AttributeMap();
            for (int i = 0; i < current.size(); i++) {
                entry.put("elf." + current.get(i), i < values.size() ? values.get(i) : "-");
            }
            entries.add(entry);
        }
        if (!hasVersion) {
            throw new IllegalArgumentException("invalid ELF: missing #Version directive");
        }
        AttributeList fieldList = out.putEmptyList("elf.fields");
        for (String f : last) {
            fieldList.add(f);
        }
        return out;
    }

    /** Go's strings.Fields: the runs of non-white-space. */
    private static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** The values of a data line: split on spaces and tabs, double-quoted values may hold them ("" is a quote). */
    private static List<String> elfValues(String line) {
        List<String> values = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (line.charAt(i) == '"') {
                i++;
                StringBuilder sb = new StringBuilder();
                boolean closed = false;
                while (i < n) {
                    if (line.charAt(i) != '"') {
                        sb.append(line.charAt(i++));
                    } else if (i + 1 < n && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i += 2;
                    } else {
                        i++;
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("invalid ELF: unterminated quoted value in data line: \"" + line + "\"");
                }
                values.add(sb.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    i++;
                }
                values.add(line.substring(start, i));
            }
        }
        return values;
    }

    // ------------------------------------------------------------------ LEEF

    @OttlFunction(name = "ParseLEEF", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.LOG},
            doc = "Parses a LEEF 1.0 or 2.0 message (anything before \"LEEF:\" is skipped, e.g. a syslog prefix) into a map with "
                    + "leef.version, leef.vendor, leef.product.name, leef.product.version, leef.event.id and leef.attributes (string "
                    + "values kept verbatim; pairs split on tab in 1.0 and on the header's delimiter in 2.0, given as one character "
                    + "or 0xNN, tab when omitted). Empty or malformed input is an error.",
            example = "set(log.attributes, ParseLEEF(log.body))")
    public static final class ParseLEEFConverter extends Parser {
        public ParseLEEFConverter(@Param("target") StringGetter target) {
            super(target, "ParseLEEF", LogParsers::leef);
        }
    }

    static AttributeMap leef(String message) {
        String leef = fromMarker(message, "LEEF");
        int pipe = leef.indexOf('|');
        if (pipe < 0) {
            throw new IllegalArgumentException("invalid LEEF message: missing pipe delimiter in header");
        }
        String version = leef.substring("LEEF:".length(), pipe);
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw new IllegalArgumentException("unsupported LEEF version: " + version + " (supported: 1.0, 2.0)");
        }
        String remainder = leef.substring(pipe + 1);
        String[] parts = GoStrings.splitN(remainder, "|", version.equals("2.0") ? 6 : 5);
        if (parts.length < 4) {
            throw new IllegalArgumentException("invalid LEEF " + version + " header: expected at least 4 fields (vendor, product, version, "
                    + "eventID), got " + parts.length);
        }
        String delimiter = "\t";
        String attributes = "";
        if (version.equals("1.0")) {
            attributes = parts.length == 5 ? parts[4] : "";
        } else if (parts.length > 4) {
            if (parts[4].contains("=")) {
                // no delimiter field: the fifth field already holds the attributes, pipes included
                String[] again = GoStrings.splitN(remainder, "|", 5);
                attributes = again.length == 5 ? again[4] : "";
            } else {
                delimiter = leefDelimiter(parts[4]);
                attributes = parts.length == 6 ? parts[5] : "";
            }
        }
        AttributeMap out = new AttributeMap();
        out.put("leef.version", version);
        out.put("leef.vendor", parts[0]);
        out.put("leef.product.name", parts[1]);
        out.put("leef.product.version", parts[2]);
        out.put("leef.event.id", parts[3]);
        AttributeMap attrs = out.putEmptyMap("leef.attributes");
        if (!attributes.isEmpty()) {
            for (String pair : GoStrings.splitN(attributes, delimiter, -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    attrs.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static String leefDelimiter(String spec) {
        if (spec.isEmpty()) {
            return "\t";
        }
        if (spec.startsWith("0x") || spec.startsWith("0X")) {
            String hex = spec.substring(2);
            if (hex.isEmpty()) {
                throw new IllegalArgumentException("invalid LEEF 2.0 delimiter: empty hex value");
            }
            byte[] b;
            try {
                b = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid LEEF 2.0 delimiter: invalid hex delimiter \"" + spec + "\"");
            }
            if (b.length != 1) {
                throw new IllegalArgumentException("invalid LEEF 2.0 delimiter: hex delimiter must decode to a single byte, got " + b.length
                        + " bytes");
            }
            return String.valueOf((char) (b[0] & 0xff));
        }
        if (spec.getBytes(StandardCharsets.UTF_8).length != 1) {
            throw new IllegalArgumentException("invalid LEEF 2.0 delimiter: delimiter must be a single character or 0x-prefixed hex value, got \""
                    + spec + "\"");
        }
        return spec;
    }
}
