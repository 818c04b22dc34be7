package io.ottl4j.language.function.std;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.function.ConverterNode;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.LambdaGetter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.function.Param;
import io.ottl4j.language.function.Values;
import io.ottl4j.pdata.AttributeMap;

/**
 * The experimental lambda converters (feature gate {@code ottl.functions.enableLambda}). For a slice the
 * lambda's first parameter is the int index, for a map the string key; the second is the element. The
 * loops live in the node (a lambda call needs the frame); element access goes through boundaries.
 */
public final class LambdaConverters {
    private LambdaConverters() {
    }

    /** A converter testing the elements of a map or slice {@code source} with a two-parameter {@code predicate}. */
    abstract static class PredicateConverter extends ConverterNode {
        @Child private Getter source;
        @Child private LambdaGetter predicate;
        private final String name;

        PredicateConverter(String name, Getter source, LambdaGetter predicate) {
            this.name = name;
            this.source = source;
            this.predicate = LambdaSupport.arity(predicate, "predicate", 2);
        }

        /** The source, which must be a map or a slice. */
        final Object source(VirtualFrame frame) {
            return LambdaSupport.source(name, source.get(frame), this);
        }

        /** The predicate for one element: its key (or index) and value. */
        final boolean test(VirtualFrame frame, Object key, Object value) {
            return LambdaSupport.predicate(name, predicate.call(frame, key, value), this);
        }

        /** True as soon as the predicate gives {@code wanted} for an element, in order; false if none does. */
        final boolean exists(VirtualFrame frame, Object src, boolean wanted) {
            int n = LambdaSupport.size(src);
            for (int i = 0; i < n; i++) {
                if (test(frame, LambdaSupport.key(src, i), LambdaSupport.value(src, i)) == wanted) {
                    return true;
                }
            }
            return false;
        }
    }

    @OttlFunction(name = "All", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "True when the predicate holds for every element of a map or slice (true when empty).",
            example = "All(attributes[\"ports\"], (i, v) => v > 1024)")
    public static final class AllConverter extends PredicateConverter {
        public AllConverter(@Param("source") Getter source, @Param("predicate") LambdaGetter predicate) {
            super("All", source, predicate);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return !exists(frame, source(frame), false);
        }
    }

    @OttlFunction(name = "Any", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "True when the predicate holds for at least one element of a map or slice (false when empty).",
            example = "Any(attributes, (k, v) => IsMatch(k, \"^http\\\\.\"))")
    public static final class AnyConverter extends PredicateConverter {
        public AnyConverter(@Param("source") Getter source, @Param("predicate") LambdaGetter predicate) {
            super("Any", source, predicate);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            return exists(frame, source(frame), true);
        }
    }

    @OttlFunction(name = "Filter", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "A new map or slice with the elements for which the predicate holds.",
            example = "Filter(attributes, (k, v) => v != nil)")
    public static final class FilterConverter extends PredicateConverter {
        public FilterConverter(@Param("source") Getter source, @Param("predicate") LambdaGetter predicate) {
            super("Filter", source, predicate);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Object src = source(frame);
            Object out = LambdaSupport.emptyLike(src);
            int n = LambdaSupport.size(src);
            for (int i = 0; i < n; i++) {
                if (test(frame, LambdaSupport.key(src, i), LambdaSupport.value(src, i))) {
                    LambdaSupport.keep(src, i, out);
                }
            }
            return out;
        }
    }

    @OttlFunction(name = "Find", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "The first element for which the predicate holds (or the mapper's result for it); nil when none does.",
            example = "Find(attributes[\"items\"], (i, v) => v[\"id\"] == 3, (i, v) => v[\"name\"])")
    public static final class FindConverter extends PredicateConverter {
        @Child private LambdaGetter mapper;

        public FindConverter(@Param("source") Getter source, @Param("predicate") LambdaGetter predicate,
                @Param(value = "mapper", optional = true, defaultValue = "the element itself") LambdaGetter mapper) {
            super("Find", source, predicate);
            this.mapper = LambdaSupport.arity(mapper, "mapper", 2);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Object src = source(frame);
            int n = LambdaSupport.size(src);
            for (int i = 0; i < n; i++) {
                Object k = LambdaSupport.key(src, i);
                Object v = LambdaSupport.value(src, i);
                if (test(frame, k, v)) {
                    return mapper == null ? v : mapper.call(frame, k, v);
                }
            }
            return null;
        }
    }

