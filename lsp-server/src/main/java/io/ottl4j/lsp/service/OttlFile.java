package io.ottl4j.lsp.service;

import io.ottl4j.language.ContextKind;
import io.ottl4j.pdata.Signal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .ottl} file (docs/ottl-files.md): statements or conditions one per line, a statement
 * continuing over following lines while brackets are open, {@code #} comments, and the context from a
 * first-line {@code # context: span} comment or else inferred from the paths' prefixes.
 */
final class OttlFile {
    private static final Pattern CONTEXT = Pattern.compile("^\\s*#\\s*context\\s*:\\s*([A-Za-z_]+)");
    private static final Pattern EDITOR_START = Pattern.compile("^[a-z_][a-z0-9_]*\\s*\\(");

    private OttlFile() {
    }

    static void read(Analysis a) {
        String text = a.text;
        String context = null;
        Matcher cm = CONTEXT.matcher(text.substring(0, a.lines.lineEnd(0)));
        if (cm.find()) {
            context = cm.group(1);
        }
        Signal signal = Signal.TRACES;
        if (context != null) {
            try {
                ContextKind k = ContextKind.parse(context);
                signal = k.signals().get(0);
            } catch (IllegalArgumentException e) {
                int s = cm.start(1);
                a.problems.add(new Problem(s, cm.end(1), true, "context", e.getMessage(), java.util.List.of()));
                context = null;
            }
        }
        Group g = new Group(a.uri.substring(a.uri.lastIndexOf('/') + 1), signal, context);
        g.start = 0;
        g.end = text.length();
        int i = 0;
        int start = -1;
        int depth = 0;
        int lastContent = -1;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '"' || c == '\'') {
                if (start < 0) {
                    start = i;
                }
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j + 1, text.length());
                lastContent = i;
                if (i == text.length()) {
                    i = text.length();
                    c = '\n';
                } else {
                    continue;
                }
            }
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\n') {
                if (start >= 0 && depth <= 0) {
                    add(a, g, start, lastContent);
                    start = -1;
                    depth = 0;
                }
                i++;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                if (start < 0) {
                    start = i;
                }
                lastContent = i + 1;
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
            }
            i++;
        }
        if (start >= 0) {
            add(a, g, start, lastContent);
        }
        if (!g.all().isEmpty()) {
            a.groups.add(g);
        }
    }

    private static void add(Analysis a, Group g, int start, int end) {
        if (end <= start) {
            return;
        }
        // drop comments inside a multi-line statement: keep the text verbatim otherwise
        ScalarMap map = ScalarMap.slice(a.text, start, end);
        if (EDITOR_START.matcher(map.value()).find()) {
            g.statements.add(new Snippet(Snippet.Role.STATEMENT, map));
        } else {
            g.conditions.add(new Snippet(Snippet.Role.CONDITION, map));
        }
    }
}
