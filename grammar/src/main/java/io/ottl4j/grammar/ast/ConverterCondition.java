package io.ottl4j.grammar.ast;

/**
 * A converter call used directly as a condition ({@code where IsMatch(name, "a.*")}); it must return a
 * bool at run time. The span is the call's (without surrounding parentheses).
 */
public record ConverterCondition(Call call, SourceSpan span) implements BoolExpr {

    public ConverterCondition {
        Nodes.require(call, "call");
        Nodes.require(span, "span");
    }
}
