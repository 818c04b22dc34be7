package io.ottl4j.collector.processor.probabilisticsampler;

import java.util.ArrayList;
import java.util.List;

/**
 * A W3C {@code tracestate} with its OpenTelemetry member ({@code ot=th:...;rv:...}) parsed. Serialises as
 * upstream: the {@code ot} member first (rv, then th, then other ot fields), then the other vendors' members in
 * their original order. An arriving {@code rv} keeps its spelling (upper case passes through).
 */
final class OTelTraceState {
    private String rvalue = "";
    private long randomness;
    private String tvalue = "";
    private long threshold = Threshold.NEVER;
    private final List<String> otExtra = new ArrayList<>();
    private final List<String> others = new ArrayList<>();

    /** @throws IllegalArgumentException for a malformed header or ot value */
    static OTelTraceState parse(String header) {
        OTelTraceState t = new OTelTraceState();
        if (header == null || header.isEmpty()) {
            return t;
        }
        for (String member : header.split(",", -1)) {
            String m = member.strip();
            if (m.isEmpty()) {
                continue;
            }
            int eq = m.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("tracestate: malformed list-member \"" + m + "\"");
            }
            if (m.startsWith("ot=")) {
                t.parseOt(m.substring(3));
            } else {
                t.others.add(m);
            }
        }
        return t;
    }

    private void parseOt(String value) {
        if (value.isEmpty()) {
            return;
        }
        for (String field : value.split(";", -1)) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("otel tracestate: malformed field \"" + field + "\"");
            }
            String k = field.substring(0, colon);
            String v = field.substring(colon + 1);
            switch (k) {
                case "rv" -> {
                    randomness = Threshold.parseRValue(v);
                    rvalue = v;
                }
                case "th" -> {
                    threshold = Threshold.parseTValue(v);
                    tvalue = v;
                }
                default -> otExtra.add(field);
            }
        }
    }

    boolean hasRandomness() {
        return !rvalue.isEmpty();
    }

    long randomness() {
        return randomness;
    }

    void setRandomness(long r) {
        randomness = r;
        rvalue = Threshold.rvalue(r);
    }

    boolean hasThreshold() {
        return !tvalue.isEmpty();
    }

    long threshold() {
        return threshold;
    }

    void clearThreshold() {
        tvalue = "";
        threshold = Threshold.NEVER;
    }

    /** Sets the threshold unless that would raise the sampling probability (false then, as upstream's error). */
    boolean updateThreshold(long th) {
        if (hasThreshold() && Long.compareUnsigned(threshold, th) > 0) {
            return false;
        }
        String tv = Threshold.tvalue(th);
        if (tv.isEmpty()) {
            clearThreshold();
        } else {
            threshold = th;
            tvalue = tv;
        }
        return true;
    }

    String serialize() {
        StringBuilder ot = new StringBuilder();
        if (!rvalue.isEmpty()) {
            ot.append("rv:").append(rvalue);
        }
        if (!tvalue.isEmpty()) {
            ot.append(ot.isEmpty() ? "" : ";").append("th:").append(tvalue);
        }
        for (String f : otExtra) {
            ot.append(ot.isEmpty() ? "" : ";").append(f);
        }
        StringBuilder out = new StringBuilder();
        if (!ot.isEmpty()) {
            out.append("ot=").append(ot);
        }
        for (String o : others) {
            out.append(out.isEmpty() ? "" : ",").append(o);
        }
        return out.toString();
    }
}
