package io.ottl4j.language.catalog;

/** One parameter of an OTTL function, as the catalog shows it. */
public record ParamDef(String name, ParamKind kind, boolean optional, String defaultValue) {
    /** {@code name: kind}, with {@code ?} for optional parameters. */
    public String signature() {
        return name + (optional ? "?" : "") + ": " + kind.description();
    }
}
