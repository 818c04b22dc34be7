package io.ottl4j.collector.component;

/** The five kinds of collector component. */
public enum Kind {
    RECEIVER("receivers"), PROCESSOR("processors"), EXPORTER("exporters"), CONNECTOR("connectors"), EXTENSION("extensions");

    private final String section;

    Kind(String section) {
        this.section = section;
    }

    /** The top-level config key holding components of this kind. */
    public String section() {
        return section;
    }

    public String singular() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
