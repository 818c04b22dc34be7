package io.ottl4j.language.inspect;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.internal.contexts.ContextPaths;
import io.ottl4j.language.internal.contexts.Level;
import io.ottl4j.language.internal.contexts.PathDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a context's path tables and enums for tools (REPL completion, {@code :explain},
 * the language server), so that they never reach into the engine's internal packages. Built from the
 * same tables the binder resolves against, so what it lists is exactly what compiles.
 */
public final class PathCatalog {
    private static final Map<ContextKind, PathCatalog> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private final ContextKind context;
    private final List<PathInfo> own;
    private final Map<String, List<PathInfo>> prefixed;
    private final Map<String, Long> enums;

    private PathCatalog(ContextKind context) {
        ContextPaths paths = ContextPaths.of(context);
        this.context = context;
        this.own = Collections.unmodifiableList(paths(paths.own(), ""));
        Map<String, List<PathInfo>> p = new LinkedHashMap<>();
        for (Map.Entry<String, Level> e : paths.prefixes().entrySet()) {
            p.put(e.getKey(), Collections.unmodifiableList(paths(e.getValue(), e.getKey() + ".")));
        }
        this.prefixed = Collections.unmodifiableMap(p);
        this.enums = paths.enums();
    }

    public static PathCatalog of(ContextKind context) {
        return CACHE.computeIfAbsent(context, PathCatalog::new);
    }

    public ContextKind context() {
        return context;
    }

    /** The context's own paths without prefix ({@code name}, {@code status.code}, {@code attributes}...). */
    public List<PathInfo> ownPaths() {
        List<PathInfo> out = new ArrayList<>(own);
        out.add(cache());
        return out;
    }

    private PathInfo cache() {
        return new PathInfo("cache", ContextPaths.of(context).own().prefix(), "map",
                "a scratch map of the current record, dropped after the statements ran", true);
    }

    /**
     * The prefixes this context accepts (its own name and the higher contexts it reaches: {@code span},
     * {@code resource}, {@code instrumentation_scope}, {@code scope}...) and the paths under each, prefix included.
     */
    public Map<String, List<PathInfo>> prefixedPaths() {
        return prefixed;
    }

    /** Every path: own ones unprefixed, then every prefixed form. */
    public List<PathInfo> allPaths() {
        List<PathInfo> out = ownPaths();
        prefixed.values().forEach(out::addAll);
        return out;
    }

    /** The enum symbols usable in this context and their values. */
    public Map<String, Long> enums() {
        return enums;
    }

    /**
     * Resolves a path written as dot-separated names (keys left out), e.g. {@code resource.attributes} or
     * {@code status.code}, as the binder does: a first name that is a prefix selects that level. Null when
     * the path does not exist in this context.
     */
    public PathInfo resolve(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        ContextPaths paths = ContextPaths.of(context);
        Level level = paths.own();
        int i = 0;
        String prefix = "";
        if (names.size() >= 2 && paths.prefixes().containsKey(names.get(0))) {
            level = paths.prefixes().get(names.get(0));
            prefix = names.get(0) + ".";
            i = 1;
        }
        if (names.get(i).equals("cache") && level == paths.own()) {
            return i + 1 == names.size() ? cache() : null;
        }
        PathDef def = level.table().get(names.get(i));
        if (def == null) {
            return null;
        }
        StringBuilder path = new StringBuilder(prefix).append(def.name());
        while (i + 1 < names.size() && def.children().containsKey(names.get(i + 1))) {
            i++;
            def = def.children().get(names.get(i));
            path.append('.').append(def.name());
        }
        if (i + 1 != names.size()) {
            return null;
        }
        return info(path.toString(), level, def);
    }

    /** The context a prefix names from here (e.g. {@code resource} from span), or null. */
    public String levelOfPrefix(String prefix) {
        Level l = ContextPaths.of(context).prefixes().get(prefix);
        return l == null ? null : l.prefix();
    }

    private static List<PathInfo> paths(Level level, String prefix) {
        List<PathInfo> out = new ArrayList<>();
        for (PathDef d : level.table().values()) {
            add(out, level, prefix + d.name(), d);
        }
        return out;
    }

    private static void add(List<PathInfo> out, Level level, String path, PathDef d) {
        out.add(info(path, level, d));
        for (PathDef c : d.children().values()) {
            add(out, level, path + "." + c.name(), c);
        }
    }

    private static PathInfo info(String path, Level level, PathDef d) {
        return new PathInfo(path, level.prefix(), d.type(), d.doc(), d.keyMode() != PathDef.KeyMode.NONE);
    }
}
