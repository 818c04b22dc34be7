package io.ottl4j.language.catalog;

import io.ottl4j.language.ContextKind;
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
