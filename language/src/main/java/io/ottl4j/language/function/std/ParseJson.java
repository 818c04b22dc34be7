package io.ottl4j.language.function.std;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.io.IOException;

/**
 * JSON text to pdata values as upstream's ParseJSON: objects become maps, arrays lists, every number a
 * double (upstream decodes into Go {@code any}, whose numbers are float64), null the empty value. Only an
 * object or an array may be the top-level value; trailing content is an error, as in Go's decoder.
 */
final class ParseJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
            .build();

    private ParseJson() {
    }

    /** Parses {@code text}; throws IllegalArgumentException with a readable reason when it is not valid. */
    static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("unexpected end of JSON input");
            }
            Object result;
            if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
                result = readContainer(p, first);
            } else {
                // validate the scalar first, so that invalid JSON reports as such
                Object scalar = readValue(p, first);
                checkEnd(p);
                throw new IllegalArgumentException("could not convert parsed value of type "
                        + goTypeName(scalar) + " to JSON object");
            }
            checkEnd(p);
            return result;
        } catch (IOException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()));
        }
    }

    private static void checkEnd(JsonParser p) throws IOException {
        JsonToken extra = p.nextToken();
        if (extra != null) {
            throw new IllegalArgumentException("invalid character after top-level value");
        }
    }

    /**
     * Reads the container whose start token was just read, iteratively: an explicit stack of open
     * containers instead of recursion, so no nesting depth (up to Jackson's limit, upstream's 10,000)
     * can overflow the thread's stack.
     */
    private static Object readContainer(JsonParser p, JsonToken start) throws IOException {
        java.util.ArrayDeque<Object> open = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<String> keys = new java.util.ArrayDeque<>();
        Object root = start == JsonToken.START_OBJECT ? new AttributeMap() : new AttributeList();
        open.push(root);
        String key = null;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("unexpected end of JSON input");
            }
            Object top = open.peek();
            if (t == JsonToken.FIELD_NAME) {
                key = p.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                Object done = open.pop();
                if (open.isEmpty()) {
                    return done;
                }
                key = open.peek() instanceof AttributeMap ? keys.pop() : null;
                continue;
            }
            Object value;
            boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
            if (container) {
                value = t == JsonToken.START_OBJECT ? new AttributeMap() : new AttributeList();
            } else {
                value = readScalar(p, t);
            }
            if (top instanceof AttributeMap m) {
                m.put(key, value);
            } else {
                ((AttributeList) top).add(value);
            }
            if (container) {
                if (top instanceof AttributeMap) {
                    keys.push(key);
                }
                open.push(value);
                key = null;
            }
        }
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        return t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? readContainer(p, t) : readScalar(p, t);
    }

    private static Object readScalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> AnyValue.EMPTY;
            default -> throw new IllegalArgumentException("unexpected JSON token " + t);
        };
    }

    private static Double number(JsonParser p) throws IOException {
        double d = Double.parseDouble(p.getText());
        if (Double.isInfinite(d)) {
            // Go's float parsing rejects values beyond float64's range
            throw new IllegalArgumentException("number " + p.getText() + " is out of range for a double");
        }
        return d;
    }

    private static String goTypeName(Object scalar) {
        if (scalar instanceof String) {
            return "string";
        } else if (scalar instanceof Double) {
            return "float64";
        } else if (scalar instanceof Boolean) {
            return "bool";
        }
        return "<nil>";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
