package io.ottl4j.lsp.service;

import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.catalog.ParamDef;
import io.ottl4j.language.inspect.PathCatalog;
import io.ottl4j.language.inspect.PathInfo;
import io.ottl4j.lsp.service.Results.Completion;
import io.ottl4j.lsp.service.Results.ItemKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion in OTTL (paths of the context, attribute keys used in the workspace, functions as snippets,
 * enums, keywords) and in collector YAML (component types, settings with defaults, IDs in pipelines).
 */
final class Completions {
    private static final Pattern KEYED = Pattern.compile("([a-z_][a-z_0-9.]*)\\[\"([^\"\\]]*)$");
    private static final Pattern USED_KEY = Pattern.compile("([a-z_][a-z_0-9.]*)\\[\"([^\"]+)\"\\]");
    private static final List<String> KEYWORDS = List.of("where", "and", "or", "not", "nil", "true", "false");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)(?:-\\s+)?([^\\s:#'\"\\-][^:#]*?|'[^']*'|\"[^\"]*\"):(?:\\s.*)?$");

    private Completions() {
    }

    static List<Completion> complete(Analysis a, int offset, Collection<Analysis> workspace, Components components) {
        Analysis.Located at = a.locate(offset);
        if (at != null) {
            return ottl(at, offset, workspace);
        }
        if (a.kind == Analysis.Kind.COLLECTOR) {
            return yaml(a, offset, components);
        }
        return List.of();
    }

    // ------------------------------------------------------------------ OTTL

    private static List<Completion> ottl(Analysis.Located at, int offset, Collection<Analysis> workspace) {
        Snippet s = at.snippet();
        String t = s.text();
        int ci = Math.max(0, s.map().toValue(offset));
        ci = Math.min(ci, t.length());
        String before = t.substring(0, ci);
        List<Completion> out = new ArrayList<>();
        Matcher km = KEYED.matcher(before);
        if (km.find() && km.end() == before.length()) {
            int from = ci - km.group(2).length();
            int[] r = s.map().range(from, ci);
            for (String key : usedKeys(workspace, km.group(1))) {
                out.add(new Completion(key, ItemKind.VALUE, "key used in the workspace", null, key, false, r[0], r[1]));
            }
            return out;
        }
        int ws = Words.wordStart(t, ci);
        String word = t.substring(ws, ci);
        int[] r = s.map().range(ws, ci);
        int rs = r[0];
        int re = r[0] + (ci - ws);
        if (ci > ws) {
            re = s.map().toDocument(ci - 1) + 1;
        }
        ContextKind ctx = at.group().context();
        boolean statementStart = s.role() == Snippet.Role.STATEMENT && t.substring(0, ws).isBlank();
        var catalog = OttlCompiler.ottl().catalog();
        if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
            for (FunctionDef f : catalog.all()) {
                if (!f.isEditor() && f.availableIn(ctx) && gateOpen(f)) {
                    out.add(function(f, ItemKind.METHOD, rs, re));
                }
            }
            for (Map.Entry<String, Long> e : PathCatalog.of(ctx).enums().entrySet()) {
                out.add(new Completion(e.getKey(), ItemKind.ENUM, "enum = " + e.getValue(), null, e.getKey(), false, rs, re));
            }
        } else {
            if (statementStart) {
                for (FunctionDef f : catalog.all()) {
                    if (f.isEditor() && f.availableIn(ctx) && gateOpen(f)) {
                        out.add(function(f, ItemKind.FUNCTION, rs, re));
                    }
                }
            } else {
                for (String k : KEYWORDS) {
                    out.add(new Completion(k, ItemKind.KEYWORD, "keyword", null, k, false, rs, re));
                }
                paths(at.group(), ctx, rs, re, out);
                if (word.isEmpty()) {
                    for (FunctionDef f : catalog.all()) {
                        if (!f.isEditor() && f.availableIn(ctx) && gateOpen(f)) {
                            out.add(function(f, ItemKind.METHOD, rs, re));
                        }
                    }
                }
            }
        }
        List<Completion> filtered = new ArrayList<>();
        for (Completion c : out) {
            if (c.label().startsWith(word)) {
                filtered.add(c);
            }
        }
        return filtered;
    }

    private static void paths(Group g, ContextKind ctx, int rs, int re, List<Completion> out) {
        Set<String> seen = new LinkedHashSet<>();
        List<PathInfo> infos = new ArrayList<>();
        if (g.inferred()) {
            // a flat list: paths must carry their context's prefix
            for (ContextKind k : ContextKind.values()) {
                if (g.signal == null || k.supports(g.signal)) {
                    PathCatalog.of(k).prefixedPaths().values().forEach(infos::addAll);
                }
            }
        } else {
            infos.addAll(PathCatalog.of(ctx).allPaths());
        }
        for (PathInfo p : infos) {
            if (seen.add(p.path())) {
                out.add(new Completion(p.path(), ItemKind.PROPERTY, p.type(), p.doc(), p.path(), false, rs, re));
            }
        }
    }

    private static boolean gateOpen(FunctionDef f) {
        return f.featureGate().isEmpty() || OttlCompiler.ottl().featureGates().contains(f.featureGate());
    }

    static Completion function(FunctionDef f, ItemKind kind, int rs, int re) {
        StringBuilder sb = new StringBuilder(f.name()).append('(');
        int n = 1;
        for (ParamDef p : f.params()) {
            if (p.optional()) {
                break;
            }
            if (n > 1) {
                sb.append(", ");
            }
            sb.append("${").append(n++).append(':').append(p.name()).append('}');
        }
        sb.append(')');
        String doc = Hovers.functionDoc(f);
        return new Completion(f.name(), kind, f.signature(), doc, sb.toString(), true, rs, re);
    }

    /** Keys used with {@code path["key"]} anywhere in the workspace's OTTL, for the same path. */
    private static Set<String> usedKeys(Collection<Analysis> workspace, String path) {
        String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        Set<String> out = new LinkedHashSet<>();
        for (Analysis a : workspace) {
            for (Group g : a.groups) {
                for (Snippet s : g.all()) {
                    Matcher m = USED_KEY.matcher(s.text());
                    while (m.find()) {
                        String p = m.group(1);
                        String pl = p.contains(".") ? p.substring(p.lastIndexOf('.') + 1) : p;
                        if (pl.equals(last)) {
                            out.add(m.group(2));
                        }
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ YAML

    /** The keys enclosing the cursor's line, outermost first, found by indentation (works on broken YAML). */
    static List<String> keyChain(String text, LineIndex lines, int offset) {
        int line = lines.line(offset);
        String cur = text.substring(lines.lineStart(line), lines.lineEnd(line));
        int indent = indentOf(cur);
        List<String> chain = new ArrayList<>();
        for (int l = line - 1; l >= 0 && indent > 0; l--) {
            String s = text.substring(lines.lineStart(l), lines.lineEnd(l));
            if (s.isBlank() || s.stripLeading().startsWith("#")) {
                continue;
            }
            int ind = indentOf(s);
            if (ind >= indent) {
                continue;
            }
            Matcher m = YAML_KEY.matcher(s);
            if (m.matches()) {
                String k = m.group(2).trim();
                if (k.length() >= 2 && (k.startsWith("'") || k.startsWith("\""))) {
                    k = k.substring(1, k.length() - 1);
                }
                chain.add(0, k);
            }
            indent = ind;
        }
        return chain;
    }

    private static int indentOf(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        // "- key:" puts the key two columns further in
        if (i < s.length() && s.charAt(i) == '-' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
            i += 2;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    private static List<Completion> yaml(Analysis a, int offset, Components components) {
        List<String> chain = keyChain(a.text, a.lines, offset);
        if (chain.size() >= 2 && chain.get(0).equals("spec") && chain.get(1).equals("config")) {
            chain = chain.subList(2, chain.size());
        }
        int line = a.lines.line(offset);
        String cur = a.text.substring(a.lines.lineStart(line), offset);
        int ws = offset;
        while (ws > a.lines.lineStart(line) && !Character.isWhitespace(a.text.charAt(ws - 1)) && a.text.charAt(ws - 1) != '['
                && a.text.charAt(ws - 1) != ',') {
            ws--;
        }
        String word = a.text.substring(ws, offset);
        boolean keyPosition = !cur.contains(":");
        List<Completion> out = new ArrayList<>();
        if (chain.isEmpty() && keyPosition) {
            for (String s : List.of("receivers", "processors", "exporters", "connectors", "extensions", "service")) {
                out.add(new Completion(s, ItemKind.MODULE, "top-level section", null, s + ":", false, ws, offset));
            }
        } else if (chain.size() == 1 && keyPosition && Analyzer.kindOf(chain.get(0)) != null) {
            Kind kind = Analyzer.kindOf(chain.get(0));
            for (Factory<?> f : components.all(kind)) {
                out.add(new Completion(f.type(), ItemKind.MODULE, f.description(), ComponentDocs.markdown(f), f.type() + ":", false, ws, offset));
            }
        } else if (chain.size() == 2 && keyPosition && Analyzer.kindOf(chain.get(0)) != null) {
            Factory<?> f = components.find(Analyzer.kindOf(chain.get(0)), Analyzer.typeOf(chain.get(1)));
            if (f != null) {
                for (Map.Entry<String, String> e : ComponentDocs.settings(f).entrySet()) {
                    String def = e.getValue();
                    String insert = e.getKey() + ": " + (def.isEmpty() ? "${1}" : "${1:" + def.replace("}", "\\}") + "}");
                    out.add(new Completion(e.getKey(), ItemKind.FIELD, def.isEmpty() ? "setting" : "default: " + def, null, insert, true, ws, offset));
                }
            }
        } else if (chain.size() >= 3 && keyPosition && Analyzer.kindOf(chain.get(0)) != null) {
            // a nested map of a component's settings (sending_queue, protocols::grpc, ...)
            Factory<?> f = components.find(Analyzer.kindOf(chain.get(0)), Analyzer.typeOf(chain.get(1)));
            if (f != null) {
                for (String key : ComponentDocs.keysAt(f, chain.subList(2, chain.size()))) {
                    out.add(new Completion(key, ItemKind.FIELD, "setting of " + String.join("::", chain.subList(2, chain.size())), null,
                            key + ": ${1}", true, ws, offset));
                }
            }
        } else if (chain.size() >= 3 && chain.get(0).equals("service") && chain.get(1).equals("pipelines")
                && (chain.size() == 4 || cur.matches("\\s*(receivers|processors|exporters):.*"))) {
            String list = chain.size() == 4 ? chain.get(3) : cur.trim().substring(0, cur.trim().indexOf(':'));
            for (IdRef r : a.ids) {
                if (r.definition() && (r.section().equals(list) || (!list.equals("processors") && r.section().equals("connectors")))) {
                    out.add(new Completion(r.id(), ItemKind.REFERENCE, r.section(), null, r.id(), false, ws, offset));
                }
            }
        } else if (chain.size() == 2 && chain.get(0).equals("service") && chain.get(1).equals("extensions")) {
            for (IdRef r : a.ids) {
                if (r.definition() && r.section().equals("extensions")) {
                    out.add(new Completion(r.id(), ItemKind.REFERENCE, "extension", null, r.id(), false, ws, offset));
                }
            }
        } else if (!keyPosition && cur.matches("\\s*(-\\s+)?context:\\s*\\S*")) {
            for (ContextKind k : ContextKind.values()) {
                out.add(new Completion(k.configName(), ItemKind.ENUM, "OTTL context", null, k.configName(), false, ws, offset));
            }
        }
        Map<String, Completion> dedup = new LinkedHashMap<>();
        for (Completion c : out) {
            if (c.label().startsWith(word)) {
                dedup.putIfAbsent(c.label(), c);
            }
        }
        return new ArrayList<>(dedup.values());
    }
}
