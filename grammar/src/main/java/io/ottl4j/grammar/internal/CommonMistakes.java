package io.ottl4j.grammar.internal;

/** Recognisers for the parse errors users make most, each with its own code and advice. */
final class CommonMistakes {

    private CommonMistakes() {
    }

    /** Reports the error if it is a known mistake; returns false to fall back to the generic message. */
    static boolean report(MistakeSite site) {
        return OperatorMistakes.wrongOperator(site) || OperatorMistakes.chainedComparison(site)
                || OperatorMistakes.doubleNot(site) || NumberMistakes.gluedSignedNumber(site)
                || OperatorMistakes.unarySign(site) || NumberMistakes.malformedNumber(site)
                || NameMistakes.keywordAsName(site) || NameMistakes.bareConverterName(site)
                || NameMistakes.danglingName(site) || NameMistakes.listMissingComma(site);
    }
}
