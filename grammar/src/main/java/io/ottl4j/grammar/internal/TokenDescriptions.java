package io.ottl4j.grammar.internal;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Token types and sets in words a user understands (never ANTLR's token names). */
final class TokenDescriptions {

    /** Present together only where any value may start. */
    private static final IntervalSet VALUE_INDICATOR = new IntervalSet(OttlLexer.STRING, OttlLexer.INT,
            OttlLexer.LBRACK);

    static {
        VALUE_INDICATOR.setReadonly(true);
    }

    private TokenDescriptions() {
    }

    /** The token as found: {@code 'where'}, {@code string "abc"}, {@code end of input}. */
    static String found(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of input";
            case OttlLexer.STRING -> "string " + abbreviate(token.getText());
            default -> "'" + abbreviate(token.getText()) + "'";
        };
    }

    /** An expected set as a phrase: {@code ',' or ')'}, {@code a value}, {@code a condition}. */
    static String expected(IntervalSet expected, boolean condition) {
        IntervalSet rest = new IntervalSet(expected);
        rest.remove(Token.EPSILON);
        List<String> items = new ArrayList<>();
        if (containsAll(rest, VALUE_INDICATOR)) {
            items.add(condition || rest.contains(OttlLexer.NOT) ? "a condition" : "a value");
            rest = rest.subtract(TokenSets.VALUE_START);
            rest.remove(OttlLexer.NOT);
            rest.remove(OttlLexer.UNDERSCORE);
        } else if (containsAll(rest, TokenSets.OPERAND_START)) {
            items.add("a number, path or converter call");
            rest = rest.subtract(TokenSets.OPERAND_START).subtract(TokenSets.NAME_TOKENS);
        } else if (containsAll(rest, TokenSets.NAME_TOKENS) || rest.contains(OttlLexer.LOWERCASE)) {
            items.add("a name");
            rest = rest.subtract(TokenSets.NAME_TOKENS);
        }
        boolean compare = containsAll(rest, TokenSets.COMPARE_OPS);
        boolean math = containsAll(rest, TokenSets.MATH_OPS);
        if (compare || math) {
            items.add(compare && math ? "an operator" : compare ? "a comparison operator" : "an arithmetic operator");
            rest = rest.subtract(TokenSets.COMPARE_OPS).subtract(TokenSets.MATH_OPS);
            // after a complete operand, '[' and '.' only continue a path: not worth listing
            rest.remove(OttlLexer.LBRACK);
            rest.remove(OttlLexer.DOT);
        }
        boolean eof = rest.contains(Token.EOF);
        rest.remove(Token.EOF);
        for (int type : rest.toArray()) {
            items.add(describe(type));
        }
        if (eof) {
            items.add("end of input");
        }
        return join(items);
    }

    static String describe(int type) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case OttlLexer.STRING -> "a string";
            case OttlLexer.INT -> "an integer";
            case OttlLexer.FLOAT -> "a float";
            case OttlLexer.BYTES -> "a bytes literal";
            case OttlLexer.BOOLEAN -> "'true' or 'false'";
            case OttlLexer.UPPERCASE, OttlLexer.LOWERCASE -> "a name";
            default -> {
                String literal = OttlLexer.VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : OttlLexer.VOCABULARY.getDisplayName(type);
            }
        };
    }

    private static boolean containsAll(IntervalSet set, IntervalSet required) {
        return required.subtract(set).isNil();
    }

    private static String join(List<String> items) {
        List<String> unique = items.stream().distinct().toList();
        if (unique.size() == 1) {
            return unique.get(0);
        }
        // "a number, path or converter call, or a string": a comma keeps nested lists readable
        String last = unique.stream().anyMatch(item -> item.contains(" or ")) ? ", or " : " or ";
        return String.join(", ", unique.subList(0, unique.size() - 1)) + last + unique.get(unique.size() - 1);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 24 ? oneLine : oneLine.substring(0, 21) + "...";
    }
}
