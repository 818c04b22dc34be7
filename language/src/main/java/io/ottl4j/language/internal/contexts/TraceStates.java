package io.ottl4j.language.internal.contexts;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import io.ottl4j.language.TransformContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code span.trace_state} and {@code span.trace_state["key"]}: the W3C tracestate header, read and
 * updated member by member.
 */
public final class TraceStates {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][_0-9a-z\\-*/]{0,255}|[a-z0-9][_0-9a-z\\-*/]{0,240}@[a-z][_0-9a-z\\-*/]{0,13}");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]");

    private TraceStates() {
    }

    static PathDef path() {
        return new PathDef("trace_state", "string", "the W3C trace state; trace_state[\"key\"] reads or writes one member",
                Accessor.typed(c -> c.span().traceState(), (c, v, n) -> {
                    if (v instanceof String s) {
                        c.span().setTraceState(s);
                    } else {
                        Writes.reject(Writes.STRING, v, n);
                    }
                }, Writes.STRING), PathDef.KeyMode.TRACE_STATE);
    }

    /** The member's value, or nil when absent or when the trace state does not parse. */
    @TruffleBoundary
    public static String get(TransformContext c, String key) {
        List<String[]> members = parse(c.span().traceState());
        if (members == null) {
            return null;
        }
        for (String[] m : members) {
            if (m[0].equals(key)) {
                return m[1];
            }
        }
        return null;
    }

    /**
     * Inserts or updates a member, moving it to the front as W3C requires; an invalid key or value is skipped. A
     * value that is not a string is handled per the statement's {@link WritePolicy} ({@code location}'s).
     */
    @TruffleBoundary
    public static void set(TransformContext c, String key, Object value, Node location) {
        if (!(value instanceof String v)) {
            Writes.reject(Writes.STRING, value, location);
            return;
        }
        if (!KEY.matcher(key).matches() || !VALUE.matcher(v).matches()) {
            return;
        }
        List<String[]> members = parse(c.span().traceState());
        if (members == null) {
            return;
        }
        members.removeIf(m -> m[0].equals(key));
        members.add(0, new String[] {key, v});
        StringBuilder sb = new StringBuilder();
        for (String[] m : members) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(m[0]).append('=').append(m[1]);
        }
        c.span().setTraceState(sb.toString());
    }

    private static List<String[]> parse(String header) {
        List<String[]> out = new ArrayList<>();
        if (header.isBlank()) {
            return out;
        }
        for (String part : header.split(",", -1)) {
            String member = part.strip();
            if (member.isEmpty()) {
                continue;
            }
            int eq = member.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String key = member.substring(0, eq);
            String value = member.substring(eq + 1);
            if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches()) {
                return null;
            }
            out.add(new String[] {key, value});
        }
        return out;
    }
}
