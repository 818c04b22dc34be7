package io.ottl4j.language.function;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a function parameter. Named arguments match it by its upper-camel form as upstream does, so
 * {@code resolve_conflicts} and {@code resolveConflicts} both reach {@code @Param("resolve_conflicts")}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** The documented parameter name, in snake case. */
    String value();

    /** Optional parameters follow the required ones; an omitted one is passed as {@code null}. */
    boolean optional() default false;

    /** The value used when an optional parameter is omitted, as documentation for the catalog. */
    String defaultValue() default "";
}
