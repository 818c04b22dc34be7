package io.ottl4j.grammar.ast;

import java.util.List;

/**
 * A telemetry path: every dotted segment, in order ({@code resource.attributes["a"]} has the fields
 * {@code resource} and {@code attributes["a"]}). Whether the first segment names a context is for the
 * binder to decide; upstream's grammar only marks it as a candidate (see {@link #hasContextCandidate()}).
 */
public record Path(List<Field> fields, SourceSpan span) implements Node {

    public Path {
        fields = Nodes.list(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one field");
        }
        Nodes.require(span, "span");
    }

    /**
     * True when upstream's optional {@code context "."} prefix applies: two or more segments and no key
     * on the first ({@code span.name}, {@code resource.attributes["x"]}; not {@code attributes["x"]} nor
     * {@code a["k"].b}).
     */
    public boolean hasContextCandidate() {
        return fields.size() >= 2 && fields.get(0).keys().isEmpty();
    }

    /** The first segment's name when {@link #hasContextCandidate()}, else {@code null}. */
    public String contextCandidate() {
        return hasContextCandidate() ? fields.get(0).name() : null;
    }
}
