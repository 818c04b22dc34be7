package io.ottl4j.language.function.std;

import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The severity mapping of ParseSeverity: {@code {"level": [criteria...]}} where a criterion is a map with
 * {@code "equals": [strings]} and/or {@code "range": {"min": int, "max": int}} (inclusive) or
 * {@code "range": "2xx" | "3xx" | "4xx" | "5xx"}. Strings are matched by equality, ints by range.
 */
final class ParseSeverityMapping {
    private record Criterion(List<String> equals, long min, long max, boolean hasRange) {
    }

    private record Level(String name, List<Criterion> criteria) {
    }

    private final List<Level> levels;

    private ParseSeverityMapping(List<Level> levels) {
        this.levels = levels;
    }

    /** Validates and converts the mapping; throws IllegalArgumentException naming the problem. */
    static ParseSeverityMapping of(AttributeMap mapping) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < mapping.size(); i++) {
            Object criteria = Values.fromStored(mapping.valueAt(i));
            if (!(criteria instanceof AttributeList list)) {
                throw new IllegalArgumentException("severity mapping criteria must be []any");
            }
            List<Criterion> parsed = new ArrayList<>();
            for (Object item : list) {
                if (!(Values.fromStored(item) instanceof AttributeMap m)) {
                    throw new IllegalArgumentException("severity mapping criteria items must be map[string]any");
                }
                parsed.add(criterion(m));
            }
            levels.add(new Level(mapping.keyAt(i), parsed));
        }
        return new ParseSeverityMapping(levels);
    }

    private static Criterion criterion(AttributeMap m) {
        List<String> equals = new ArrayList<>();
        Object eq = Values.fromStored(m.get("equals"));
        if (eq != null) {
            if (!(eq instanceof AttributeList list)) {
                throw new IllegalArgumentException("invalid severity mapping criteria: equals must be a list of strings");
            }
            for (Object v : list) {
                if (!(v instanceof String s)) {
                    throw new IllegalArgumentException("invalid severity mapping criteria: equals must be a list of strings");
                }
                equals.add(s);
            }
        }
        Object range = Values.fromStored(m.get("range"));
        if (range == null) {
            return new Criterion(equals, 0, 0, false);
        }
        if (range instanceof String placeholder) {
            long base = switch (placeholder) {
                case "2xx" -> 200;
                case "3xx" -> 300;
                case "4xx" -> 400;
                case "5xx" -> 500;
                default -> throw new IllegalArgumentException(
                        "invalid severity mapping criteria: unknown range placeholder \"" + placeholder + "\"");
            };
            return new Criterion(equals, base, base + 99, true);
        }
        if (!(range instanceof AttributeMap r)) {
            throw new IllegalArgumentException("invalid severity mapping criteria: range must be a map or a placeholder string");
        }
        return new Criterion(equals, bound(r, "min"), bound(r, "max"), true);
    }

    private static long bound(AttributeMap range, String key) {
        Object v = Values.fromStored(range.get(key));
        if (v == null) {
            throw new IllegalArgumentException("invalid severity mapping criteria: range must have a " + key + " value");
        }
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("invalid severity mapping criteria: " + key + " must be an int64");
        }
        return l;
    }

    /** The first level (in mapping order) with a criterion matching {@code value}. */
    String evaluate(Object value) {
        for (Level level : levels) {
            for (Criterion c : level.criteria) {
                if (value instanceof String s) {
                    if (c.equals.contains(s)) {
                        return level.name;
                    }
                } else if (value instanceof Long l) {
                    if (c.hasRange && c.min <= l && l <= c.max) {
                        return level.name;
                    }
                } else {
                    throw new IllegalArgumentException("could not evaluate log level of value '" + Values.typeName(value)
                            + "': log level must be either string or int");
                }
            }
        }
        throw new IllegalArgumentException("no matching log level found for value '" + value + "'");
    }
}
