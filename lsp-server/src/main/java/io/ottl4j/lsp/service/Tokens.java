package io.ottl4j.lsp.service;

import io.ottl4j.grammar.OttlToken;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.lsp.service.Results.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Semantic tokens of every OTTL text: editors (function + modification) and converters (function +
 * defaultLibrary), paths (property), enums, strings, numbers, operators and keywords. A token that YAML
 * folded over several lines is split into one piece per line.
 */
public final class Tokens {
    public static final List<String> TYPES = List.of("keyword", "function", "property", "enumMember", "string", "number", "operator", "variable");
    public static final List<String> MODIFIERS = List.of("modification", "defaultLibrary");
    private static final Set<String> KEYWORDS = Set.of("where", "and", "or", "not", "nil", "true", "false");

    private Tokens() {
    }

    static List<Token> of(Analysis a) {
        List<Token> out = new ArrayList<>();
        for (Group g : a.groups) {
            for (Snippet s : g.all()) {
                List<OttlToken> tokens = Words.tokens(s.text());
                for (int k = 0; k < tokens.size(); k++) {
                    OttlToken t = tokens.get(k);
                    int type;
                    int mods = 0;
                    switch (t.kind()) {
                        case STRING, BYTES -> type = 4;
                        case INT, FLOAT -> type = 5;
                        case BOOLEAN, OP_AND, OP_OR, OP_NOT -> type = 0;
                        case OP_COMPARISON, OP_ADD_SUB, OP_MULT_DIV, EQUAL, ARROW -> type = 6;
                        case LOWERCASE, UPPERCASE -> {
                            if (KEYWORDS.contains(t.text())) {
                                type = 0;
                            } else if (Words.followedByParen(tokens, k)) {
                                type = 1;
                                FunctionDef f = OttlCompiler.ottl().catalog().find(t.text());
                                boolean editor = f != null ? f.isEditor() : t.kind() == OttlToken.Kind.LOWERCASE;
                                mods = editor ? 1 : 2;
                            } else if (t.kind() == OttlToken.Kind.UPPERCASE) {
                                type = 3;
                            } else {
                                type = 2;
                            }
                        }
                        case UNDERSCORE -> type = 7;
                        default -> type = -1;
                    }
                    if (type >= 0) {
                        pieces(s, t.span().start(), t.span().end(), type, mods, out);
                    }
                }
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static void pieces(Snippet s, int from, int to, int type, int mods, List<Token> out) {
        int i = from;
        while (i < to) {
            int start = s.map().toDocument(i);
            int j = i + 1;
            while (j < to && s.map().toDocument(j) == s.map().toDocument(j - 1) + 1) {
                j++;
            }
            int end = s.map().toDocument(j - 1) + 1;
            if (end > start) {
                out.add(new Token(start, end - start, type, mods));
            }
            i = j;
        }
    }
}
