package io.ottl4j.collector.connector.routing;

import io.ottl4j.collector.client.ClientInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing connector's {@code request} context: exactly {@code request["name"] == "value"} or
 * {@code !=}, on the caller's metadata (gRPC metadata or HTTP headers kept by {@code include_metadata}).
 * A key without values never matches, for either operator, as upstream.
 */
public record RequestCondition(String name, boolean equal, String value) {
    private static final Pattern FORM = Pattern.compile("^\\s*request\\[\"(.*)\"\\]\\s*(==|!=)\\s*\"(.*)\"\\s*$");

    public static RequestCondition parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("condition is empty");
        }
        int ops = text.split("==|!=", -1).length - 1;
        if (ops == 0) {
            throw new IllegalArgumentException("condition does not contain a valid comparator");
        }
        if (ops > 1) {
            throw new IllegalArgumentException("condition contains multiple comparators");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("condition must have format 'request[\"<name>\"] <comparator> \"<value>\"'");
        }
        return new RequestCondition(m.group(1), m.group(2).equals("=="), m.group(3));
    }

    public boolean matches(ClientInfo client) {
        for (String v : client.get(name)) {
            if (v.equals(value) == equal) {
                return true;
            }
        }
        return false;
    }
}
