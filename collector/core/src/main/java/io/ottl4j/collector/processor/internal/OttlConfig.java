package io.ottl4j.collector.processor.internal;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.Location;
import io.ottl4j.collector.config.SourceTexts;
import io.ottl4j.grammar.OttlToken;
import io.ottl4j.grammar.OttlTokenizer;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.PathMode;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shared by the OTTL processors: reading statement and condition lists with their YAML locations, context
 * inference (ottl-spec §8.1), and turning compile diagnostics into config problems that point at the line
 * and column inside the YAML file.
 */
public final class OttlConfig {
    /** Inference priority, most specific first. */
    private static final List<String> PRIORITY = List.of("log", "exemplar", "datapoint", "metric", "spanevent", "span", "profile", "scope",
            "instrumentation_scope", "resource");

    private static final Ottl OTTL = Ottl.create();
    /** The engine for the collector's {@code --feature-gates}, bound while a config is decoded (statements compile then). */
    private static final ScopedValue<Ottl> GATED = ScopedValue.newInstance();
    private static final Map<Set<String>, Ottl> BY_GATES = new java.util.concurrent.ConcurrentHashMap<>();

    private OttlConfig() {
    }

    /** The OTTL engine of the config being decoded: the one for its feature gates, else the standard one. */
    public static Ottl ottl() {
        return GATED.orElse(OTTL);
    }

    /**
     * Runs {@code op} (decoding a config) with OTTL compiled under {@code featureGates} (e.g. {@code ottl.set.allowNil},
     * {@code ottl.functions.enableLambda}); explicitly disabled gates ({@code -name}) and other components' gates are left out.
     */
    public static <T, X extends Throwable> T withFeatureGates(Set<String> featureGates, ScopedValue.CallableOp<T, X> op) throws X {
        Set<String> enabled = new java.util.TreeSet<>();
        for (String g : featureGates) {
            if (g.startsWith("ottl.")) { // the language's gates; the collector's own (service.*, ...) do not concern it
                enabled.add(g);
            }
        }
        ScopedValue.Carrier gates = ScopedValue.where(GATES, Set.copyOf(featureGates));
        if (enabled.isEmpty()) {
            return gates.call(op);
        }
        Ottl ottl = BY_GATES.computeIfAbsent(Set.copyOf(enabled), g -> Ottl.builder().featureGates(g).build());
        return gates.where(GATED, ottl).call(op);
    }

    /** Every feature gate of the config being decoded ({@code -name} for one explicitly disabled). */
    private static final ScopedValue<Set<String>> GATES = ScopedValue.newInstance();

    /** Whether the collector's {@code --feature-gates} enable {@code gate} for the config being decoded. */
    public static boolean featureGate(String gate) {
        return GATES.isBound() && GATES.get().contains(gate);
    }

    /** An OTTL text with where its YAML scalar starts. */
    public record Source(String text, Location location, String path) {
    }

    public static ErrorMode errorMode(Conf c, String key, ErrorMode def) {
        String s = c.string(key, def.configName());
        try {
            return ErrorMode.parse(s);
        } catch (IllegalArgumentException e) {
            c.error(key, e.getMessage());
            return def;
        }
    }

    /** The strings of a list under {@code key}, each with its location. */
    public static List<Source> sources(Conf c, String key) {
        List<Source> out = new ArrayList<>();
        List<ConfigNode.Scalar> scalars = c.scalars(key);
        for (int i = 0; i < scalars.size(); i++) {
            ConfigNode.Scalar s = scalars.get(i);
            out.add(new Source(s.text(), s.location(), c.pathOf(key) + "[" + i + "]"));
        }
        return out;
    }

    public static List<String> texts(List<Source> sources) {
        return sources.stream().map(Source::text).toList();
    }

    /** Reports every diagnostic of {@code e} at its place in the YAML file; {@code inputs} in compile order. */
    public static void report(Conf c, OttlCompileException e, List<Source> inputs) {
        for (OttlCompileException.Problem p : e.problems()) {
            Source src = p.index() >= 0 && p.index() < inputs.size() ? inputs.get(p.index()) : null;
            if (src == null) {
                c.problems().add(c.location(), c.path(), p.diagnostic().code(), p.diagnostic().message());
                continue;
            }
            int offset = offsetOf(src.text(), p.diagnostic().span().line(), p.diagnostic().span().column());
            Location at = SourceTexts.locate(src.location(), src.text(), offset);
            String msg = p.diagnostic().message() + " in \"" + src.text().replace('\n', ' ') + "\""
                    + (p.diagnostic().suggestion() == null ? "" : " (" + p.diagnostic().suggestion() + ")");
            c.problems().add(at, src.path(), p.diagnostic().code(), msg);
        }
    }

    private static int offsetOf(String text, int line, int column) {
        int off = 0;
        for (int l = 1; l < line && off < text.length(); off++) {
            if (text.charAt(off) == '\n') {
                l++;
            }
        }
        return Math.max(0, off + column - 1);
    }

