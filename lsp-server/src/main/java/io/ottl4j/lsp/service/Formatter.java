package io.ottl4j.lsp.service;

import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.OttlToken;
import io.ottl4j.grammar.OttlToken.Kind;
import io.ottl4j.lsp.service.Results.Edit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites OTTL with canonical spacing: one space around binary operators, {@code where}, {@code and},
 * {@code or}, after commas and map colons; none inside brackets or before a call's or index's bracket.
 * Only texts that parse are touched; in YAML only single-line scalars, keeping their quoting style.
 */
public final class Formatter {
    private Formatter() {
    }

    /** The canonical form of one OTTL text, or null when it does not parse or is already canonical. */
    public static String canonical(String text, boolean statement) {
        boolean ok;
        try {
            ok = statement ? OttlParser.parseStatement(text).ok() : OttlParser.parseCondition(text).ok();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        if (!ok) {
            return null;
        }
        List<OttlToken> tokens = Words.tokens(text);
        StringBuilder sb = new StringBuilder();
        OttlToken prev = null;
        OttlToken prev2 = null;
        for (OttlToken t : tokens) {
            if (prev != null && space(prev2, prev, t)) {
                sb.append(' ');
            }
            sb.append(t.text());
            prev2 = prev;
            prev = t;
        }
        String out = sb.toString();
        if (out.equals(text)) {
            return null;
        }
        // never change meaning: the tokens must be the same
        List<OttlToken> again = Words.tokens(out);
        if (again.size() != tokens.size()) {
            return null;
        }
        for (int i = 0; i < again.size(); i++) {
            if (!again.get(i).text().equals(tokens.get(i).text()) || again.get(i).kind() != tokens.get(i).kind()) {
                return null;
            }
        }
        return out;
    }

    private static boolean binary(Kind k) {
        return k == Kind.OP_COMPARISON || k == Kind.OP_MULT_DIV || k == Kind.OP_AND || k == Kind.OP_OR || k == Kind.EQUAL || k == Kind.ARROW;
    }

    private static boolean unaryPosition(OttlToken before) {
        return before == null || before.text().equals("(") || before.text().equals("[") || before.text().equals(",")
                || before.text().equals(":") || binary(before.kind()) || before.kind() == Kind.OP_ADD_SUB || before.kind() == Kind.OP_NOT
                || before.text().equals("where");
    }

    private static boolean space(OttlToken p2, OttlToken a, OttlToken b) {
        String at = a.text();
        String bt = b.text();
        if (at.equals("(") || at.equals("[") || at.equals("{") || at.equals(".")) {
            return false;
        }
        if (bt.equals(")") || bt.equals("]") || bt.equals("}") || bt.equals(",") || bt.equals(":") || bt.equals(".")) {
            return false;
        }
        if (bt.equals("(") || bt.equals("[")) {
            // a call or an index binds to its name; a grouping bracket after an operator does not
            return !(Words.isName(a) || at.equals(")") || at.equals("]")) || a.kind() == Kind.OP_AND || a.kind() == Kind.OP_OR
                    || a.kind() == Kind.OP_NOT || at.equals("where");
        }
        if (a.kind() == Kind.OP_ADD_SUB && unaryPosition(p2)) {
            return false;
        }
        return true;
    }

    static List<Edit> format(Analysis a) {
        List<Edit> out = new ArrayList<>();
        for (Group g : a.groups) {
            for (Snippet s : g.all()) {
                if (s.role() == Snippet.Role.EXPRESSION) {
                    continue;
                }
                String text = s.text();
                int start = s.start();
                int end = s.end();
                String raw = a.text.substring(start, Math.min(end, a.text.length()));
                if (!raw.equals(text) || text.contains("\n")) {
                    continue; // folded over lines or written with escapes: keep the YAML as it is
                }
                String f = canonical(text, s.role() == Snippet.Role.STATEMENT);
                if (f == null) {
                    continue;
                }
                char quote = start > 0 ? a.text.charAt(start - 1) : ' ';
                if (quote == '\'') {
                    f = f.replace("'", "''");
                } else if (quote == '"') {
                    f = f.replace("\\", "\\\\").replace("\"", "\\\"");
                } else if (a.kind != Analysis.Kind.OTTL && !safePlain(f)) {
                    continue;
                }
                if (quote == '"' && f.equals(raw)) {
                    continue;
                }
                out.add(new Edit(start, end, f));
            }
        }
        return out;
    }

    private static boolean safePlain(String s) {
        return !s.isEmpty() && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0 && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":");
    }
}