    @OttlFunction(name = "MapEach", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "A new map (same keys) or slice whose elements are the mapper's results.",
            example = "MapEach(attributes, (k, v) => ToUpperCase(v))")
    public static final class MapEachConverter extends ConverterNode {
        @Child private Getter source;
        @Child private LambdaGetter mapper;

        public MapEachConverter(@Param("source") Getter source, @Param("mapper") LambdaGetter mapper) {
            this.source = source;
            this.mapper = LambdaSupport.arity(mapper, "mapper", 2);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Object src = LambdaSupport.source("MapEach", source.get(frame), this);
            Object out = LambdaSupport.emptyLike(src);
            int n = LambdaSupport.size(src);
            for (int i = 0; i < n; i++) {
                Object k = LambdaSupport.key(src, i);
                Object r = mapper.call(frame, k, LambdaSupport.value(src, i));
                LambdaSupport.store("MapEach", out, k, r, this);
            }
            return out;
        }
    }

    @OttlFunction(name = "MapKeys", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "A new map whose keys are the key mapper's results; when two keys collide the later value wins.",
            example = "MapKeys(attributes, (k, v) => ToLowerCase(k))")
    public static final class MapKeysConverter extends ConverterNode {
        @Child private MapGetter source;
        @Child private LambdaGetter keyMapper;

        public MapKeysConverter(@Param("source") MapGetter source, @Param("key_mapper") LambdaGetter keyMapper) {
            this.source = source;
            this.keyMapper = LambdaSupport.arity(keyMapper, "key_mapper", 2);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            AttributeMap src = source.get(frame);
            AttributeMap out = new AttributeMap();
            int n = LambdaSupport.size(src);
            for (int i = 0; i < n; i++) {
                Object r = keyMapper.call(frame, LambdaSupport.key(src, i), LambdaSupport.value(src, i));
                if (!(r instanceof String newKey)) {
                    throw keyError(r);
                }
                LambdaSupport.store("MapKeys", out, newKey, LambdaSupport.value(src, i), this);
            }
            return out;
        }

        @TruffleBoundary
        private OttlRuntimeException keyError(Object r) {
            return new OttlRuntimeException("MapKeys: lambda expression must return a value of type string, got "
                    + Values.typeName(r), this);
        }
    }

    @OttlFunction(name = "Reduce", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "Folds a map or slice: the accumulator gets (acc, key or index, value), starting from the seed.",
            example = "Reduce(attributes[\"sizes\"], 0, (acc, i, v) => acc + v)")
    public static final class ReduceConverter extends ConverterNode {
        @Child private Getter source;
        @Child private Getter seed;
        @Child private LambdaGetter accumulator;

        public ReduceConverter(@Param("source") Getter source, @Param("seed") Getter seed,
                @Param("accumulator") LambdaGetter accumulator) {
            this.source = source;
            this.seed = seed;
            this.accumulator = LambdaSupport.arity(accumulator, "accumulator", 3);
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            Object src = LambdaSupport.source("Reduce", source.get(frame), this);
            Object acc = seed.get(frame);
            int n = LambdaSupport.size(src);
            for (int i = 0; i < n; i++) {
                acc = accumulator.call(frame, acc, LambdaSupport.key(src, i), LambdaSupport.value(src, i));
            }
            return acc;
        }
    }

    @OttlFunction(name = "When", kind = OttlFunction.Kind.CONVERTER, featureGate = Ottl.LAMBDA_GATE,
            doc = "The true value when the condition lambda returns true, else the false value (only the chosen one is evaluated).",
            example = "When(() => attributes[\"env\"] == \"prod\", \"p\", \"np\")")
    public static final class WhenConverter extends ConverterNode {
        @Child private LambdaGetter condition;
        @Child private Getter trueValue;
        @Child private Getter falseValue;

        public WhenConverter(@Param("condition") LambdaGetter condition, @Param("true_value") Getter trueValue,
                @Param("false_value") Getter falseValue) {
            this.condition = LambdaSupport.arity(condition, "condition", 0);
            this.trueValue = trueValue;
            this.falseValue = falseValue;
        }

        @Override
        public Object executeGeneric(VirtualFrame frame) {
            if (LambdaSupport.predicate("When", condition.call(frame), this)) {
                return trueValue.get(frame);
            }
            return falseValue.get(frame);
        }
    }
}
