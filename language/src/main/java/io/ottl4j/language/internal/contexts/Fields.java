package io.ottl4j.language.internal.contexts;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import com.oracle.truffle.api.nodes.Node;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Builders for path-table entries of the common field kinds. A typed setter given a value of another type, or nil,
 * hands it to {@link Writes#reject}: ignored at the baseline ({@code set(name, 1)} does nothing), an error with
 * upstream's message under {@code ottl.contexts.strictSetters} or (nil) {@code ottl.set.allowNil}.
 */
final class Fields {
    private Fields() {
    }

    static PathDef string(String name, String doc, Function<TransformContext, String> get, BiConsumer<TransformContext, String> set) {
        return new PathDef(name, "string", doc, Accessor.typed(get::apply, (c, v, n) -> {
            if (v instanceof String s) {
                set.accept(c, s);
            } else {
                Writes.reject(Writes.STRING, v, n);
            }
        }, Writes.STRING), PathDef.KeyMode.NONE);
    }

    static PathDef int64(String name, String doc, ToLongFunction<TransformContext> get, ObjLongConsumer<TransformContext> set) {
        return new PathDef(name, "int", doc, Accessor.typed(c -> get.applyAsLong(c), (c, v, n) -> {
            if (v instanceof Long l) {
                set.accept(c, l);
            } else {
                Writes.reject(Writes.INT64, v, n);
            }
        }, Writes.INT64), PathDef.KeyMode.NONE);
    }

    /**
     * An int field that exists only for some records ({@code applies}); elsewhere it reads nil and ignores writes of
     * the right type (upstream checks the type before looking at the record).
     */
    static PathDef int64If(String name, String doc, Predicate<TransformContext> applies, ToLongFunction<TransformContext> get,
            ObjLongConsumer<TransformContext> set) {
        return new PathDef(name, "int", doc, Accessor.typed(c -> applies.test(c) ? (Object) get.applyAsLong(c) : null, (c, v, n) -> {
            if (!(v instanceof Long l)) {
                Writes.reject(Writes.INT64, v, n);
            } else if (applies.test(c)) {
                set.accept(c, l);
            }
        }, Writes.INT64), PathDef.KeyMode.NONE);
    }

    static PathDef float64If(String name, String doc, Predicate<TransformContext> applies, ToDoubleFunction<TransformContext> get,
            ObjDoubleConsumer<TransformContext> set) {
        return new PathDef(name, "double", doc, Accessor.typed(c -> applies.test(c) ? (Object) get.applyAsDouble(c) : null, (c, v, n) -> {
            if (!(v instanceof Double d)) {
                Writes.reject(Writes.FLOAT64, v, n);
            } else if (applies.test(c)) {
                set.accept(c, d);
            }
        }, Writes.FLOAT64), PathDef.KeyMode.NONE);
    }

    /** A time twin of a {@code *_unix_nano} field: reads a UTC time, accepts a time. */
    static PathDef time(String name, String doc, ToLongFunction<TransformContext> get, ObjLongConsumer<TransformContext> set) {
        return new PathDef(name, "time", doc, Accessor.typed(c -> toTime(get.applyAsLong(c)), (c, v, n) -> {
            if (v instanceof ZonedDateTime t) {
                set.accept(c, toUnixNano(t));
            } else {
                Writes.reject(Writes.TIME, v, n);
            }
        }, Writes.TIME), PathDef.KeyMode.NONE);
    }

    /**
     * A pdata map (attributes, cache): setting the whole path needs a map and replaces the content; nil empties it
     * when nil reaches setters (upstream's {@code SetMap} of nil).
     */
    static PathDef map(String name, String doc, Function<TransformContext, AttributeMap> get) {
        return new PathDef(name, "map", doc, Accessor.typed(get::apply, (c, v, n) -> {
            if (v instanceof AttributeMap || v instanceof java.util.Map) {
                AttributeMap target = get.apply(c);
                if (v != target) {
                    AttributeMap source = (AttributeMap) Values.toStored(v);
                    target.copyFrom(source);
                }
            } else if (Writes.emptiesOnNil(v, n)) {
                get.apply(c).clear();
            } else {
                Writes.rejectMap(v, n);
            }
        }, MAP), PathDef.KeyMode.MAP);
    }

    /** A map path takes a pdata map or a map literal; anything else gets {@code SetMap}'s message. */
    private static final Writes.Expect MAP = new Writes.Expect(java.util.Map.class, "pcommon.Map") {
        @Override
        public boolean accepts(Object v) {
            return v instanceof AttributeMap || v instanceof java.util.Map;
        }

        @Override
        public String rejection(Object v) {
            return Writes.mapRejection(v);
        }
    };

    static PathDef readOnly(String name, String type, String doc, Accessor.Getter get, String whyNot) {
        return new PathDef(name, type, doc, Accessor.of(get, (c, v, n) -> {
            throw new OttlRuntimeException(whyNot, n);
        }), PathDef.KeyMode.NONE);
    }

    /** A field whose setter takes one kind of value ({@code expect}), checked by the setter itself. */
    static PathDef typed(String name, String type, String doc, Accessor.Getter get, Accessor.Setter set, Writes.Expect expect) {
        return new PathDef(name, type, doc, Accessor.typed(get, set, expect), PathDef.KeyMode.NONE);
    }

    /** A boolean field ({@code is_monotonic}) that exists only for some records, like {@link #int64If}. */
    static PathDef boolIf(String name, String doc, Predicate<TransformContext> applies, Predicate<TransformContext> get,
            BiConsumer<TransformContext, Boolean> set) {
        return typed(name, "bool", doc, c -> applies.test(c) ? (Object) get.test(c) : null, (c, v, n) -> {
            if (!(v instanceof Boolean b)) {
                Writes.reject(Writes.BOOL, v, n);
            } else if (applies.test(c)) {
                set.accept(c, b);
            }
        }, Writes.BOOL);
    }

    /**
     * Replaces a record list ({@code events}, {@code exemplars}...; null where the record has none) with copies of a
     * list of such records; nil empties it when nil reaches setters; anything else goes to {@link Writes#reject} under
     * upstream's slice type {@code goName}.
     */
    static <T> void replaceList(List<T> target, Object v, Class<T> type, UnaryOperator<T> copy, String goName, Node n) {
        if (Writes.emptiesOnNil(v, n)) {
            if (target != null) {
                target.clear();
            }
        } else if (!(v instanceof List<?> list) || !list.stream().allMatch(type::isInstance)) {
            Writes.reject(goName, v, n);
        } else if (target != null && v != target) {
            List<T> copies = list.stream().map(e -> copy.apply(type.cast(e))).toList();
            target.clear();
            target.addAll(copies);
        }
    }

    static PathDef custom(String name, String type, String doc, Accessor.Getter get, Accessor.Setter set) {
        return new PathDef(name, type, doc, Accessor.of(get, set), PathDef.KeyMode.NONE);
    }

    static ZonedDateTime toTime(long unixNano) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, unixNano), ZoneOffset.UTC);
    }

    static long toUnixNano(ZonedDateTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
