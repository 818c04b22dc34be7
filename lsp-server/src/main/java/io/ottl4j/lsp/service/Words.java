package io.ottl4j.lsp.service;

import io.ottl4j.grammar.OttlToken;
import io.ottl4j.grammar.OttlTokenizer;
import java.util.List;

/** Small helpers on OTTL text around a cursor. */
final class Words {
    private Words() {
    }

    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    static int wordStart(String t, int i) {
        int s = Math.min(i, t.length());
        while (s > 0 && wordChar(t.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    /** The token that contains value index {@code i} (or ends at it), or null. */
    static int tokenAt(List<OttlToken> tokens, int i) {
        for (int k = 0; k < tokens.size(); k++) {
            OttlToken t = tokens.get(k);
            if (i >= t.span().start() && i < t.span().end()) {
                return k;
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).span().end() == i) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The tokens of a text, with the lexer's case-split pieces of one name joined again: upstream's lexer
     * reads {@code Concat} as Uppercase {@code C} plus Lowercase {@code oncat}; features want the name.
     */
    static List<OttlToken> tokens(String text) {
        List<OttlToken> raw;
        try {
            raw = OttlTokenizer.tokenize(text);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<OttlToken> out = new java.util.ArrayList<>(raw.size());
        for (OttlToken t : raw) {
            if (!out.isEmpty()) {
                OttlToken prev = out.get(out.size() - 1);
                boolean joins = isName(prev) && prev.span().end() == t.span().start()
                        && (isName(t) || t.kind() == OttlToken.Kind.INT || t.kind() == OttlToken.Kind.UNDERSCORE);
                if (joins) {
                    out.set(out.size() - 1, new OttlToken(prev.kind(), prev.text() + t.text(),
                            io.ottl4j.grammar.ast.SourceSpan.covering(prev.span(), t.span())));
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    static boolean isName(OttlToken t) {
        return t.kind() == OttlToken.Kind.LOWERCASE || t.kind() == OttlToken.Kind.UPPERCASE;
    }

    static boolean followedByParen(List<OttlToken> tokens, int k) {
        return k + 1 < tokens.size() && tokens.get(k + 1).text().equals("(");
    }
}
