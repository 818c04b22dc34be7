package io.ottl4j.grammar;

/** Renders a {@link Diagnostic} with its source line and carets. */
final class DiagnosticFormatter {

    private static final String INDENT = "  ";

    private DiagnosticFormatter() {
    }

    static String format(Diagnostic d, String sourceText) {
        StringBuilder out = new StringBuilder(d.header());
        if (sourceText != null && d.span().end() <= sourceText.length()) {
            appendSourceLine(out, d, sourceText);
        }
        if (d.suggestion() != null) {
            out.append('\n').append(INDENT).append("help: ").append(d.suggestion());
        }
        return out.toString();
    }

    private static void appendSourceLine(StringBuilder out, Diagnostic d, String text) {
        int start = d.span().start();
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd);
        out.append('\n').append((INDENT + line).stripTrailing());
        out.append('\n').append(INDENT);
        // keep tabs so the carets line up with the characters above them
        for (int i = lineStart; i < start; i++) {
            out.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        int carets = Math.max(1, Math.min(d.span().end(), lineEnd) - start);
        out.append("^".repeat(carets));
    }
}
