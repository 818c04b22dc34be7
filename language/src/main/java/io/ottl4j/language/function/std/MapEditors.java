package io.ottl4j.language.function.std;

import com.google.re2j.Pattern;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import io.ottl4j.language.function.Baseline;
import io.ottl4j.language.function.EditorNode;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlArgumentException;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.std.internal.DynamicRegex;
import io.ottl4j.language.function.std.internal.EditorsFlatten;
import io.ottl4j.language.function.std.internal.EditorsTruncate;
import io.ottl4j.language.function.std.internal.Literals;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Editors of maps: key removal and selection, flattening, limiting, merging, truncation, stringification. */
public final class MapEditors {
    private MapEditors() {
    }

    @OttlFunction(name = "delete_key", kind = OttlFunction.Kind.EDITOR,
            doc = "Removes a key from a map; nothing happens when it is absent.",
            example = "delete_key(attributes, \"http.request.header.authorization\")")
    public static final class DeleteKeyEditor extends EditorNode {
        @Child private MapGetter target;
        @Child private StringGetter key;

        public DeleteKeyEditor(@Param("target") MapGetter target, @Param("key") StringGetter key) {
            this.target = target;
            this.key = key;
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeMap m = target.get(frame);
            remove(m, key.get(frame));
        }

        @TruffleBoundary
        private static void remove(AttributeMap m, String key) {
            m.remove(key);
        }
    }

    @OttlFunction(name = "delete_matching_keys", kind = OttlFunction.Kind.EDITOR,
            doc = "Removes every key of a map that the regular expression matches (anywhere in the key).",
            example = "delete_matching_keys(attributes, \"(?i).*password.*\")")
    public static final class DeleteMatchingKeysEditor extends EditorNode {
        @Child private MapGetter target;
        @Child private DynamicRegex pattern;

        public DeleteMatchingKeysEditor(@Param("target") MapGetter target, @Param("pattern") StringGetter pattern) {
            this.target = target;
            this.pattern = new DynamicRegex("delete_matching_keys", "pattern", pattern);
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeMap m = target.get(frame);
            removeMatching(m, pattern.get(frame), true);
        }
    }

    @OttlFunction(name = "keep_matching_keys", kind = OttlFunction.Kind.EDITOR,
            doc = "Keeps only the keys of a map that the regular expression matches (anywhere in the key).",
            example = "keep_matching_keys(attributes, \"^http\\\\.\")")
    public static final class KeepMatchingKeysEditor extends EditorNode {
        @Child private MapGetter target;
        @Child private DynamicRegex pattern;

        public KeepMatchingKeysEditor(@Param("target") MapGetter target, @Param("pattern") StringGetter pattern) {
            this.target = target;
            this.pattern = new DynamicRegex("keep_matching_keys", "pattern", pattern);
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeMap m = target.get(frame);
            removeMatching(m, pattern.get(frame), false);
        }
    }

    @TruffleBoundary
    static void removeMatching(AttributeMap m, Pattern p, boolean removeWhenMatching) {
        m.removeIf((k, v) -> p.matcher(k).find() == removeWhenMatching);
    }

    @OttlFunction(name = "keep_keys", kind = OttlFunction.Kind.EDITOR,
            doc = "Keeps only the listed keys of a map.",
            example = "keep_keys(attributes, [\"http.method\", \"http.route\"])")
    public static final class KeepKeysEditor extends EditorNode {
        @Child private MapGetter target;
        @Children private final StringGetter[] keys;
        /** The keys when every one is a string literal (known when compiled); else null and read on each run. */
        private final Set<String> literal;

        public KeepKeysEditor(@Param("target") MapGetter target, @Param("keys") @Baseline(String[].class) StringGetter[] keys) {
            this.target = target;
            this.keys = keys;
            Set<String> known = new HashSet<>();
            for (StringGetter k : keys) {
                String s = Literals.string(k);
                if (s == null) {
                    known = null;
                    break;
                }
                known.add(s);
            }
            this.literal = known;
        }

