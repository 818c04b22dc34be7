package io.ottl4j.language.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec's baseline form of a parameter that upstream relaxed later (a literal that became a getter).
 * The constructor's own type is upstream's current form; it is accepted only with the feature gate
 * {@code ottl.functions.currentSignatures}. Without the gate the argument must have the baseline form
 * (checked when the statement compiles) and is then passed to the constructor in the current form, so a
 * function has one implementation for both. Example: {@code @Param("delimiter") @Baseline(String.class) StringGetter d}
 * takes only a string literal by default, any string expression with the gate.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Baseline {
    /** The baseline Java type, read as a parameter kind like any constructor type ({@code String.class}: string literal). */
    Class<?> value();

    /** The baseline parameter name when upstream renamed it (TraceID's {@code bytes}); empty: unchanged. */
    String name() default "";
}
