package io.ottl4j.collector.processor.tailsampling.policy;

/** Reads one member of a W3C {@code tracestate} header ({@code k1=v1,k2=v2}); null when absent or malformed. */
final class W3CTraceState {
    private W3CTraceState() {
    }

    static String get(String header, String key) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        String found = null;
        int n = 0;
        for (String member : header.split(",", -1)) {
            String m = member.strip();
            if (m.isEmpty()) {
                continue; // empty members are allowed
            }
            if (++n > 32) {
                return null;
            }
            int eq = m.indexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                return null; // malformed: the whole header is rejected, as Go's tracestate parser does
            }
            if (found == null && m.regionMatches(0, key, 0, eq) && eq == key.length()) {
                found = m.substring(eq + 1);
            }
        }
        return found;
    }
}
