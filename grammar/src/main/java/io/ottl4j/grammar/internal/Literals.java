package io.ottl4j.grammar.internal;

import io.ottl4j.grammar.SyntaxCode;
import java.util.HexFormat;
import org.antlr.v4.runtime.Token;

/**
 * Decodes literal tokens the way upstream does (Go's strconv and encoding/hex), reporting what Go
 * would reject. With a null sink the same code decodes silently (problems were already reported).
 */
final class Literals {

    private Literals() {
    }

    /** Go's {@code strconv.ParseInt(text, 0, 64)}, which is what participle uses: a leading 0 means octal. */
    static long intValue(Token token, SourceText source, DiagnosticSink sink) {
        String text = token.getText();
        int signLength = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        String digits = text.substring(signLength);
        boolean octal = digits.length() > 1 && digits.charAt(0) == '0';
        if (octal && !digits.chars().allMatch(c -> c <= '7')) {
            report(sink, SyntaxCode.INVALID_OCTAL, source, token,
                    "`" + text + "` is not a valid integer: a leading 0 makes it octal, and octal digits are 0 to 7",
                    "remove the leading zeros: `" + text.substring(0, signLength) + stripZeros(digits) + "`");
            return 0;
        }
        long value;
        try {
            value = Long.parseLong(text, octal ? 8 : 10);
        } catch (NumberFormatException e) {
            report(sink, SyntaxCode.INT_OUT_OF_RANGE, source, token, "integer out of range for int64: " + text,
                    "int64 goes from -9223372036854775808 to 9223372036854775807; write a float such as `1.0e20` "
                            + "for larger numbers");
            return 0;
        }
        if (octal && sink != null && !String.valueOf(Math.abs(value)).equals(stripZeros(digits))) {
            sink.warning(SyntaxCode.OCTAL_LITERAL,
                    "`" + text + "` is an octal literal (" + value + ") because it starts with 0",
                    source.span(token), "write `" + value + "`, or drop the leading zeros for a decimal number");
        }
        return value;
    }

    /** Go's {@code strconv.ParseFloat(text, 64)}: out of range is an error, underflow is not. */
    static double floatValue(Token token, SourceText source, DiagnosticSink sink) {
        double value = Double.parseDouble(token.getText());
        if (Double.isInfinite(value)) {
            report(sink, SyntaxCode.FLOAT_OUT_OF_RANGE, source, token,
                    "float out of range for float64: " + token.getText(), null);
        }
        return value;
    }

    /** {@code 0x} followed by hex digits, decoded like Go's {@code hex.DecodeString}. */
    static byte[] bytesValue(Token token, SourceText source, DiagnosticSink sink) {
        String hex = token.getText().substring(2);
        if (hex.length() % 2 != 0) {
            report(sink, SyntaxCode.ODD_HEX_BYTES, source, token,
                    "hex bytes literal needs an even number of digits: " + token.getText() + " has " + hex.length(),
                    "pad it with a leading zero: `0x0" + hex + "`");
            return new byte[0];
        }
        return HexFormat.of().parseHex(hex);
    }

    /** The string's value, unquoted with Go's escape rules (participle's Unquote). */
    static String stringValue(Token token, SourceText source, DiagnosticSink sink) {
        String raw = token.getText();
        String content = raw.substring(1, raw.length() - 1);
        if (content.indexOf('\\') < 0) {
            return content;
        }
        int contentStart = source.charOffset(token.getStartIndex()) + 1;
        return new GoUnquoter(content, contentStart, source, sink).unquote();
    }

    private static String stripZeros(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    private static void report(DiagnosticSink sink, SyntaxCode code, SourceText source, Token token,
                               String message, String suggestion) {
        if (sink != null) {
            sink.error(code, message, source.span(token), suggestion);
        }
    }
}
