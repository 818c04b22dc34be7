package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.pdata.AttributeMap;
import java.util.HexFormat;

/**
 * The transform processor's log-format parsers added upstream after the spec's baseline (log context):
 * {@code ParseLEEF} (IBM QRadar's Log Event Extended Format 1.0 and 2.0, as upstream's func_parse_leef.go).
 */
public final class LogParsers {
    private LogParsers() {
    }

    @OttlFunction(name = "ParseLEEF", kind = OttlFunction.Kind.CONVERTER, contexts = {ContextKind.LOG},
            doc = "Parses a LEEF 1.0 or 2.0 message (anything before \"LEEF:\" is skipped, e.g. a syslog prefix) into a map "
                    + "with version, vendor, product_name, product_version, event_id and attributes (string values; pairs split "
                    + "on tab in 1.0, on the header's delimiter in 2.0, which may be given as 0xNN). Empty or malformed input is an error.",
            example = "ParseLEEF(body)")
    public static final class ParseLEEFConverter extends ConverterNode {
        @Child private StringGetter target;

        public ParseLEEFConverter(@Param("target") StringGetter target) {
            this.target = target;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return parse(target.get(frame), this);
        }

        @TruffleBoundary
        static AttributeMap parse(String message, Node location) {
            try {
                return leef(message);
            } catch (IllegalArgumentException e) {
                throw new OttlRuntimeException("ParseLEEF: " + e.getMessage(), location);
            }
        }

        static AttributeMap leef(String message) {
            if (message.isEmpty()) {
                throw new IllegalArgumentException("cannot parse empty LEEF message");
            }
            int start = message.indexOf("LEEF:");
            if (start < 0) {
                throw new IllegalArgumentException("invalid LEEF message: 'LEEF:' not found");
            }
            String leef = message.substring(start);
            int pipe = leef.indexOf('|');
            if (pipe < 0) {
                throw new IllegalArgumentException("invalid LEEF message: missing pipe delimiter in header");
            }
            String version = leef.substring("LEEF:".length(), pipe);
            if (!version.equals("1.0") && !version.equals("2.0")) {
                throw new IllegalArgumentException("unsupported LEEF version: " + version + " (supported: 1.0, 2.0)");
            }
            boolean two = version.equals("2.0");
            String[] parts = leef.substring(pipe + 1).split("\\|", two ? 6 : 5);
            int headerFields = two ? 5 : 4;
            if (parts.length < headerFields) {
                throw new IllegalArgumentException("invalid LEEF " + version + " header: expected at least " + headerFields + " fields ("
                        + (two ? "vendor, product, version, eventID, delimiter" : "vendor, product, version, eventID") + "), got " + parts.length);
            }
            String delimiter = two ? delimiter(parts[4]) : "\t";
            String attributes = parts.length > headerFields ? parts[headerFields] : "";
            AttributeMap out = new AttributeMap();
            out.put("version", version);
            out.put("vendor", parts[0]);
            out.put("product_name", parts[1]);
            out.put("product_version", parts[2]);
            out.put("event_id", parts[3]);
            AttributeMap attrs = new AttributeMap();
            if (!attributes.isEmpty()) {
                for (String pair : attributes.split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    String p = pair.strip();
                    int eq = p.indexOf('=');
                    if (eq > 0) {
                        attrs.put(p.substring(0, eq), p.substring(eq + 1));
                    }
                }
            }
            out.put("attributes", attrs);
            return out;
        }

        private static String delimiter(String spec) {
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
            return spec;
        }
    }
}
