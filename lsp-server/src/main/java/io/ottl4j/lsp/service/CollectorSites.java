package io.ottl4j.lsp.service;

import io.ottl4j.pdata.Signal;
import java.util.List;
import java.util.Map;

/**
 * Finds every field of a collector config that the collector compiles as OTTL, with the context (or
 * inference) and signal it is compiled for: transform (grouped and flat statement lists), filter (legacy
 * per-context lists, flat and grouped conditions), routing rows, count conditions and tail sampling's
 * {@code ottl_condition} policies.
 */
final class CollectorSites {
    private static final Map<String, Signal> TRANSFORM = Map.of("trace_statements", Signal.TRACES, "metric_statements", Signal.METRICS,
            "log_statements", Signal.LOGS, "profile_statements", Signal.PROFILES);
    private static final Map<String, Signal> FILTER_LEGACY = Map.of("traces", Signal.TRACES, "metrics", Signal.METRICS, "logs", Signal.LOGS,
            "profiles", Signal.PROFILES);
    private static final Map<String, Signal> FILTER_FLAT = Map.of("trace_conditions", Signal.TRACES, "metric_conditions", Signal.METRICS,
            "log_conditions", Signal.LOGS, "profile_conditions", Signal.PROFILES);
    private static final Map<String, String> COUNT = Map.of("spans", "span", "spanevents", "spanevent", "metrics", "metric",
            "datapoints", "datapoint", "logs", "log", "profiles", "profile");

    private final String doc;
    private final List<Group> out;

    private CollectorSites(String doc, List<Group> out) {
        this.doc = doc;
        this.out = out;
    }

    static void find(String doc, YNode.MapNode config, List<Group> out) {
        new CollectorSites(doc, out).all(config);
    }

    private void all(YNode.MapNode config) {
        if (config.get("processors") instanceof YNode.MapNode procs) {
            for (YNode.Entry e : procs.entries()) {
                String type = type(e.key().value());
                String path = "processors::" + e.key().value();
                if (!(e.value() instanceof YNode.MapNode m)) {
                    continue;
                }
                switch (type) {
                    case "transform" -> transform(path, m);
                    case "filter" -> filter(path, m);
                    case "tail_sampling" -> tailSampling(path, m);
                    default -> { }
                }
            }
        }
        if (config.get("connectors") instanceof YNode.MapNode conns) {
            for (YNode.Entry e : conns.entries()) {
                String type = type(e.key().value());
                String path = "connectors::" + e.key().value();
                if (!(e.value() instanceof YNode.MapNode m)) {
                    continue;
                }
                switch (type) {
                    case "routing" -> routing(path, m);
                    case "count" -> count(path, m);
                    default -> { }
                }
            }
        }
    }

    private static String type(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    private void transform(String path, YNode.MapNode m) {
        for (Map.Entry<String, Signal> k : inOrder(m, TRANSFORM)) {
            if (!(m.get(k.getKey()) instanceof YNode.Seq seq)) {
                continue;
            }
            String key = path + "::" + k.getKey();
            if (seq.items().stream().allMatch(i -> i instanceof YNode.Scalar)) {
                Group g = group(key, k.getValue(), null, seq);
                seq.items().forEach(i -> g.statements.add(snippet(Snippet.Role.STATEMENT, (YNode.Scalar) i)));
                add(g);
                continue;
            }
            for (int i = 0; i < seq.items().size(); i++) {
                if (seq.items().get(i) instanceof YNode.MapNode gm) {
                    Group g = group(key + "[" + i + "]", k.getValue(), contextOf(gm), gm);
                    scalars(gm.get("conditions"), Snippet.Role.CONDITION, g.conditions);
                    scalars(gm.get("statements"), Snippet.Role.STATEMENT, g.statements);
                    add(g);
                }
            }
        }
    }

    private void filter(String path, YNode.MapNode m) {
        for (Map.Entry<String, Signal> k : inOrder(m, FILTER_LEGACY)) {
            if (m.get(k.getKey()) instanceof YNode.MapNode legacy) {
                for (YNode.Entry e : legacy.entries()) {
                    if (e.value() instanceof YNode.Seq seq) {
                        Group g = group(path + "::" + k.getKey() + "::" + e.key().value(), k.getValue(), e.key().value(), seq);
                        scalars(seq, Snippet.Role.CONDITION, g.conditions);
                        add(g);
                    }
                }
            }
        }
        for (Map.Entry<String, Signal> k : inOrder(m, FILTER_FLAT)) {
            if (!(m.get(k.getKey()) instanceof YNode.Seq seq)) {
                continue;
            }
            String key = path + "::" + k.getKey();
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                if (item instanceof YNode.Scalar s) {
                    Group g = group(key + "[" + i + "]", k.getValue(), null, s);
                    g.conditions.add(snippet(Snippet.Role.CONDITION, s));
                    add(g);
                } else if (item instanceof YNode.MapNode gm) {
                    Group g = group(key + "[" + i + "]", k.getValue(), contextOf(gm), gm);
                    scalars(gm.get("conditions"), Snippet.Role.CONDITION, g.conditions);
                    add(g);
                }
            }
        }
    }

