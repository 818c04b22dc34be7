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
            if (first == JsonToken.START_OBJECT) {
                result = readObject(p);
            } else if (first == JsonToken.START_ARRAY) {
                result = readArray(p);
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

    private static AttributeMap readObject(JsonParser p) throws IOException {
        AttributeMap map = new AttributeMap();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            map.put(key, readValue(p, p.nextToken()));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        return map;
    }

    private static AttributeList readArray(JsonParser p) throws IOException {
        AttributeList list = new AttributeList();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IllegalArgumentException("unexpected end of JSON input");
            }
            list.add(readValue(p, t));
        }
        return list;
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        return switch (t) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> readArray(p);
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
