package io.ottl4j.language.catalog;

/**
 * One parameter of an OTTL function, as the catalog shows it. {@code kind} is what the parameter accepts by
 * default (the spec's baseline). {@code relaxed} is null, or upstream's later form of the parameter (a getter
 * where the baseline took a literal, possibly under a new name), accepted only with the feature gate
 * {@code ottl.functions.currentSignatures}; it is also the form the function's constructor receives.
 */
public record ParamDef(String name, ParamKind kind, boolean optional, String defaultValue, ParamDef relaxed) {
    public ParamDef(String name, ParamKind kind, boolean optional, String defaultValue) {
        this(name, kind, optional, defaultValue, null);
    }

    /** The form the function's constructor takes: the relaxed one when there is one. */
    public ParamKind constructorKind() {
        return relaxed == null ? kind : relaxed.kind();
    }

    /** {@code name: kind}, with {@code ?} for optional parameters. */
    public String signature() {
        return name + (optional ? "?" : "") + ": " + kind.description();
    }
}
