package io.ottl4j.cli.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TraceId;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Typed equality between a value written in a test file and an OTTL value: {@code 1} (int) does not
 * equal {@code 1.0} (double); {@code null} is nil at the top level and an empty value inside maps and
 * lists; {@code {$bytes: "0a0b"}} matches bytes, trace ids and span ids.
 */
final class ExpectedValues {
    private ExpectedValues() {
    }

    static boolean matches(JsonNode expected, Object actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual == AnyValue.EMPTY;
        }
        Object a = actual == AnyValue.EMPTY ? null : actual;
        if (expected.isTextual()) {
            if (a instanceof ZonedDateTime t) {
                return expected.asText().equals(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            return expected.asText().equals(a);
        } else if (expected.isIntegralNumber()) {
            if (a instanceof Duration d) {
                return expected.asLong() == Values.durationNanos(d);
            }
            return a instanceof Long l && expected.canConvertToLong() && l == expected.asLong();
        } else if (expected.isFloatingPointNumber()) {
            return a instanceof Double d && (d == expected.asDouble() || (d.isNaN() && Double.isNaN(expected.asDouble())));
        } else if (expected.isBoolean()) {
            return a instanceof Boolean b && b == expected.asBoolean();
        } else if (expected.isObject() && expected.size() == 1 && expected.has("$bytes")) {
            byte[] want = HexFormat.of().parseHex(expected.get("$bytes").asText());
            byte[] got = a instanceof byte[] b ? b : a instanceof TraceId t ? t.bytes() : a instanceof SpanId s ? s.bytes() : null;
            return got != null && java.util.Arrays.equals(want, got);
        } else if (expected.isObject()) {
            return mapMatches(expected, a);
        } else if (expected.isArray()) {
            List<Object> list = asList(a);
            if (list == null || list.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!matches(expected.get(i), list.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean mapMatches(JsonNode expected, Object a) {
        if (a instanceof AttributeMap m) {
            if (m.size() != expected.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!m.containsKey(e.getKey()) || !matches(e.getValue(), m.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof Map<?, ?> m) {
            if (m.size() != expected.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!m.containsKey(e.getKey()) || !matches(e.getValue(), m.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static List<Object> asList(Object a) {
        if (a instanceof AttributeList l) {
            List<Object> out = new ArrayList<>();
            l.forEach(out::add);
            return out;
        } else if (a instanceof List<?> l) {
            return new ArrayList<>(l);
        } else if (a instanceof long[] l) {
            List<Object> out = new ArrayList<>();
            for (long v : l) {
                out.add(v);
            }
            return out;
        }
        return null;
    }

    /** How a value is shown in a FAIL line: its text and OTTL type. */
    static String describe(Object v) {
        if (v == null || v == AnyValue.EMPTY) {
            return "nil";
        }
        String text;
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder();
            Values.appendJsonString(sb, s);
            text = sb.toString();
        } else if (v instanceof byte[] b) {
            text = "0x" + HexFormat.of().formatHex(b);
        } else if (v instanceof TraceId || v instanceof SpanId) {
            text = v instanceof TraceId t ? t.toHex() : ((SpanId) v).toHex();
        } else if (v instanceof AttributeMap || v instanceof AttributeList) {
            text = AnyValue.toJson(v);
        } else {
            text = String.valueOf(v);
        }
        return text + " (" + Values.typeName(v) + ")";
    }

    static String describe(JsonNode expected) {
        if (expected == null || expected.isNull()) {
            return "nil";
        }
        String type = expected.isTextual() ? "string" : expected.isIntegralNumber() ? "int" : expected.isFloatingPointNumber() ? "double"
                : expected.isBoolean() ? "bool" : expected.isArray() ? "list" : expected.has("$bytes") ? "bytes" : "map";
        return expected + " (" + type + ")";
    }
}
