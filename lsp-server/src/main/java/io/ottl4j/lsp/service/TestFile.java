package io.ottl4j.lsp.service;

import io.ottl4j.language.ContextKind;
import io.ottl4j.pdata.Signal;

/** The OTTL of an {@code ottl test} file (docs/test-files.md): each case's statements, conditions and expect keys. */
final class TestFile {
    private TestFile() {
    }

    static void read(Analysis a, YNode.MapNode root) {
        if (!(root.get("cases") instanceof YNode.Seq cases)) {
            return;
        }
        for (YNode item : cases.items()) {
            if (!(item instanceof YNode.MapNode c)) {
                continue;
            }
            String name = c.get("name") instanceof YNode.Scalar n ? n.value() : "case";
            String context = c.get("context") instanceof YNode.Scalar s ? s.value() : "span";
            Signal signal;
            try {
                signal = ContextKind.parse(context).signals().get(0);
            } catch (IllegalArgumentException e) {
                signal = Signal.TRACES;
            }
            if (c.get("parse_only") instanceof YNode.Scalar po && po.value().equals("true")) {
                continue; // parse-only cases may hold deliberately broken text
            }
            if (c.get("expect_error") != null) {
                continue; // the case expects the text to be rejected
            }
            Group g = new Group(name, signal, context);
            g.start = c.start();
            g.end = c.end();
            if (c.get("statements") instanceof YNode.Seq st) {
                st.items().forEach(i -> add(a, g, i, Snippet.Role.STATEMENT));
            }
            if (c.get("condition") instanceof YNode.Scalar cond) {
                add(a, g, cond, Snippet.Role.CONDITION);
            }
            if (c.get("conditions") instanceof YNode.Seq cs) {
                cs.items().forEach(i -> add(a, g, i, Snippet.Role.CONDITION));
            }
            if (c.get("expect") instanceof YNode.MapNode ex) {
                ex.entries().forEach(e -> add(a, g, e.key(), Snippet.Role.EXPRESSION));
            }
            if (!g.all().isEmpty()) {
                a.groups.add(g);
            }
        }
    }

    private static void add(Analysis a, Group g, YNode n, Snippet.Role role) {
        if (!(n instanceof YNode.Scalar s)) {
            return;
        }
        Snippet sn = new Snippet(role, ScalarMap.of(a.text, s));
        switch (role) {
            case STATEMENT -> g.statements.add(sn);
            case CONDITION -> g.conditions.add(sn);
            case EXPRESSION -> g.expressions.add(sn);
        }
    }
}
