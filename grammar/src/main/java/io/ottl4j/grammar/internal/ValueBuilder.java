package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.BytesLiteral;
import io.ottl4j.grammar.ast.EnumSymbol;
import io.ottl4j.grammar.ast.ExprKey;
import io.ottl4j.grammar.ast.Field;
import io.ottl4j.grammar.ast.FloatLiteral;
import io.ottl4j.grammar.ast.IntKey;
import io.ottl4j.grammar.ast.IntLiteral;
import io.ottl4j.grammar.ast.Key;
import io.ottl4j.grammar.ast.ListLiteral;
import io.ottl4j.grammar.ast.MapEntry;
import io.ottl4j.grammar.ast.MapLiteral;
import io.ottl4j.grammar.ast.MathExpr;
import io.ottl4j.grammar.ast.MathOp;
import io.ottl4j.grammar.ast.NilLiteral;
import io.ottl4j.grammar.ast.Path;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.StringKey;
import io.ottl4j.grammar.ast.StringLiteral;
import io.ottl4j.grammar.ast.Value;
import io.ottl4j.grammar.internal.OttlParser.KeyContext;
import io.ottl4j.grammar.internal.OttlParser.MathExprContext;
import io.ottl4j.grammar.internal.OttlParser.MathOperandContext;
import io.ottl4j.grammar.internal.OttlParser.MulExprContext;
import io.ottl4j.grammar.internal.OttlParser.ValueContext;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Values, arithmetic, paths and keys. */
final class ValueBuilder {

    private final AstBuilder ast;
    private final SourceText source;

    ValueBuilder(AstBuilder ast) {
        this.ast = ast;
        this.source = ast.source;
    }

    Value value(ValueContext ctx) {
        return switch (ctx) {
            case OttlParser.MathValueContext math -> mathValue(math.mathExpr());
            case OttlParser.BytesValueContext bytes ->
                    new BytesLiteral(Literals.bytesValue(bytes.BYTES().getSymbol(), source, null), source.span(ctx));
            case OttlParser.StringValueContext string ->
                    new StringLiteral(Literals.stringValue(string.STRING().getSymbol(), source, null), source.span(ctx));
            case OttlParser.BooleanValueContext bool ->
                    new BoolLiteral(bool.BOOLEAN().getText().equals("true"), source.span(ctx));
            // upstream's enum is an uppercase word not followed by a lowercase one; the grammar
            // guarantees that, as no valid text has a lowercase word right after a value
            case OttlParser.EnumValueContext enumValue -> new EnumSymbol(enumValue.getText(), source.span(ctx));
            case OttlParser.MapValueContext map -> mapLiteral(map);
            case OttlParser.ListValueContext list -> listLiteral(list);
            default -> throw new IllegalStateException("unknown value " + ctx.getClass().getSimpleName());
        };
    }

    /** Upstream tries the nil literal before anything else, so a value that starts with `nil` is only `nil`. */
    private Value mathValue(MathExprContext ctx) {
        Token first = ctx.getStart();
        if (first.getType() != OttlLexer.NIL) {
            return math(ctx);
        }
        if (ctx.getStop() != first) {
            String text = AstBuilder.abbreviate(source.text().substring(source.span(ctx).start(), source.span(ctx).end()));
            ast.sink.error(SyntaxCode.NIL_NOT_ALONE, "`nil` cannot start a path or an expression: `" + text + "`",
                    source.span(ctx), "`nil` stands alone as a value, as in `attributes[\"x\"] == nil`");
        }
        return new NilLiteral(source.span(first));
    }

    /** Left-associative: `a - b - c` is `(a - b) - c`. */
    Value math(MathExprContext ctx) {
        List<MulExprContext> terms = ctx.mulExpr();
        Value result = mul(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            MathOp op = ctx.addOp(i - 1).getStart().getType() == OttlLexer.PLUS ? MathOp.ADD : MathOp.SUB;
            result = new MathExpr(result, op, mul(terms.get(i)), source.span(ctx.getStart(), terms.get(i).getStop()));
        }
        return result;
    }

    private Value mul(MulExprContext ctx) {
        List<MathOperandContext> operands = ctx.mathOperand();
        Value result = operand(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            MathOp op = ctx.mulOp(i - 1).getStart().getType() == OttlLexer.STAR ? MathOp.MUL : MathOp.DIV;
            result = new MathExpr(result, op, operand(operands.get(i)),
                    source.span(ctx.getStart(), operands.get(i).getStop()));
        }
        return result;
    }

    private Value operand(MathOperandContext ctx) {
        return switch (ctx) {
            case OttlParser.CallOperandContext call -> ast.calls.call(call.call(), CallBuilder.Position.VALUE);
            case OttlParser.FloatOperandContext number ->
                    new FloatLiteral(Literals.floatValue(number.FLOAT().getSymbol(), source, null), source.span(ctx));
            case OttlParser.IntOperandContext number ->
                    new IntLiteral(Literals.intValue(number.INT().getSymbol(), source, null), source.span(ctx));
            case OttlParser.PathOperandContext path -> new PathExpr(path(path.path()), source.span(ctx));
            case OttlParser.ParenOperandContext paren -> math(paren.mathExpr());
            default -> throw new IllegalStateException("unknown operand " + ctx.getClass().getSimpleName());
        };
    }

    private Path path(OttlParser.PathContext ctx) {
        List<Field> fields = new ArrayList<>(ctx.field().size());
        for (OttlParser.FieldContext field : ctx.field()) {
            fields.add(new Field(field.lower().getText(), keys(field.key()), source.span(field)));
        }
        return new Path(fields, source.span(ctx));
    }

    List<Key> keys(List<KeyContext> contexts) {
        if (contexts.isEmpty()) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>(contexts.size());
        for (KeyContext key : contexts) {
            keys.add(key(key));
        }
        return keys;
    }

    /** Upstream tries a string, then an integer, then an expression, and commits to the integer. */
    private Key key(KeyContext ctx) {
        if (ctx.STRING() != null) {
            return new StringKey(Literals.stringValue(ctx.STRING().getSymbol(), source, null), source.span(ctx));
        }
        MathExprContext expr = ctx.mathExpr();
        Token first = expr.getStart();
        if (first.getType() != OttlLexer.INT) {
            return new ExprKey(math(expr), source.span(ctx));
        }
        if (expr.getStop() != first) {
            String text = source.text().substring(source.span(expr).start(), source.span(expr).end());
            ast.sink.error(SyntaxCode.INT_KEY_EXPRESSION,
                    "an index that starts with an integer must be just that integer: `[" + AstBuilder.abbreviate(text) + "]`",
                    source.span(expr), "wrap the expression in parentheses: `[(" + AstBuilder.abbreviate(text) + ")]`");
        }
        return new IntKey(Literals.intValue(first, source, null), source.span(ctx));
    }

    private MapLiteral mapLiteral(OttlParser.MapValueContext ctx) {
        List<MapEntry> entries = new ArrayList<>(ctx.mapEntry().size());
        for (OttlParser.MapEntryContext entry : ctx.mapEntry()) {
            String key = Literals.stringValue(entry.STRING().getSymbol(), source, null);
            entries.add(new MapEntry(key, value(entry.value()), source.span(entry)));
        }
        return new MapLiteral(entries, source.span(ctx));
    }

    private ListLiteral listLiteral(OttlParser.ListValueContext ctx) {
        List<Value> elements = new ArrayList<>(ctx.value().size());
        for (ValueContext element : ctx.value()) {
            elements.add(value(element));
        }
        return new ListLiteral(elements, source.span(ctx));
    }
}
