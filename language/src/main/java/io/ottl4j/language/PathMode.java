package io.ottl4j.language;

/**
 * Whether paths must name their context. Upstream parses statements of a group that declares its
 * {@code context} in legacy mode ({@code attributes["x"]} means the context's attributes), and flat
 * statement lists, whose context is inferred, in prefixed mode ({@code span.attributes["x"]}).
 */
public enum PathMode {
    /** A context prefix is optional: unprefixed paths belong to the context being compiled. */
    LEGACY,
    /** Every path starts with a context name the context accepts ({@code span.}, {@code resource.}, ...). */
    PREFIXED
}