        @Override
        @ExplodeLoop
        public void execute(VirtualFrame frame) {
            AttributeMap m = target.get(frame);
            if (literal != null) {
                keep(m, literal);
                return;
            }
            String[] names = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                names[i] = keys[i].get(frame);
            }
            keep(m, setOf(names));
        }

        @TruffleBoundary
        private static Set<String> setOf(String[] names) {
            return new HashSet<>(Arrays.asList(names));
        }

        @TruffleBoundary
        private static void keep(AttributeMap m, Set<String> keys) {
            m.removeIf((k, v) -> !keys.contains(k));
        }
    }

    @OttlFunction(name = "flatten", kind = OttlFunction.Kind.EDITOR,
            doc = "Flattens nested maps and lists into one level of keys joined with '.', list elements keyed by "
                    + "index; prefix is put before every key, depth limits how many levels are flattened, and with "
                    + "resolve_conflicts duplicate keys get .0, .1... suffixes instead of overwriting each other.",
            example = "flatten(attributes, \"app\", depth = 2)")
    public static final class FlattenEditor extends EditorNode {
        @Child private MapGetter target;
        private final String prefix;
        private final long depth;
        private final boolean resolveConflicts;

        public FlattenEditor(@Param("target") MapGetter target,
                @Param(value = "prefix", optional = true, defaultValue = "\"\"") String prefix,
                @Param(value = "depth", optional = true, defaultValue = "unlimited") Long depth,
                @Param(value = "resolve_conflicts", optional = true, defaultValue = "false") Boolean resolveConflicts) {
            if (depth != null && depth < 1) {
                throw new OttlArgumentException("depth", "invalid depth '" + depth + "' for flatten function, must be greater than 0");
            }
            this.target = target;
            this.prefix = prefix == null ? "" : prefix;
            this.depth = depth == null ? Long.MAX_VALUE : depth;
            this.resolveConflicts = resolveConflicts != null && resolveConflicts;
        }

        @Override
        public void execute(VirtualFrame frame) {
            EditorsFlatten.flatten(target.get(frame), prefix, depth, resolveConflicts);
        }
    }

    @OttlFunction(name = "limit", kind = OttlFunction.Kind.EDITOR,
            doc = "Drops keys of a map, in iteration order, until at most limit remain; keys in priority_keys are never dropped.",
            example = "limit(attributes, 100, [\"http.method\"])")
    public static final class LimitEditor extends EditorNode {
        @Child private MapGetter target;
        private final long limit;
        private final String[] priorityKeys;
        private final Set<String> keep;

        public LimitEditor(@Param("target") MapGetter target, @Param("limit") long limit,
                @Param("priority_keys") String[] priorityKeys) {
            if (limit < 0) {
                throw new OttlArgumentException("limit", "invalid limit for limit function, " + limit + " cannot be negative");
            }
            if (limit < priorityKeys.length) {
                throw new OttlArgumentException("limit", "invalid limit for limit function, " + limit
                        + " cannot be less than number of priority attributes " + priorityKeys.length);
            }
            this.target = target;
            this.limit = limit;
            this.priorityKeys = priorityKeys;
            this.keep = new HashSet<>(Arrays.asList(priorityKeys));
        }

        @Override
        public void execute(VirtualFrame frame) {
            apply(target.get(frame), limit, priorityKeys, keep);
        }

        @TruffleBoundary
        private static void apply(AttributeMap m, long limit, String[] priorityKeys, Set<String> keep) {
            if (m.size() <= limit) {
                return;
            }
            long[] count = {0};
            for (String k : priorityKeys) {
                if (m.containsKey(k)) {
                    count[0]++;
                }
            }
            m.removeIf((k, v) -> {
                if (keep.contains(k)) {
                    return false;
                }
                if (count[0] < limit) {
                    count[0]++;
                    return false;
                }
                return true;
            });
        }
    }

    @OttlFunction(name = "merge_maps", kind = OttlFunction.Kind.EDITOR,
            doc = "Merges source into target: strategy insert adds only absent keys, update changes only present "
                    + "keys, upsert does both. Values are copied.",
            example = "merge_maps(attributes, ParseJSON(body), \"upsert\")")
    public static final class MergeMapsEditor extends EditorNode {
        @Child private MapGetter target;
        @Child private MapGetter source;
        private final String strategy;

        public MergeMapsEditor(@Param("target") MapGetter target, @Param("source") MapGetter source,
                @Param("strategy") String strategy) {
            if (!strategy.equals("insert") && !strategy.equals("update") && !strategy.equals("upsert")) {
                throw new OttlArgumentException("strategy", "invalid value for strategy, " + strategy
                        + ", must be 'insert', 'update' or 'upsert'");
            }
            this.target = target;
            this.source = source;
            this.strategy = strategy;
        }

        @Override
        public void execute(VirtualFrame frame) {
            AttributeMap t = target.get(frame);
            AttributeMap s = source.get(frame);
            merge(t, s, strategy);
        }

        @TruffleBoundary
        private static void merge(AttributeMap target, AttributeMap source, String strategy) {
            // a snapshot of the source, in case it is the target itself
            AttributeMap src = source == target ? source.deepCopy() : source;
            for (int i = 0; i < src.size(); i++) {
                String k = src.keyAt(i);
                boolean present = target.containsKey(k);
                boolean write = switch (strategy) {
                    case "insert" -> !present;
                    case "update" -> present;
                    default -> true;
                };
                if (write) {
                    target.put(k, AnyValue.deepCopy(src.valueAt(i)));
                }
            }
        }
    }

    @OttlFunction(name = "truncate_all", kind = OttlFunction.Kind.EDITOR,
            doc = "Truncates every string value of a map to at most limit bytes; with utf8_safe (the default) a "
                    + "multi-byte character is never split; truncation_marker is appended to truncated values and "
                    + "counts toward the limit.",
            example = "truncate_all(attributes, 100)")
    public static final class TruncateAllEditor extends EditorNode {
        @Child private MapGetter target;
        private final long limit;
        private final boolean utf8Safe;
        private final String marker;

        public TruncateAllEditor(@Param("target") MapGetter target, @Param("limit") long limit,
                @Param(value = "utf8_safe", optional = true, defaultValue = "true") Boolean utf8Safe,
                @Param(value = "truncation_marker", optional = true, defaultValue = "\"\"") String truncationMarker) {
            if (limit < 0) {
                throw new OttlArgumentException("limit", "invalid limit for truncate_all function, " + limit + " cannot be negative");
            }
            String m = truncationMarker == null ? "" : truncationMarker;
            if (EditorsTruncate.utf8Length(m) > limit) {
                throw new OttlArgumentException("truncation_marker", "truncation marker length ("
                        + EditorsTruncate.utf8Length(m) + ") cannot exceed limit (" + limit + ")");
            }
            this.target = target;
            this.limit = limit;
            this.utf8Safe = utf8Safe == null || utf8Safe;
            this.marker = m;
        }

        @Override
        public void execute(VirtualFrame frame) {
            EditorsTruncate.truncateAll(target.get(frame), limit, utf8Safe, marker);
        }
    }

    @OttlFunction(name = "stringify_all", kind = OttlFunction.Kind.EDITOR,
            doc = "Converts every non-string value of a map to its string form (numbers and bools as text, bytes "
                    + "as base64, maps and lists as JSON, empty as \"\").",
            example = "stringify_all(attributes)")
    public static final class StringifyAllEditor extends EditorNode {
        @Child private MapGetter target;

        public StringifyAllEditor(@Param("target") MapGetter target) {
            this.target = target;
        }

        @Override
        public void execute(VirtualFrame frame) {
            stringify(target.get(frame));
        }

        @TruffleBoundary
        private static void stringify(AttributeMap m) {
            for (int i = 0; i < m.size(); i++) {
                Object v = m.valueAt(i);
                if (!(v instanceof String)) {
                    m.setValueAt(i, AnyValue.asString(v));
                }
            }
        }
    }
}
