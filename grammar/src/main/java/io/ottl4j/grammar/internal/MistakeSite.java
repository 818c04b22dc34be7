package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Where a parse error happened: the offending token, its neighbours and the expected set (maybe empty). */
record MistakeSite(SourceText source, DiagnosticSink sink, TokenStream tokens, Token previous, Token offending,
                   Token next, IntervalSet expected) {

    int type() {
        return offending.getType();
    }

    boolean previousIs(int... types) {
        return previous != null && TokenSets.is(previous, types);
    }

    boolean gluedToPrevious() {
        return previous != null && previous.getStopIndex() + 1 == offending.getStartIndex();
    }

    void error(SyntaxCode code, Token from, Token to, String message, String suggestion) {
        sink.error(code, message, source.span(from, to), suggestion);
    }
}
