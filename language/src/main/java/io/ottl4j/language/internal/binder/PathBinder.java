package io.ottl4j.language.internal.binder;

import io.ottl4j.grammar.ast.Field;
import io.ottl4j.grammar.ast.Key;
import io.ottl4j.grammar.ast.Path;
import io.ottl4j.grammar.ast.StringKey;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.internal.contexts.Accessor;
import io.ottl4j.language.internal.contexts.ContextPaths;
import io.ottl4j.language.internal.contexts.Level;
import io.ottl4j.language.internal.contexts.PathDef;
import io.ottl4j.language.internal.contexts.WritePolicy;
import io.ottl4j.language.internal.nodes.FieldPathNode;
import io.ottl4j.language.internal.nodes.KeysPathNode;
import io.ottl4j.language.internal.nodes.MapEntryPathNode;
import io.ottl4j.language.internal.nodes.ReadOnlyPathNode;
import io.ottl4j.language.internal.nodes.TraceStateKeyPathNode;
import io.ottl4j.language.nodes.PathNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves a path against a context: an optional prefix naming the context itself or a higher one
 * ({@code resource.}, {@code instrumentation_scope.}, {@code span.} from span events...), a field of that
 * level's table, sub-fields, then keys. Every segment and key must be used, as upstream requires.
 */
final class PathBinder {
    private static final Accessor UNBOUND = Accessor.of(c -> null, (c, v, n) -> { });

    private final ContextPaths paths;
    private final Binder binder;
    /** What setters do with a value they cannot store, from the statement's feature gates. */
    private final WritePolicy writePolicy;

    PathBinder(ContextPaths paths, Binder binder) {
        this.paths = paths;
        this.binder = binder;
        this.writePolicy = WritePolicy.of(binder.featureGates());
    }

    PathNode path(Path p) {
        List<Field> fields = p.fields();
        String text = render(p);
        Level level = paths.own();
        int i = 0;
        Field first = fields.get(0);
        if (fields.size() >= 2 && first.keys().isEmpty() && paths.prefixes().containsKey(first.name())) {
            level = paths.prefixes().get(first.name());
            i = 1;
        }
        if (level == Level.OTELCOL && !binder.featureGates().contains(Ottl.OTELCOL_CONTEXT_GATE)) {
            binder.error(BinderCode.FEATURE_GATE_REQUIRED, first.span(), "the otelcol context (\"" + text + "\") needs the feature gate "
                    + Ottl.OTELCOL_CONTEXT_GATE, "enable it with --feature-gates=" + Ottl.OTELCOL_CONTEXT_GATE);
            return unbound(text);
        }
        if (i == 0 && binder.requiresPrefixes()) {
            binder.error(BinderCode.MISSING_CONTEXT_PREFIX, p.span(), "missing context name for path \"" + text + "\": statements "
                    + "whose context is inferred name it in every path", "write " + paths.kind().configName() + "." + text);
            return unbound(text);
        }
        Field f = fields.get(i);
        if (f.name().equals("cache")) {
            if (level != paths.own()) {
                binder.error(BinderCode.FOREIGN_CACHE, f.span(), "the cache of the " + first.name() + " context is not reachable from the "
                        + paths.kind() + " context: each context has its own cache", "use cache[...] for this context's cache");
                return unbound(text);
            }
            return keyed(ContextPaths.CACHE.accessor(), PathDef.KeyMode.MAP, f, fields, i, text);
        }
        PathDef def = level.table().get(f.name());
        if (def == null) {
            reportUnknown(f, level, i == 0);
            return unbound(text);
        }
        while (i + 1 < fields.size() && f.keys().isEmpty() && def.children().containsKey(fields.get(i + 1).name())) {
            i++;
            f = fields.get(i);
            def = def.children().get(f.name());
        }
        PathNode node = keyed(def.accessor(), def.keyMode(), f, fields, i, text);
        return def.readOnlyMessage() == null ? node : new ReadOnlyPathNode(node, def.readOnlyMessage());
    }

    private PathNode keyed(Accessor accessor, PathDef.KeyMode mode, Field f, List<Field> fields, int i, String text) {
        if (i + 1 < fields.size()) {
            Field extra = fields.get(i + 1);
            binder.error(BinderCode.EXTRA_PATH_SECTION, extra.span(), "the path section \"" + extra.name() + "\" was not used by the "
                    + paths.kind() + " context: " + text + " has extra path sections", null);
            return unbound(text);
        }
        List<Key> keys = f.keys();
        if (keys.isEmpty()) {
            return new FieldPathNode(accessor, text, writePolicy);
        }
        switch (mode) {
            case NONE -> {
                binder.error(BinderCode.UNUSED_KEYS, keys.get(0).span(), "the keys indexing \"" + f.name()
                        + "\" were not used by the " + paths.kind() + " context: " + f.name() + " cannot be indexed", null);
                return unbound(text);
            }
            case TRACE_STATE -> {
                if (keys.size() != 1 || !(keys.get(0) instanceof StringKey sk)) {
                    binder.error(BinderCode.BAD_KEY, keys.get(0).span(), "trace_state takes exactly one string key naming a member", null);
                    return unbound(text);
                }
                return new TraceStateKeyPathNode(sk.value(), text, writePolicy);
            }
            case MAP -> {
                if (keys.size() == 1 && keys.get(0) instanceof StringKey sk) {
                    return new MapEntryPathNode(accessor, sk.value(), text);
                }
                return new KeysPathNode(accessor, true, binder.keys(keys), text);
            }
            case VALUE -> {
                return new KeysPathNode(accessor, false, binder.keys(keys), text);
            }
            default -> throw new IllegalStateException(mode.toString());
        }
    }

    private void reportUnknown(Field f, Level level, boolean unprefixed) {
        List<String> candidates = new ArrayList<>(level.table().keySet());
        if (unprefixed) {
            candidates.addAll(paths.prefixes().keySet());
            candidates.add("cache");
        }
        String suggestion = Suggestions.closest(f.name(), candidates);
        String valid = level.table().keySet().stream().collect(Collectors.joining(", "));
        binder.error(BinderCode.UNKNOWN_PATH, f.span(), "segment \"" + f.name() + "\" is not a valid path for the "
                + (level == paths.own() ? paths.kind() + " context" : level.prefix() + " level of the " + paths.kind() + " context")
                + " (valid: " + valid + ")", Binder.hint(suggestion));
    }

    private static PathNode unbound(String text) {
        return new FieldPathNode(UNBOUND, text, WritePolicy.BASELINE);
    }

    /** The path as the user wrote it, keys included, for messages and tracing. */
    static String render(Path p) {
        StringBuilder sb = new StringBuilder();
        for (Field f : p.fields()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(f.name());
            for (Key k : f.keys()) {
                sb.append('[');
                switch (k) {
                    case StringKey s -> sb.append('"').append(s.value()).append('"');
                    case io.ottl4j.grammar.ast.IntKey n -> sb.append(n.value());
                    default -> sb.append("...");
                }
                sb.append(']');
            }
        }
        return sb.toString();
    }
}