    /** The context prefixes a statement's paths use ({@code span.name} → span). */
    static List<String> prefixes(String text) {
        List<String> out = new ArrayList<>();
        List<OttlToken> tokens;
        try {
            tokens = OttlTokenizer.tokenize(text);
        } catch (RuntimeException e) {
            return out;
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            OttlToken t = tokens.get(i);
            if (t.kind() != OttlToken.Kind.LOWERCASE || !PRIORITY.contains(t.text())) {
                continue;
            }
            if (!tokens.get(i + 1).text().equals(".") || tokens.get(i + 2).kind() != OttlToken.Kind.LOWERCASE) {
                continue;
            }
            if (i > 0) {
                String prev = tokens.get(i - 1).text();
                if (prev.equals(".") || prev.equals("]") || prev.equals(")")) {
                    continue;
                }
            }
            out.add(t.text());
        }
        return out;
    }

    /** Lower contexts tried when the candidate lacks a function (ottl-spec §8.1 step 4). */
    private static List<ContextKind> lower(ContextKind k, Signal signal) {
        List<ContextKind> out = new ArrayList<>();
        switch (k) {
            case RESOURCE -> {
                for (String n : PRIORITY) {
                    ContextKind c = ContextKind.find(n);
                    if (c != null && c != ContextKind.RESOURCE && c != ContextKind.EXEMPLAR && c.supports(signal)) {
                        out.add(c);
                    }
                }
                if (ContextKind.EXEMPLAR.supports(signal)) {
                    out.add(ContextKind.EXEMPLAR); // the finest-grained context is the last resort
                }
            }
            case SPAN -> out.add(ContextKind.SPANEVENT);
            case METRIC -> {
                out.add(ContextKind.DATAPOINT);
                out.add(ContextKind.EXEMPLAR);
            }
            case DATAPOINT -> out.add(ContextKind.EXEMPLAR);
            default -> { }
        }
        return out;
    }

    /** A compiled unit: what {@code compile} produced, for the context that worked. */
    public interface Compiler<T> {
        /** @param pathMode LEGACY for an explicit context, PREFIXED for an inferred one, as upstream parses them */
        T compile(ContextKind context, PathMode pathMode) throws OttlCompileException;
    }

    /**
     * Compiles with an explicit context or, when {@code explicit} is null, the context inferred from the
     * prefixes of {@code inputs}. Returns null (after reporting) when nothing compiles.
     */
    public static <T> Map.Entry<ContextKind, T> compile(Conf c, String key, Signal signal, String explicit, List<Source> inputs, Compiler<T> compiler) {
        ContextKind context;
        if (explicit != null) {
            try {
                context = ContextKind.parse(explicit);
            } catch (IllegalArgumentException e) {
                c.error(key, e.getMessage());
                return null;
            }
            if (!context.supports(signal)) {
                c.error(key, "context \"" + explicit + "\" is not valid for " + signal.name().toLowerCase() + " (use one of "
                        + contextsFor(signal) + ")");
                return null;
            }
            try {
                return Map.entry(context, compiler.compile(context, PathMode.LEGACY));
            } catch (OttlCompileException e) {
                report(c, e, inputs);
                return null;
            }
        }
        String best = null;
        for (Source s : inputs) {
            for (String p : prefixes(s.text())) {
                if (best == null || PRIORITY.indexOf(p) < PRIORITY.indexOf(best)) {
                    best = p;
                }
            }
        }
        Location at = inputs.isEmpty() ? c.location() : inputs.get(0).location();
        String path = inputs.isEmpty() ? c.path() : inputs.get(0).path();
        if (best == null) {
            c.problems().add(at, path, "context-inference", "unable to infer context from statements " + texts(inputs)
                    + ": prefix the paths with a context (e.g. span.attributes, resource.attributes) or set context");
            return null;
        }
        context = ContextKind.find(best);
        if (context == null || !context.supports(signal)) {
            c.problems().add(at, path, "context-inference", "inferred context \"" + best + "\" is not a supported context for "
                    + signal.name().toLowerCase() + " (use one of " + contextsFor(signal) + ")");
            return null;
        }
        OttlCompileException first;
        try {
            return Map.entry(context, compiler.compile(context, PathMode.PREFIXED));
        } catch (OttlCompileException e) {
            first = e;
        }
        for (ContextKind k : lower(context, signal)) {
            try {
                return Map.entry(k, compiler.compile(k, PathMode.PREFIXED));
            } catch (OttlCompileException e) {
                // try the next lower context
            }
        }
        report(c, first, inputs);
        return null;
    }

    public static String contextsFor(Signal signal) {
        List<String> names = new ArrayList<>();
        for (ContextKind k : ContextKind.values()) {
            if (k.supports(signal)) {
                names.add(k.configName());
            }
        }
        return String.join(", ", names);
    }

    public static CompiledStatements group(ContextKind k, List<Source> conditions, List<Source> statements, ErrorMode mode,
            PathMode pathMode) throws OttlCompileException {
        return ottl().compileGroup(k, texts(conditions), texts(statements), mode, pathMode);
    }

    public static CompiledConditions conditions(ContextKind k, List<Source> conditions, ErrorMode mode, PathMode pathMode)
            throws OttlCompileException {
        return ottl().compileConditions(k, texts(conditions), LogicOperation.OR, mode, pathMode);
    }
}
