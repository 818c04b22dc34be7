package io.ottl4j.language.catalog;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.std.StandardLibrary;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every OTTL function, built once from the {@link OttlFunction} annotations of the library's holder
 * classes. The binder, {@code ottl functions}, the REPL and the language server all read it.
 */
public final class FunctionCatalog {
    private static final FunctionCatalog STANDARD = fromHolders(StandardLibrary.holders());

    private final Map<String, FunctionDef> byName;

    private FunctionCatalog(Map<String, FunctionDef> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static FunctionCatalog standard() {
        return STANDARD;
    }

    /** Builds a catalog from holder classes whose nested classes carry {@link OttlFunction}. */
    public static FunctionCatalog fromHolders(List<Class<?>> holders) {
        Map<String, FunctionDef> m = new LinkedHashMap<>();
        for (Class<?> holder : holders) {
            List<Class<?>> classes = new ArrayList<>(Arrays.asList(holder.getDeclaredClasses()));
            if (holder.isAnnotationPresent(OttlFunction.class)) {
                classes.add(holder);
            }
            classes.sort((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
            for (Class<?> c : classes) {
                OttlFunction f = c.getAnnotation(OttlFunction.class);
                if (f == null) {
                    continue;
                }
                FunctionDef def = define(c, f);
                if (m.put(def.name(), def) != null) {
                    throw new IllegalStateException("OTTL function " + def.name() + " is defined twice");
                }
            }
        }
        return new FunctionCatalog(m);
    }

    /** Adds functions (for embedders with their own); a name already present is an error. */
    public FunctionCatalog with(List<Class<?>> holders) {
        Map<String, FunctionDef> m = new LinkedHashMap<>(byName);
        for (FunctionDef d : fromHolders(holders).all()) {
            if (m.put(d.name(), d) != null) {
                throw new IllegalStateException("OTTL function " + d.name() + " is defined twice");
            }
        }
        return new FunctionCatalog(m);
    }

    private static FunctionDef define(Class<?> c, OttlFunction f) {
        Constructor<?>[] ctors = c.getConstructors();
        if (ctors.length != 1) {
            throw new IllegalStateException(c.getName() + " must have exactly one public constructor");
        }
        Constructor<?> ctor = ctors[0];
        List<ParamDef> params = new ArrayList<>();
        boolean seenOptional = false;
        for (Parameter p : ctor.getParameters()) {
            Param ann = p.getAnnotation(Param.class);
            if (ann == null) {
                throw new IllegalStateException(c.getName() + ": every constructor parameter needs @Param");
            }
            if (ann.optional() && p.getType().isPrimitive()) {
                throw new IllegalStateException(c.getName() + ": optional parameter " + ann.value() + " must use a boxed type");
            }
            if (seenOptional && !ann.optional()) {
                throw new IllegalStateException(c.getName() + ": required parameter " + ann.value() + " follows an optional one");
            }
            seenOptional |= ann.optional();
            ParamDef declared = new ParamDef(ann.value(), ParamKind.of(p.getType()), ann.optional(), ann.defaultValue());
            Baseline baseline = p.getAnnotation(Baseline.class);
            params.add(baseline == null ? declared : new ParamDef(baseline.name().isEmpty() ? ann.value() : baseline.name(),
                    ParamKind.of(baseline.value()), ann.optional(), ann.defaultValue(), declared));
        }
        Set<ContextKind> contexts = f.contexts().length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(f.contexts()));
        return new FunctionDef(f.name(), f.kind(), f.doc(), f.example(), contexts, f.featureGate(), f.deprecated(), f.conditionsOnly(), List.copyOf(params), ctor);
    }

    public FunctionDef find(String name) {
        return byName.get(name);
    }

    public List<FunctionDef> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
