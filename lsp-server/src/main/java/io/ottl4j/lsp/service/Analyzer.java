package io.ottl4j.lsp.service;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigException;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.language.internal.binder.Suggestions;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link Analysis} of a document: what kind it is (collector config, Operator document,
 * {@code .ottl} file, {@code ottl test} file), its OTTL groups compiled as the collector compiles them,
 * every problem of {@code ottl validate}, and the component IDs it defines and references.
 */
public final class Analyzer {
    /** Documents larger than this are not analysed (the client is told instead). */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    public static final List<String> SECTIONS = List.of("receivers", "processors", "exporters", "connectors", "extensions");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("unknown type \"([^\"]+)\" for id \"([^\"]+)\"");
    private static final Pattern INVALID_KEY = Pattern.compile("has invalid keys: (\\S+)");
    private static final Pattern UNDEFINED_REF = Pattern.compile("references (\\w+) \"([^\"]+)\" which is not configured");

    private final java.util.function.Supplier<Components> registry;
    private volatile Components components;
    private final Map<String, String> env;

    public Analyzer(Components components, Map<String, String> env) {
        this.registry = () -> components;
        this.env = env;
    }

    /** The registry loads on first use, so that the server answers {@code initialize} before it has. */
    public Analyzer() {
        this.registry = Builtins::components;
        this.env = System.getenv();
    }

    public Components components() {
        Components c = components;
        if (c == null) {
            synchronized (this) {
                if (components == null) {
                    components = registry.get();
                }
                c = components;
            }
        }
        return c;
    }

    /** Thrown for binary or huge documents: the server logs it and answers with empty results. */
    public static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    public Analysis analyze(String uri, String text) {
        return analyze(uri, text, true);
    }

    /**
     * @param validate whether to run the whole of {@code ottl validate} too (diagnostics need it; completion,
     *                 hover and the other requests answered while typing do not wait for it)
     */
    public Analysis analyze(String uri, String text, boolean validate) {
        if (text.length() > MAX_CHARS) {
            throw new Unsupported(uri + " is too large to analyse (" + text.length() + " chars; the limit is " + MAX_CHARS + ")");
        }
        if (text.indexOf('\0') >= 0) {
            throw new Unsupported(uri + " looks binary (it contains NUL characters); not analysed");
        }
        Analysis a = new Analysis(uri, text);
        if (uri.endsWith(".ottl")) {
            a.kind = Analysis.Kind.OTTL;
            OttlFile.read(a);
        } else {
            yaml(a);
        }
        for (Group g : a.groups) {
            try {
                OttlCompiler.compile(g, a.problems);
            } catch (RuntimeException | StackOverflowError e) {
                // e.g. thousands of nested brackets: say so at the group instead of failing the document
                int s = g.all().isEmpty() ? g.start : g.all().get(0).start();
                a.problems.add(new Problem(s, s, true, "internal", "cannot analyse this OTTL: " + e, List.of()));
            }
        }
        if (a.kind == Analysis.Kind.COLLECTOR && validate) {
            validate(a);
        }
        a.validated = validate;
        a.problems.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return a;
    }

    private void yaml(Analysis a) {
        YamlTree.Result r = YamlTree.parse(a.text);
        if (!r.ok()) {
            a.kind = a.text.contains("cases:") ? Analysis.Kind.TEST : looksLikeCollector(a.text) ? Analysis.Kind.COLLECTOR : Analysis.Kind.OTHER;
            int at = Math.min(r.errorOffset(), a.text.length());
            int end = at;
            while (end < a.text.length() && a.text.charAt(end) != '\n') {
                end++;
            }
            a.problems.add(new Problem(at, Math.max(end, at), true, "yaml", "invalid YAML: " + r.error(), List.of()));
            return;
        }
        a.root = r.root();
        if (!(a.root instanceof YNode.MapNode root)) {
            return;
        }
        YNode.MapNode config = root;
        if (root.get("kind") instanceof YNode.Scalar k && k.value().equals("OpenTelemetryCollector")) {
            YNode spec = root.get("spec");
            YNode cfg = spec instanceof YNode.MapNode sm ? sm.get("config") : null;
            config = cfg instanceof YNode.MapNode c ? c : cfg instanceof YNode.Scalar block ? embedded(a, block) : null;
            a.kind = Analysis.Kind.COLLECTOR;
        } else if (root.get("cases") instanceof YNode.Seq) {
            a.kind = Analysis.Kind.TEST;
            TestFile.read(a, root);
            return;
        } else if (SECTIONS.stream().anyMatch(s -> root.get(s) != null) || root.get("service") != null) {
            a.kind = Analysis.Kind.COLLECTOR;
        }
        if (a.kind == Analysis.Kind.COLLECTOR && config != null) {
            a.config = config;
            CollectorSites.find(a.text, config, a.groups);
            ComponentIds.collect(a, config);
        }
    }

    /**
     * v1alpha1 Operator documents hold the config as a YAML string (a {@code |} block): its tree, with every
     * offset translated into the outer document, so that all features work on it unchanged.
     */
    private static YNode.MapNode embedded(Analysis a, YNode.Scalar block) {
        YamlTree.Result inner = YamlTree.parse(block.value());
        ScalarMap outer = ScalarMap.of(a.text, block);
        a.embeddedConfig = outer;
        a.embeddedLines = new LineIndex(block.value());
        if (!inner.ok()) {
            int at = outer.toDocument(inner.errorOffset());
            a.problems.add(new Problem(at, Math.min(a.text.length(), at + 1), true, "yaml", "invalid YAML in spec.config: " + inner.error(), List.of()));
            return null;
        }
        return inner.root() instanceof YNode.MapNode m ? (YNode.MapNode) translate(m, outer) : null;
    }

