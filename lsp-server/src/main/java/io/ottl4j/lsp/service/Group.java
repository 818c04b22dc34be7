package io.ottl4j.lsp.service;

import io.ottl4j.language.ContextKind;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * OTTL texts compiled together: a transform statement group, a filter's conditions, a routing row, a
 * {@code .ottl} file, a test case. {@code explicitContext} null means the context is inferred from the
 * paths' prefixes, as the collector does.
 */
public final class Group {
    public final String label;
    public final Signal signal;
    public final String explicitContext;
    public final List<Snippet> conditions = new ArrayList<>();
    public final List<Snippet> statements = new ArrayList<>();
    /** Value expressions (test files' {@code expect} keys), each compiled on its own in the group's context. */
    public final List<Snippet> expressions = new ArrayList<>();
    /** The context the group compiled in (or was tried first in); null when none could be chosen. */
    public ContextKind resolved;
    /** Where the group starts in the document (symbols, code lens). */
    public int start;
    public int end;

    public Group(String label, Signal signal, String explicitContext) {
        this.label = label;
        this.signal = signal;
        this.explicitContext = explicitContext;
    }

    public List<Snippet> all() {
        List<Snippet> out = new ArrayList<>(conditions);
        out.addAll(statements);
        out.addAll(expressions);
        return out;
    }

    public boolean inferred() {
        return explicitContext == null;
    }

    /** The context features use: the resolved one, else the explicit one, else the signal's most specific. */
    public ContextKind context() {
        if (resolved != null) {
            return resolved;
        }
        if (explicitContext != null) {
            try {
                return ContextKind.parse(explicitContext);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        return switch (signal == null ? Signal.TRACES : signal) {
            case METRICS -> ContextKind.DATAPOINT;
            case LOGS -> ContextKind.LOG;
            case PROFILES -> ContextKind.PROFILE;
            default -> ContextKind.SPAN;
        };
    }
}
