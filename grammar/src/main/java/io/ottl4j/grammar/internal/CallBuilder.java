package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import io.ottl4j.grammar.ast.Argument;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.FunctionRef;
import io.ottl4j.grammar.ast.Key;
import io.ottl4j.grammar.ast.Lambda;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.Value;
import io.ottl4j.grammar.internal.OttlParser.ArgumentContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Calls, arguments and lambdas, with upstream's naming rules (§2.4) and argument-order rules. */
final class CallBuilder {

    /** Where a call appears: a statement runs an editor; everywhere else a converter produces a value. */
    enum Position { STATEMENT, VALUE }

    private final AstBuilder ast;
    private final SourceText source;

    CallBuilder(AstBuilder ast) {
        this.ast = ast;
        this.source = ast.source;
    }

    Call call(OttlParser.CallContext ctx, Position position) {
        String name = ctx.name().getText();
        SourceSpan nameSpan = source.span(ctx.name());
        List<Key> keys = ast.values.keys(ctx.key());
        Call call = new Call(name, nameSpan, arguments(ctx.argument()), keys, source.span(ctx));
        boolean editor = call.isEditorName();
        if (position == Position.STATEMENT && !editor) {
            ast.sink.error(SyntaxCode.EDITOR_NAME_CASE, "editor names must start with a lowercase letter: did you mean `"
                    + Names.snakeCase(name) + "`?", nameSpan, "a statement runs an editor; `" + name
                    + "` would be a converter, which only produces a value");
        }
        if (position == Position.VALUE && editor) {
            ast.sink.error(SyntaxCode.CONVERTER_NAME_CASE, "converter names must start with an uppercase letter: "
                    + "did you mean `" + Names.upperCamelCase(name) + "`?", nameSpan, "`" + name
                    + "` would be an editor; editors change telemetry and cannot be used as a value");
        }
        if (editor && !keys.isEmpty()) {
            ast.sink.error(SyntaxCode.EDITOR_INDEXED, "only paths and converters may be indexed, not the editor `"
                    + name + "`", SourceSpan.covering(keys.get(0).span(), keys.get(keys.size() - 1).span()),
                    "remove the index");
        }
        return call;
    }

    private List<Argument> arguments(List<ArgumentContext> contexts) {
        if (contexts.isEmpty()) {
            return List.of();
        }
        List<Argument> arguments = new ArrayList<>(contexts.size());
        Set<String> names = new HashSet<>();
        boolean sawNamed = false;
        for (ArgumentContext ctx : contexts) {
            Argument argument = argument(ctx);
            arguments.add(argument);
            if (!argument.isNamed()) {
                if (sawNamed) {
                    ast.sink.error(SyntaxCode.POSITIONAL_AFTER_NAMED, "positional argument after a named argument",
                            argument.span(), "put positional arguments first, or name this one too");
                }
                continue;
            }
            sawNamed = true;
            // upstream binds `foo_bar` and `fooBar` to the same parameter
            if (!names.add(Names.upperCamelCase(argument.name()))) {
                ast.sink.error(SyntaxCode.DUPLICATE_NAMED_ARGUMENT, "argument `" + argument.name() + "` is given twice",
                        argument.nameSpan(), "give each parameter once");
            }
        }
        return arguments;
    }

    private Argument argument(ArgumentContext ctx) {
        Value value = switch (ctx.argValue()) {
            case OttlParser.LambdaArgContext lambda -> lambda(lambda.lambda());
            case OttlParser.ValueArgContext plain -> ast.values.value(plain.value());
            case OttlParser.FunctionRefArgContext ref -> new FunctionRef(ref.getText(), source.span(ref));
            default -> throw new IllegalStateException("unknown argument " + ctx.argValue().getClass().getSimpleName());
        };
        if (ctx.argName() == null) {
            return new Argument(null, null, value, source.span(ctx));
        }
        return new Argument(ctx.argName().getText(), source.span(ctx.argName()), value, source.span(ctx));
    }

    private Lambda lambda(OttlParser.LambdaContext ctx) {
        List<String> params = new ArrayList<>(ctx.lambdaParam().size());
        for (OttlParser.LambdaParamContext param : ctx.lambdaParam()) {
            String name = param.getText();
            if (!name.equals("_") && params.contains(name)) {
                ast.sink.error(SyntaxCode.DUPLICATE_LAMBDA_PARAMETER, "lambda parameter `" + name + "` is declared twice",
                        source.span(param), "give each parameter its own name; use `_` for ones you ignore");
            }
            params.add(name);
        }
        return new Lambda(params, ast.lambdaBody(ctx.boolExpr()), source.span(ctx));
    }
}
