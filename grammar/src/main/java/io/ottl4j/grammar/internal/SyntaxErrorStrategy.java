package io.ottl4j.grammar.internal;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's recovery (single-token insertion/deletion, resynchronisation) with our own reporting: every
 * error goes through {@link SyntaxMessages}, which knows OTTL's common mistakes.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    private final SyntaxMessages messages;

    SyntaxErrorStrategy(SyntaxMessages messages) {
        this.messages = messages;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token offending = e.getOffendingToken();
        boolean atStart = e.getStartToken().getTokenIndex() == offending.getTokenIndex();
        // the set at the decision only describes the first token; deeper than that we only know what failed
        messages.report(parser, offending, atStart ? parser.getExpectedTokens() : null);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        messages.report(parser, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        messages.report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        messages.report(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }
}
