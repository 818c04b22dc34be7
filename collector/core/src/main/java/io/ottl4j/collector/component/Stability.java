package io.ottl4j.collector.component;

/** Upstream component stability levels. */
public enum Stability {
    UNDEFINED, UNMAINTAINED, DEPRECATED, DEVELOPMENT, ALPHA, BETA, STABLE;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
