package io.ottl4j.language.catalog;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.function.OttlFunction;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Set;

/**
 * One function of the catalog: what the binder binds against and what {@code ottl functions}, the REPL
 * and the language server show.
 */
public record FunctionDef(
        String name,
        OttlFunction.Kind kind,
        String doc,
        String example,
        Set<ContextKind> contexts,
        String featureGate,
        boolean deprecated,
        boolean conditionsOnly,
        List<ParamDef> params,
        Constructor<?> constructor) {

    public boolean isEditor() {
        return kind == OttlFunction.Kind.EDITOR;
    }

    public boolean availableIn(ContextKind context) {
        return contexts.isEmpty() || contexts.contains(context);
    }

    public int requiredParams() {
        int n = 0;
        for (ParamDef p : params) {
            if (!p.optional()) {
                n++;
            }
        }
        return n;
    }

    /** True when a parameter takes upstream's post-baseline form only with {@code ottl.functions.currentSignatures}. */
    public boolean hasBaselineParams() {
        return params.stream().anyMatch(p -> p.relaxed() != null);
    }

    /**
     * The function as it binds with the given feature gates: with {@code ottl.functions.currentSignatures} every
     * relaxed parameter in upstream's current form (name and kind); otherwise this definition, whose parameters
     * are the baseline's.
     */
    public FunctionDef under(Set<String> featureGates) {
        if (!hasBaselineParams() || !featureGates.contains(Ottl.CURRENT_SIGNATURES_GATE)) {
            return this;
        }
        List<ParamDef> current = params.stream().map(p -> p.relaxed() == null ? p : p.relaxed()).toList();
        return new FunctionDef(name, kind, doc, example, contexts, featureGate, deprecated, conditionsOnly, current, constructor);
    }

    /** Upstream's current signature (every relaxed parameter in its post-baseline form). */
    public FunctionDef current() {
        return under(Set.of(Ottl.CURRENT_SIGNATURES_GATE));
    }

    /** {@code Concat(vals: list of string-likes, delimiter: string literal)}. */
    public String signature() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(params.get(i).signature());
        }
        return sb.append(')').toString();
    }
}