    private static YNode translate(YNode n, ScalarMap outer) {
        return switch (n) {
            case YNode.Scalar s -> new YNode.Scalar(s.value(), s.style(), outer.toDocument(s.start()), outer.toDocument(s.end()));
            case YNode.Seq q -> new YNode.Seq(q.items().stream().map(i -> translate(i, outer)).toList(), outer.toDocument(q.start()),
                    outer.toDocument(q.end()));
            case YNode.MapNode m -> new YNode.MapNode(m.entries().stream()
                    .map(e -> new YNode.Entry((YNode.Scalar) translate(e.key(), outer), translate(e.value(), outer))).toList(),
                    outer.toDocument(m.start()), outer.toDocument(m.end()));
        };
    }

    private static boolean looksLikeCollector(String text) {
        return text.contains("receivers:") || text.contains("exporters:") || text.contains("service:") || text.contains("processors:");
    }

    /** Every problem of {@code ottl validate}, minus the OTTL ones already placed exactly. */
    private void validate(Analysis a) {
        if (a.problems.stream().anyMatch(p -> p.code().equals("yaml"))) {
            return;
        }
        List<ConfigProblem> found;
        try {
            ConfigNode.MapNode root = new ConfigLoader(env).loadText(a.text, a.uri);
            CollectorConfig.from(root, components(), Set.of());
            return;
        } catch (ConfigException e) {
            found = e.problems();
        } catch (RuntimeException e) {
            a.problems.add(new Problem(0, 0, true, "internal", "validation failed: " + e, List.of()));
            return;
        }
        for (ConfigProblem p : found) {
            int line = Math.max(0, p.location().line() - 1);
            int offset = p.location().line() <= 0 ? 0 : a.lines.offset(line, Math.max(0, p.location().column() - 1));
            if (a.embeddedConfig != null && p.location().source().endsWith("(spec.config)")) {
                // lines were shifted to the outer document by the loader; columns are the inner text's
                int headerLine = a.lines.line(a.embeddedConfig.toDocument(0)) - 1;
                int inner = a.embeddedLines.offset(line - headerLine - 1, Math.max(0, p.location().column() - 1));
                offset = a.embeddedConfig.toDocument(inner);
            }
            boolean ottl = p.code() != null && (p.code().startsWith("OTTL-") || p.code().equals("context-inference"));
            if (ottl && insideGroup(a, offset)) {
                continue;
            }
            int end = tokenEnd(a.text, offset);
            a.problems.add(new Problem(offset, end, true, p.code() == null ? "config" : p.code(),
                    (p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ") + p.message(), fixes(a, p, offset, end)));
        }
    }

    private static boolean insideGroup(Analysis a, int offset) {
        int line = a.lines.line(offset);
        for (Group g : a.groups) {
            if (line >= a.lines.line(g.start) && line <= a.lines.line(Math.max(g.start, g.end - 1))) {
                return true;
            }
        }
        return false;
    }

    private static int tokenEnd(String text, int offset) {
        int e = offset;
        while (e < text.length() && !Character.isWhitespace(text.charAt(e)) && text.charAt(e) != ':' && text.charAt(e) != ','
                && text.charAt(e) != ']' && text.charAt(e) != '}') {
            e++;
        }
        return e == offset ? Math.min(text.length(), offset + 1) : e;
    }

    /** "Did you mean" for component types, config keys and references. */
    private List<Problem.Fix> fixes(Analysis a, ConfigProblem p, int start, int end) {
        List<Problem.Fix> out = new ArrayList<>();
        String written = a.text.substring(start, end);
        Matcher m = UNKNOWN_TYPE.matcher(p.message());
        if (m.find() && p.path() != null && p.message().contains("valid values")) {
            Kind kind = kindOf(p.path().split("::")[0]);
            if (kind != null) {
                String best = Suggestions.closest(m.group(1), components().all(kind).stream().map(f -> (String) f.type()).toList());
                if (best != null && written.startsWith(m.group(1))) {
                    out.add(new Problem.Fix("Change to '" + best + "'", start, start + m.group(1).length(), best));
                }
            }
        }
        m = INVALID_KEY.matcher(p.message());
        if (m.find() && p.path() != null) {
            String[] parts = p.path().split("::");
            Kind kind = parts.length == 3 ? kindOf(parts[0]) : null;
            Factory<?> f = kind == null ? null : components().find(kind, typeOf(parts[1]));
            if (f != null) {
                String best = Suggestions.closest(m.group(1), ComponentDocs.keys(f));
                if (best != null && written.equals(m.group(1))) {
                    out.add(new Problem.Fix("Change to '" + best + "'", start, end, best));
                }
            }
        }
        m = UNDEFINED_REF.matcher(p.message());
        if (m.find()) {
            String section = m.group(1) + "s";
            List<String> defined = a.ids.stream().filter(r -> r.definition() && (r.section().equals(section) || r.section().equals("connectors")))
                    .map(IdRef::id).toList();
            String best = Suggestions.closest(m.group(2), defined);
            if (best != null && written.equals(m.group(2))) {
                out.add(new Problem.Fix("Change to '" + best + "'", start, end, best));
            }
        }
        return out;
    }

    static Kind kindOf(String section) {
        for (Kind k : Kind.values()) {
            if (k.section().equals(section)) {
                return k;
            }
        }
        return null;
    }

    static String typeOf(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    static Signal signalOf(String pipelineId) {
        String t = typeOf(pipelineId);
        return switch (t) {
            case "metrics" -> Signal.METRICS;
            case "logs" -> Signal.LOGS;
            default -> Signal.TRACES;
        };
    }
}
