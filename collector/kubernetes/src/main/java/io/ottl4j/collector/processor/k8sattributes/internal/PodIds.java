package io.ottl4j.collector.processor.k8sattributes.internal;

/**
 * Pod identifiers (upstream {@code PodIdentifier}): up to four (source, value) pairs flattened into one string,
 * so the cache is a plain hash map and a lookup builds one short key. A connection part is {@code c=<ip>}, a
 * resource-attribute part {@code r:<name>=<value>}; parts are joined by NUL, which neither names nor values
 * from the API contain.
 */
public final class PodIds {
    private PodIds() {
    }

    public static String connection(String ip) {
        return "c=" + ip;
    }

    public static String attribute(String name, String value) {
        return "r:" + name + "=" + value;
    }

    public static String join(String[] parts, int n) {
        if (n == 1) {
            return parts[0];
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append('\0');
            }
            b.append(parts[i]);
        }
        return b.toString();
    }
}
