package io.ottl4j.language.catalog;

import io.ottl4j.language.function.BoolGetter;
import io.ottl4j.language.function.BoolLikeGetter;
import io.ottl4j.language.function.ByteSliceLikeGetter;
import io.ottl4j.language.function.DurationGetter;
import io.ottl4j.language.function.FloatGetter;
import io.ottl4j.language.function.FloatLikeGetter;
import io.ottl4j.language.function.FunctionGetter;
import io.ottl4j.language.function.GetSetter;
import io.ottl4j.language.function.Getter;
import io.ottl4j.language.function.IntGetter;
import io.ottl4j.language.function.IntLikeGetter;
import io.ottl4j.language.function.MapGetter;
import io.ottl4j.language.function.StringGetter;
import io.ottl4j.language.function.StringLikeGetter;
import io.ottl4j.language.function.StringLikeSliceGetter;
import io.ottl4j.language.function.StringSliceGetter;
import io.ottl4j.language.function.TimeGetter;
import io.ottl4j.language.function.LambdaGetter;

/**
 * The argument forms a parameter accepts, derived from the Java type of the function's constructor
 * parameter (upstream derives them from the Go type of the arguments struct field).
 */
public enum ParamKind {
    GETTER(Getter.class, "any", false),
    STRING_GETTER(StringGetter.class, "string", false),
    STRING_LIKE_GETTER(StringLikeGetter.class, "string-like", false),
    INT_GETTER(IntGetter.class, "int", false),
    INT_LIKE_GETTER(IntLikeGetter.class, "int-like", false),
    FLOAT_GETTER(FloatGetter.class, "double", false),
    FLOAT_LIKE_GETTER(FloatLikeGetter.class, "double-like", false),
    BOOL_GETTER(BoolGetter.class, "bool", false),
    BOOL_LIKE_GETTER(BoolLikeGetter.class, "bool-like", false),
    BYTES_LIKE_GETTER(ByteSliceLikeGetter.class, "bytes-like", false),
    MAP_GETTER(MapGetter.class, "map", false),
    TIME_GETTER(TimeGetter.class, "time", false),
    DURATION_GETTER(DurationGetter.class, "duration", false),
    PATH(GetSetter.class, "path", false),
    FUNCTION(FunctionGetter.class, "function", false),
    LAMBDA(LambdaGetter.class, "lambda", false),
    STRING_LITERAL(String.class, "string literal", true),
    INT_LITERAL(Long.class, "int literal", true),
    FLOAT_LITERAL(Double.class, "double literal", true),
    BOOL_LITERAL(Boolean.class, "bool literal", true),
    BYTES_LITERAL(byte[].class, "bytes literal", true),
    STRING_LIST_LITERAL(String[].class, "list of string literals", true),
    INT_LIST_LITERAL(long[].class, "list of int literals", true),
    FLOAT_LIST_LITERAL(double[].class, "list of double literals", true),
    GETTER_LIST(Getter[].class, "list", false),
    STRING_GETTER_LIST(StringGetter[].class, "list of strings", false),
    STRING_LIKE_GETTER_LIST(StringLikeGetter[].class, "list of string-likes", false),
    INT_GETTER_LIST(IntGetter[].class, "list of ints", false),
    FLOAT_GETTER_LIST(FloatGetter[].class, "list of doubles", false),
    MAP_GETTER_LIST(MapGetter[].class, "list of maps", false),
    STRING_LIKE_SLICE(StringLikeSliceGetter.class, "list of string-likes (or an expression giving one)", false),
    STRING_SLICE(StringSliceGetter.class, "list of strings (or an expression giving one)", false);

    private final Class<?> javaType;
    private final String description;
    private final boolean literal;

    ParamKind(Class<?> javaType, String description, boolean literal) {
        this.javaType = javaType;
        this.description = description;
        this.literal = literal;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** How the catalog and error messages name what the parameter accepts. */
    public String description() {
        return description;
    }

    /** Literal parameters take their value at compile time. */
    public boolean isLiteral() {
        return literal;
    }

    public static ParamKind of(Class<?> type) {
        Class<?> boxed = type == long.class ? Long.class : type == double.class ? Double.class : type == boolean.class ? Boolean.class : type;
        for (ParamKind k : values()) {
            if (k.javaType == boxed) {
                return k;
            }
        }
        throw new IllegalArgumentException("unsupported OTTL parameter type " + type.getName());
    }
}
