package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Names where they cannot be: keywords, bare converter names, names missing `(` or a comma. */
final class NameMistakes {

    private NameMistakes() {
    }

    static boolean keywordAsName(MistakeSite site) {
        IntervalSet expected = site.expected();
        if (!TokenSets.KEYWORDS.contains(site.type()) || expected.isNil()
                || !expected.subtract(TokenSets.NAME_TOKENS).isNil()) {
            return false;
        }
        String word = site.offending().getText();
        site.error(SyntaxCode.KEYWORD_AS_NAME, site.offending(), site.offending(),
                "`" + word + "` is a keyword and cannot be used as a name",
                "`and`, `or`, `not`, `true` and `false` cannot name a path segment or a function");
        return true;
    }

    static boolean bareConverterName(MistakeSite site) {
        if (!TokenSets.is(site.offending(), OttlLexer.LOWERCASE, OttlLexer.NIL, OttlLexer.WHERE)
                || !site.previousIs(OttlLexer.UPPERCASE) || !site.gluedToPrevious()) {
            return false;
        }
        reportBareName(site.source(), site.sink(), site.tokens(), site.previous());
        return true;
    }

    /** `Foo` written as a value: reports the whole run of glued case tokens that starts at {@code first}. */
    static void reportBareName(SourceText source, DiagnosticSink sink, TokenStream tokens, Token first) {
        Token last = first;
        StringBuilder name = new StringBuilder(first.getText());
        while (last.getTokenIndex() + 1 < tokens.size()) {
            Token next = tokens.get(last.getTokenIndex() + 1);
            if (!TokenSets.NAME_TOKENS.contains(next.getType()) || next.getStartIndex() != last.getStopIndex() + 1) {
                break;
            }
            name.append(next.getText());
            last = next;
        }
        sink.error(SyntaxCode.BARE_CONVERTER_NAME, "`" + name + "` is not a value", source.span(first, last),
                "call the converter, as in `" + name + "(...)`; enum symbols are written in capitals");
    }

    /**
     * Names (`Sha256`, `A b`) that the parser took for the start of a call, with no `(` after them:
     * either a converter name written without parentheses, or two values missing a comma.
     */
    static boolean danglingName(MistakeSite site) {
        IntervalSet expected = site.expected();
        boolean callExpected = expected.contains(OttlLexer.LPAREN)
                && expected.subtract(TokenSets.NAME_TOKENS).subtract(TokenSets.LPAREN).isNil();
        // an unknown expected set: the parser could not even decide what the names were
        if (!(callExpected || expected.isNil()) || site.previous() == null
                || !TokenSets.NAME_TOKENS.contains(site.previous().getType())) {
            return false;
        }
        Token first = site.previous();
        boolean glued = true;
        while (first.getTokenIndex() > 0) {
            Token before = site.tokens().get(first.getTokenIndex() - 1);
            if (!TokenSets.NAME_TOKENS.contains(before.getType())) {
                break;
            }
            glued &= before.getStopIndex() + 1 == first.getStartIndex();
            first = before;
        }
        if (first == site.previous() || (!callExpected && glued)) {
            return false;
        }
        if (glued && first.getType() == OttlLexer.UPPERCASE) {
            reportBareName(site.source(), site.sink(), site.tokens(), first);
            return true;
        }
        var span = site.source().span(first, site.previous());
        String text = site.source().text().substring(span.start(), span.end());
        site.error(SyntaxCode.UNEXPECTED_TOKEN, first, site.previous(), "`" + text + "` is not a value",
                glued ? "add `(...)` to call the function `" + text + "`"
                        : "separate values with a comma, or add `(...)` to call a function");
        return true;
    }

    /** Only a list expects both ',' and ']'; a value starting there means a forgotten comma. */
    static boolean listMissingComma(MistakeSite site) {
        IntervalSet expected = site.expected();
        if (!expected.contains(OttlLexer.COMMA) || !expected.contains(OttlLexer.RBRACK)
                || !TokenSets.VALUE_START.contains(site.type())) {
            return false;
        }
        site.error(SyntaxCode.LIST_MISSING_COMMA, site.offending(), site.offending(),
                "list elements must be separated by commas",
                "add a comma before " + TokenDescriptions.found(site.offending())
                        + " (upstream OTTL tolerates a missing comma here; ottl4j does not)");
        return true;
    }
}
