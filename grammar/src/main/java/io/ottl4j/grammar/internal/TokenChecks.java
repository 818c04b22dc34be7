package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Checks that need only the tokens: the lexer's error tokens, and the literals upstream decodes while
 * lexing (strings) or capturing (numbers, bytes). Done before parsing so they are reported even when
 * the parse fails elsewhere.
 */
final class TokenChecks {

    private TokenChecks() {
    }

    /** Reports every problem; returns true when the lexer produced an error token. */
    static boolean check(List<Token> tokens, SourceText source, DiagnosticSink sink) {
        boolean lexicalErrors = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            switch (token.getType()) {
                case OttlLexer.STRING -> Literals.stringValue(token, source, sink);
                case OttlLexer.INT -> Literals.intValue(token, source, sink);
                case OttlLexer.FLOAT -> Literals.floatValue(token, source, sink);
                case OttlLexer.BYTES -> Literals.bytesValue(token, source, sink);
                case OttlLexer.UNTERMINATED_STRING -> {
                    lexicalErrors = true;
                    sink.error(SyntaxCode.UNTERMINATED_STRING, "unterminated string literal", source.span(token),
                            "close it with \"; a quote inside a string is written \\\"");
                }
                case OttlLexer.SINGLE_QUOTED -> {
                    lexicalErrors = true;
                    sink.error(SyntaxCode.SINGLE_QUOTED_STRING, "string literals use double quotes",
                            source.span(token), "write " + doubleQuoted(token.getText()));
                }
                case OttlLexer.ERROR_CHAR -> {
                    lexicalErrors = true;
                    i = unexpectedCharacters(tokens, i, source, sink);
                }
                default -> {
                    // nothing to check
                }
            }
        }
        return lexicalErrors;
    }

    static boolean isErrorToken(int type) {
        return type == OttlLexer.ERROR_CHAR || type == OttlLexer.UNTERMINATED_STRING
                || type == OttlLexer.SINGLE_QUOTED;
    }

    /** One diagnostic for a run of adjacent unexpected characters (so `||` is one problem); returns its last index. */
    private static int unexpectedCharacters(List<Token> tokens, int first, SourceText source, DiagnosticSink sink) {
        int last = first;
        while (last + 1 < tokens.size() && tokens.get(last + 1).getType() == OttlLexer.ERROR_CHAR
                && tokens.get(last + 1).getStartIndex() == tokens.get(last).getStopIndex() + 1) {
            last++;
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i <= last; i++) {
            text.append(tokens.get(i).getText());
        }
        String shown = printable(text.toString());
        String message = (text.codePointCount(0, text.length()) == 1 ? "unexpected character " : "unexpected characters ")
                + shown;
        sink.error(SyntaxCode.UNEXPECTED_CHARACTER, message, source.span(tokens.get(first), tokens.get(last)),
                hint(text.toString()));
        return last;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder("'");
        text.codePoints().forEach(cp -> {
            if (cp > 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("U+%04X", cp));
            }
        });
        return out.append('\'').toString();
    }

    private static String hint(String text) {
        return switch (text) {
            case "|", "||" -> "combine conditions with `or`";
            case "&", "&&" -> "combine conditions with `and`";
            case "!" -> "negate a condition with `not`; compare with `!=`";
            case ";" -> "write one statement per entry; OTTL has no statement separator";
            case "#" -> "OTTL has no comments";
            case "%" -> "OTTL has no `%` operator";
            case "'" -> "string literals use double quotes";
            default -> null;
        };
    }

    private static String doubleQuoted(String singleQuoted) {
        String body = singleQuoted.substring(1);
        if (body.endsWith("'") && !body.isEmpty()) {
            body = body.substring(0, body.length() - 1);
        }
        return "\"" + body.replace("\\'", "'").replace("\"", "\\\"") + "\"";
    }
}
