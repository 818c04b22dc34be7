package io.ottl4j.language.function;

import io.ottl4j.language.ContextKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an OTTL function. The annotated class is an {@link EditorNode} or {@link ConverterNode} with
 * one public constructor whose parameters, each annotated with {@link Param}, are the function's
 * parameters in positional order. Their Java types decide which argument forms are accepted (see
 * {@code docs/architecture.md}, "Writing a function"). The catalog, the binder, the REPL and the language
 * server all read this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OttlFunction {
    /** The OTTL name: lower snake case for editors, UpperCamelCase for converters. */
    String name();

    Kind kind();

    /** One line: what the function does. */
    String doc();

    /** One example invocation, as a user would write it. */
    String example() default "";

    /** Contexts it is registered in; empty means every context. */
    ContextKind[] contexts() default {};

    /** A feature gate that must be enabled for the function to exist (e.g. {@code ottl.functions.enableLambda}). */
    String featureGate() default "";

    /**
     * Functions of the filter processor's condition set (e.g. {@code HasAttrOnDatapoint}): available in
     * conditions, not in statements (where clauses included), as upstream registers them.
     */
    boolean conditionsOnly() default false;

    /** Deprecated functions still work; the catalog and the language server say what replaces them. */
    boolean deprecated() default false;

    enum Kind { EDITOR, CONVERTER }
}
