package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import io.ottl4j.grammar.ast.SourceSpan;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns a parse error (offending token + what was expected) into a diagnostic. Recognises the common
 * mistakes first (chained comparisons, {@code not not}, {@code =} for {@code ==}, unary minus,
 * {@code 3-1}, {@code 1e5}, keywords as names, bare mixed-case names); everything else becomes
 * "expected X but found Y".
 */
final class SyntaxMessages {

    private final SourceText source;
    private final DiagnosticSink sink;
    private int count;

    SyntaxMessages(SourceText source, DiagnosticSink sink) {
        this.source = source;
        this.sink = sink;
    }

    /** Reports one parse error; {@code expected} may be null when it is not known. */
    void report(Parser parser, Token offending, IntervalSet expected) {
        count++;
        if (TokenChecks.isErrorToken(offending.getType())) {
            return; // the lexical check already reported it, with a better message
        }
        TokenStream tokens = parser.getInputStream();
        Token previous = offending.getTokenIndex() > 0 ? tokens.get(offending.getTokenIndex() - 1) : null;
        Token next = offending.getType() == Token.EOF ? null : tokens.get(offending.getTokenIndex() + 1);
        IntervalSet expecting = expected == null ? new IntervalSet() : expected;
        if (!CommonMistakes.report(new MistakeSite(source, sink, tokens, previous, offending, next, expecting))) {
            generic(parser, offending, previous, expecting);
        }
    }

    /** Parse errors seen, including those not reported because the lexer already did. */
    int count() {
        return count;
    }

    private void generic(Parser parser, Token offending, Token previous, IntervalSet expected) {
        String found = TokenDescriptions.found(offending);
        String message;
        if (startsInvocation(parser.getContext(), offending)) {
            message = "expected an editor call such as `set(...)` but found " + found;
        } else if (expected.isNil()) {
            message = "unexpected " + found;
        } else {
            message = "expected " + TokenDescriptions.expected(expected, inCondition(parser.getContext()))
                    + " but found " + found;
        }
        String suggestion = null;
        if (offending.getType() == OttlLexer.RPAREN && previous != null && previous.getType() == OttlLexer.COMMA) {
            suggestion = "remove the trailing comma";
        } else if (offending.getType() == OttlLexer.UNDERSCORE) {
            suggestion = "`_` only names an ignored lambda parameter";
        }
        SourceSpan span = source.span(offending);
        sink.error(SyntaxCode.UNEXPECTED_TOKEN, message, span, suggestion);
    }

    /** Is the parser at the first token of a statement's invocation? */
    private static boolean startsInvocation(RuleContext ctx, Token offending) {
        for (RuleContext c = ctx; c != null; c = c.parent) {
            if (c instanceof OttlParser.StatementEntryContext || c instanceof OttlParser.InvocationContext) {
                return offending.getTokenIndex() == ((ParserRuleContext) c).getStart().getTokenIndex();
            }
        }
        return false;
    }

    /** Is a condition (rather than a value) expected here? */
    private static boolean inCondition(RuleContext ctx) {
        return ctx instanceof OttlParser.BoolPrimaryContext || ctx instanceof OttlParser.BoolTermContext
                || ctx instanceof OttlParser.AndExprContext || ctx instanceof OttlParser.BoolExprContext;
    }
}