    private void routing(String path, YNode.MapNode m) {
        if (!(m.get("table") instanceof YNode.Seq table)) {
            return;
        }
        for (int i = 0; i < table.items().size(); i++) {
            if (!(table.items().get(i) instanceof YNode.MapNode row)) {
                continue;
            }
            String context = contextOf(row) == null ? "resource" : contextOf(row);
            if (context.equals("request")) {
                continue;
            }
            Signal signal = switch (context) {
                case "metric", "datapoint" -> Signal.METRICS;
                case "log" -> Signal.LOGS;
                default -> Signal.TRACES;
            };
            Group g = group(path + "::table[" + i + "]", signal, context, row);
            if (row.get("statement") instanceof YNode.Scalar s) {
                g.statements.add(snippet(Snippet.Role.STATEMENT, s));
            }
            if (row.get("condition") instanceof YNode.Scalar s) {
                g.conditions.add(snippet(Snippet.Role.CONDITION, s));
            }
            add(g);
        }
    }

    private void count(String path, YNode.MapNode m) {
        for (Map.Entry<String, String> k : inOrder(m, COUNT)) {
            if (!(m.get(k.getKey()) instanceof YNode.MapNode section)) {
                continue;
            }
            Signal signal = switch (k.getValue()) {
                case "metric", "datapoint" -> Signal.METRICS;
                case "log" -> Signal.LOGS;
                default -> Signal.TRACES;
            };
            for (YNode.Entry e : section.entries()) {
                if (e.value() instanceof YNode.MapNode info) {
                    Group g = group(path + "::" + k.getKey() + "::" + e.key().value(), signal, k.getValue(), info);
                    scalars(info.get("conditions"), Snippet.Role.CONDITION, g.conditions);
                    add(g);
                }
            }
        }
    }

    /** {@code ottl_condition: {span: [...], spanevent: [...]}} anywhere under the policies (and/composite nest them). */
    private void tailSampling(String path, YNode node) {
        if (node instanceof YNode.MapNode m) {
            for (YNode.Entry e : m.entries()) {
                if (e.key().value().equals("ottl_condition") && e.value() instanceof YNode.MapNode oc) {
                    for (String ctx : List.of("span", "spanevent")) {
                        if (oc.get(ctx) instanceof YNode.Seq seq) {
                            Group g = group(path + "::ottl_condition::" + ctx, Signal.TRACES, ctx, seq);
                            scalars(seq, Snippet.Role.CONDITION, g.conditions);
                            add(g);
                        }
                    }
                } else {
                    tailSampling(path, e.value());
                }
            }
        } else if (node instanceof YNode.Seq s) {
            s.items().forEach(i -> tailSampling(path, i));
        }
    }

    /** The table's keys in the order the document writes them. */
    private static <V> List<Map.Entry<String, V>> inOrder(YNode.MapNode m, Map<String, V> table) {
        List<Map.Entry<String, V>> out = new java.util.ArrayList<>();
        for (YNode.Entry e : m.entries()) {
            V v = table.get(e.key().value());
            if (v != null) {
                out.add(Map.entry(e.key().value(), v));
            }
        }
        return out;
    }

    private static String contextOf(YNode.MapNode m) {
        return m.get("context") instanceof YNode.Scalar s && !s.value().isEmpty() ? s.value() : null;
    }

    private Group group(String label, Signal signal, String context, YNode at) {
        Group g = new Group(label, signal, context);
        g.start = at.start();
        g.end = at.end();
        return g;
    }

    private void add(Group g) {
        if (!g.all().isEmpty()) {
            out.add(g);
        }
    }

    private void scalars(YNode n, Snippet.Role role, List<Snippet> into) {
        if (n instanceof YNode.Seq seq) {
            for (YNode i : seq.items()) {
                if (i instanceof YNode.Scalar s) {
                    into.add(snippet(role, s));
                }
            }
        } else if (n instanceof YNode.Scalar s && !s.value().isEmpty()) {
            into.add(snippet(role, s));
        }
    }

    private Snippet snippet(Snippet.Role role, YNode.Scalar s) {
        return new Snippet(role, ScalarMap.of(doc, s));
    }
}
