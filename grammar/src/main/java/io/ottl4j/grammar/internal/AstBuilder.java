package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import io.ottl4j.grammar.ast.AndExpr;
import io.ottl4j.grammar.ast.BoolExpr;
import io.ottl4j.grammar.ast.BoolLiteral;
import io.ottl4j.grammar.ast.Call;
import io.ottl4j.grammar.ast.CompareOp;
import io.ottl4j.grammar.ast.Comparison;
import io.ottl4j.grammar.ast.Condition;
import io.ottl4j.grammar.ast.ConverterCondition;
import io.ottl4j.grammar.ast.Node;
import io.ottl4j.grammar.ast.NotExpr;
import io.ottl4j.grammar.ast.OrExpr;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.grammar.ast.Value;
import io.ottl4j.grammar.ast.ValueExpression;
import io.ottl4j.grammar.internal.OttlParser.AndExprContext;
import io.ottl4j.grammar.internal.OttlParser.BoolExprContext;
import io.ottl4j.grammar.internal.OttlParser.BoolPrimaryContext;
import io.ottl4j.grammar.internal.OttlParser.BoolTermContext;
import io.ottl4j.grammar.internal.OttlParser.ParenConditionContext;
import io.ottl4j.grammar.internal.OttlParser.ValueConditionContext;
import io.ottl4j.grammar.internal.OttlParser.ValueContext;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Builds the syntax tree from a parse tree that has no syntax errors, and applies the checks the
 * context-free grammar leaves open (see the header of Ottl.g4). This class handles the entry points
 * and conditions; {@link ValueBuilder} and {@link CallBuilder} handle the rest.
 */
final class AstBuilder {

    final SourceText source;
    final TokenStream tokens;
    final DiagnosticSink sink;
    final ValueBuilder values;
    final CallBuilder calls;

    AstBuilder(SourceText source, TokenStream tokens, DiagnosticSink sink) {
        this.source = source;
        this.tokens = tokens;
        this.sink = sink;
        this.values = new ValueBuilder(this);
        this.calls = new CallBuilder(this);
    }

    Statement statement(OttlParser.StatementEntryContext ctx) {
        Call invocation = calls.call(ctx.invocation().call(), CallBuilder.Position.STATEMENT);
        BoolExprContext where = ctx.boolExpr();
        Token last = where != null ? where.getStop() : ctx.invocation().getStop();
        return new Statement(invocation, where == null ? null : boolExpr(where), source.span(ctx.getStart(), last));
    }

    Condition condition(OttlParser.ConditionEntryContext ctx) {
        return new Condition(boolExpr(ctx.boolExpr()), source.span(ctx.boolExpr()));
    }

    ValueExpression valueExpression(OttlParser.ValueEntryContext ctx) {
        return new ValueExpression(values.value(ctx.value()), source.span(ctx.value()));
    }

    BoolExpr boolExpr(BoolExprContext ctx) {
        List<AndExprContext> parts = ctx.andExpr();
        if (parts.size() == 1) {
            return and(parts.get(0));
        }
        List<BoolExpr> terms = new ArrayList<>(parts.size());
        for (AndExprContext part : parts) {
            terms.add(and(part));
        }
        return new OrExpr(terms, source.span(ctx));
    }

    /** A lambda body: a value when it is one (`(k, v) => v`), else a condition. */
    Node lambdaBody(BoolExprContext ctx) {
        ValueContext plain = plainValue(ctx);
        return plain != null ? values.value(plain) : boolExpr(ctx);
    }

    private BoolExpr and(AndExprContext ctx) {
        List<BoolTermContext> parts = ctx.boolTerm();
        if (parts.size() == 1) {
            return term(parts.get(0));
        }
        List<BoolExpr> terms = new ArrayList<>(parts.size());
        for (BoolTermContext part : parts) {
            terms.add(term(part));
        }
        return new AndExpr(terms, source.span(ctx));
    }

    private BoolExpr term(BoolTermContext ctx) {
        BoolExpr primary = primary(ctx.boolPrimary());
        return ctx.NOT() == null ? primary : new NotExpr(primary, source.span(ctx));
    }

    private BoolExpr primary(BoolPrimaryContext ctx) {
        if (ctx instanceof ParenConditionContext paren) {
            return boolExpr(paren.boolExpr());
        }
        ValueConditionContext condition = (ValueConditionContext) ctx;
        Value left = values.value(condition.value(0));
        if (condition.compareOp() == null) {
            return asCondition(left);
        }
        Value right = values.value(condition.value(1));
        return new Comparison(left, compareOp(condition.compareOp().getStart()), right, source.span(ctx));
    }

    /** Upstream's constExpr: only `true`, `false` and converter calls stand alone as conditions. */
    private BoolExpr asCondition(Value value) {
        if (value instanceof BoolLiteral literal) {
            return literal;
        }
        if (value instanceof Call call) {
            return new ConverterCondition(call, call.span());
        }
        SourceSpan span = value.span();
        String text = abbreviate(source.text().substring(span.start(), span.end()));
        String suggestion = value instanceof PathExpr
                ? "compare it with something, e.g. `" + text + " != nil`"
                : "a condition is a comparison, `true`, `false` or a converter call such as `IsMatch(...)`";
        sink.error(SyntaxCode.NOT_A_CONDITION, "`" + text + "` is a value, not a condition", span, suggestion);
        return new BoolLiteral(false, span); // placeholder: the tree is discarded
    }

    /** The value when the condition is just a value (possibly in parentheses), else null. */
    private static ValueContext plainValue(BoolExprContext ctx) {
        if (ctx.andExpr().size() != 1 || ctx.andExpr(0).boolTerm().size() != 1) {
            return null;
        }
        BoolTermContext term = ctx.andExpr(0).boolTerm(0);
        if (term.NOT() != null) {
            return null;
        }
        if (term.boolPrimary() instanceof ParenConditionContext paren) {
            return plainValue(paren.boolExpr());
        }
        ValueConditionContext condition = (ValueConditionContext) term.boolPrimary();
        return condition.compareOp() == null ? condition.value(0) : null;
    }

    private static CompareOp compareOp(Token token) {
        return switch (token.getType()) {
            case OttlLexer.EQ -> CompareOp.EQ;
            case OttlLexer.NE -> CompareOp.NE;
            case OttlLexer.LT -> CompareOp.LT;
            case OttlLexer.LE -> CompareOp.LE;
            case OttlLexer.GT -> CompareOp.GT;
            case OttlLexer.GE -> CompareOp.GE;
            default -> throw new IllegalStateException("not a comparison operator: " + token.getText());
        };
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
