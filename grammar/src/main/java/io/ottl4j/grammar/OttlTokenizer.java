package io.ottl4j.grammar;

import io.ottl4j.grammar.internal.TokenKinds;
import java.util.List;

/** Splits OTTL source into tokens exactly as the parser sees them (whitespace dropped). */
public final class OttlTokenizer {

    private OttlTokenizer() {
    }

    /** Every token up to the end of the text; never fails (bad input becomes {@link OttlToken.Kind#ERROR}). */
    public static List<OttlToken> tokenize(String text) {
        return TokenKinds.tokenize(text);
    }
}
