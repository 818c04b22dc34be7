package io.ottl4j.lsp.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The component IDs a collector config defines and where pipelines and {@code service.extensions} use them. */
final class ComponentIds {
    private ComponentIds() {
    }

    static void collect(Analysis a, YNode.MapNode config) {
        Set<String> connectors = new HashSet<>();
        for (String section : Analyzer.SECTIONS) {
            if (config.get(section) instanceof YNode.MapNode m) {
                for (YNode.Entry e : m.entries()) {
                    YNode.Scalar k = e.key();
                    int start = k.style() == YNode.Style.SINGLE_QUOTED || k.style() == YNode.Style.DOUBLE_QUOTED ? k.start() + 1 : k.start();
                    a.ids.add(new IdRef(section, k.value(), start, start + k.value().length(), true));
                    if (section.equals("connectors")) {
                        connectors.add(e.key().value());
                    }
                }
            }
        }
        if (!(config.get("service") instanceof YNode.MapNode service)) {
            return;
        }
        if (service.get("extensions") instanceof YNode.Seq ext) {
            refs(a, ext, "extensions", connectors);
        }
        if (service.get("pipelines") instanceof YNode.MapNode pipelines) {
            for (YNode.Entry p : pipelines.entries()) {
                if (p.value() instanceof YNode.MapNode pm) {
                    for (String list : List.of("receivers", "processors", "exporters")) {
                        if (pm.get(list) instanceof YNode.Seq seq) {
                            refs(a, seq, list, connectors);
                        }
                    }
                }
            }
        }
    }

    private static void refs(Analysis a, YNode.Seq seq, String section, Set<String> connectors) {
        for (YNode i : seq.items()) {
            if (i instanceof YNode.Scalar s && !s.value().isEmpty()) {
                boolean quoted = s.style() == YNode.Style.SINGLE_QUOTED || s.style() == YNode.Style.DOUBLE_QUOTED;
                int start = quoted ? s.start() + 1 : s.start();
                String target = !section.equals("processors") && !section.equals("extensions") && connectors.contains(s.value())
                        ? "connectors" : section;
                a.ids.add(new IdRef(target, s.value(), start, start + s.value().length(), false));
            }
        }
    }
}
