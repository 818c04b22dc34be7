package io.ottl4j.language.internal.contexts;

import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Builders for path-table entries of the common field kinds. Every typed setter silently ignores a
 * value of another type, as upstream's setters do ({@code set(name, 1)} does nothing).
 */
final class Fields {
    private Fields() {
    }

    static PathDef string(String name, String doc, Function<TransformContext, String> get, BiConsumer<TransformContext, String> set) {
        return new PathDef(name, "string", doc, Accessor.of(get::apply, (c, v, n) -> {
            if (v instanceof String s) {
                set.accept(c, s);
            }
        }), PathDef.KeyMode.NONE);
    }

    static PathDef int64(String name, String doc, ToLongFunction<TransformContext> get, ObjLongConsumer<TransformContext> set) {
        return new PathDef(name, "int", doc, Accessor.of(c -> get.applyAsLong(c), (c, v, n) -> {
            if (v instanceof Long l) {
                set.accept(c, l);
            }
        }), PathDef.KeyMode.NONE);
    }

    /** An int field that exists only for some records ({@code applies}); elsewhere it reads nil and ignores writes. */
    static PathDef int64If(String name, String doc, Predicate<TransformContext> applies, ToLongFunction<TransformContext> get,
            ObjLongConsumer<TransformContext> set) {
        return new PathDef(name, "int", doc, Accessor.of(c -> applies.test(c) ? (Object) get.applyAsLong(c) : null, (c, v, n) -> {
            if (v instanceof Long l && applies.test(c)) {
                set.accept(c, l);
            }
        }), PathDef.KeyMode.NONE);
    }

    static PathDef float64If(String name, String doc, Predicate<TransformContext> applies, ToDoubleFunction<TransformContext> get,
            ObjDoubleConsumer<TransformContext> set) {
        return new PathDef(name, "double", doc, Accessor.of(c -> applies.test(c) ? (Object) get.applyAsDouble(c) : null, (c, v, n) -> {
            if (v instanceof Double d && applies.test(c)) {
                set.accept(c, d);
            }
        }), PathDef.KeyMode.NONE);
    }

    /** A time twin of a {@code *_unix_nano} field: reads a UTC time, accepts a time. */
    static PathDef time(String name, String doc, ToLongFunction<TransformContext> get, ObjLongConsumer<TransformContext> set) {
        return new PathDef(name, "time", doc, Accessor.of(c -> toTime(get.applyAsLong(c)), (c, v, n) -> {
            if (v instanceof ZonedDateTime t) {
                set.accept(c, toUnixNano(t));
            }
        }), PathDef.KeyMode.NONE);
    }

    /** A pdata map (attributes, cache): setting the whole path needs a map and replaces the content. */
    static PathDef map(String name, String doc, Function<TransformContext, AttributeMap> get) {
        return new PathDef(name, "map", doc, Accessor.of(get::apply, (c, v, n) -> {
            if (v instanceof AttributeMap || v instanceof java.util.Map) {
                AttributeMap target = get.apply(c);
                if (v != target) {
                    AttributeMap source = (AttributeMap) Values.toStored(v);
                    target.copyFrom(source);
                }
            }
        }), PathDef.KeyMode.MAP);
    }

    static PathDef readOnly(String name, String type, String doc, Accessor.Getter get, String whyNot) {
        return new PathDef(name, type, doc, Accessor.of(get, (c, v, n) -> {
            throw new OttlRuntimeException(whyNot, n);
        }), PathDef.KeyMode.NONE);
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
