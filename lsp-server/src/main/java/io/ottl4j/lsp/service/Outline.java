package io.ottl4j.lsp.service;

import io.ottl4j.lsp.service.Results.Fold;
import io.ottl4j.lsp.service.Results.Symbol;
import io.ottl4j.lsp.service.Results.SymbolKind;
import java.util.ArrayList;
import java.util.List;

/** Document symbols (components, pipelines, statement groups) and folding ranges. */
final class Outline {
    private Outline() {
    }

    static List<Symbol> symbols(Analysis a) {
        List<Symbol> out = new ArrayList<>();
        if (a.kind == Analysis.Kind.COLLECTOR && a.config != null) {
            for (YNode.Entry section : a.config.entries()) {
                String name = section.key().value();
                List<Symbol> children = new ArrayList<>();
                if (section.value() instanceof YNode.MapNode m && Analyzer.SECTIONS.contains(name)) {
                    for (YNode.Entry c : m.entries()) {
                        List<Symbol> groups = new ArrayList<>();
                        for (Group g : a.groups) {
                            if (g.label.startsWith(name + "::" + c.key().value() + "::")) {
                                groups.add(group(a, g));
                            }
                        }
                        children.add(new Symbol(c.key().value(), name.substring(0, name.length() - 1), SymbolKind.CLASS, c.key().start(),
                                Math.max(c.key().end(), c.value().end()), c.key().start(), c.key().end(), groups));
                    }
                } else if (name.equals("service") && section.value() instanceof YNode.MapNode svc
                        && svc.get("pipelines") instanceof YNode.MapNode pipes) {
                    for (YNode.Entry p : pipes.entries()) {
                        children.add(new Symbol(p.key().value(), "pipeline", SymbolKind.INTERFACE, p.key().start(),
                                Math.max(p.key().end(), p.value().end()), p.key().start(), p.key().end(), List.of()));
                    }
                }
                out.add(new Symbol(name, "", SymbolKind.NAMESPACE, section.key().start(), Math.max(section.key().end(), section.value().end()),
                        section.key().start(), section.key().end(), children));
            }
            return out;
        }
        for (Group g : a.groups) {
            out.add(group(a, g));
        }
        return out;
    }

    private static Symbol group(Analysis a, Group g) {
        List<Symbol> children = new ArrayList<>();
        List<Snippet> inDocument = new ArrayList<>(g.all());
        inDocument.sort((x, y) -> Integer.compare(x.start(), y.start()));
        for (Snippet s : inDocument) {
            String first = s.text().strip();
            int nl = first.indexOf('\n');
            String name = nl < 0 ? first : first.substring(0, nl);
            if (name.length() > 60) {
                name = name.substring(0, 57) + "...";
            }
            SymbolKind k = s.role() == Snippet.Role.STATEMENT ? SymbolKind.FUNCTION : s.role() == Snippet.Role.CONDITION ? SymbolKind.BOOLEAN
                    : SymbolKind.PROPERTY;
            children.add(new Symbol(name.isEmpty() ? "(empty)" : name, s.role().name().toLowerCase(java.util.Locale.ROOT), k, s.start(), s.end(),
                    s.start(), s.end(), List.of()));
        }
        String label = g.label.contains("::") ? g.label.substring(g.label.lastIndexOf("::") + 2) : g.label;
        String detail = "context " + g.context() + (g.inferred() ? " (inferred)" : "");
        int start = Math.min(g.start, g.all().isEmpty() ? g.start : g.all().get(0).start());
        int end = Math.max(g.end, start);
        return new Symbol(label, detail, SymbolKind.EVENT, start, end, start, start, children);
    }

    static List<Fold> folds(Analysis a) {
        List<Fold> out = new ArrayList<>();
        if (a.root != null) {
            fold(a, a.root, out);
        }
        for (Group g : a.groups) {
            for (Snippet s : g.all()) {
                add(a, s.start(), s.end(), out);
            }
        }
        out.sort((x, y) -> x.startLine() != y.startLine() ? Integer.compare(x.startLine(), y.startLine()) : Integer.compare(y.endLine(), x.endLine()));
        List<Fold> dedup = new ArrayList<>();
        for (Fold f : out) {
            if (dedup.isEmpty() || !dedup.get(dedup.size() - 1).equals(f)) {
                dedup.add(f);
            }
        }
        return dedup;
    }

    private static void fold(Analysis a, YNode n, List<Fold> out) {
        if (n instanceof YNode.MapNode m) {
            for (YNode.Entry e : m.entries()) {
                add(a, e.key().start(), e.value().end(), out);
                fold(a, e.value(), out);
            }
        } else if (n instanceof YNode.Seq s) {
            for (YNode i : s.items()) {
                add(a, i.start(), i.end(), out);
                fold(a, i, out);
            }
        }
    }

    private static void add(Analysis a, int start, int end, List<Fold> out) {
        int sl = a.lines.line(start);
        int el = a.lines.line(Math.max(start, end));
        // a node's end often lies at the start of the next line
        if (el > sl && a.text.substring(a.lines.lineStart(el), Math.min(Math.max(end, a.lines.lineStart(el)), a.text.length())).isBlank()) {
            el--;
        }
        while (el > sl && a.text.substring(a.lines.lineStart(el), a.lines.lineEnd(el)).isBlank()) {
            el--;
        }
        if (el > sl) {
            out.add(new Fold(sl, el));
        }
    }
}
