package io.ottl4j.lsp.service;

import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.grammar.OttlToken;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.inspect.PathCatalog;
import io.ottl4j.language.inspect.PathInfo;
import io.ottl4j.lsp.service.Results.Hover;
import io.ottl4j.lsp.service.Results.Signature;
import java.util.ArrayList;
import java.util.List;

/** Hover (functions, paths, enums, components) and signature help, from the catalogs and the registry. */
final class Hovers {
    private Hovers() {
    }

    static String functionDoc(FunctionDef f) {
        StringBuilder sb = new StringBuilder("```ottl\n").append(f.signature()).append("\n```\n\n");
        sb.append(f.isEditor() ? "Editor" : "Converter");
        if (f.deprecated()) {
            sb.append(" (deprecated)");
        }
        if (!f.contexts().isEmpty()) {
            sb.append(" · contexts: ").append(f.contexts());
        }
        if (!f.featureGate().isEmpty()) {
            sb.append(" · needs feature gate `").append(f.featureGate()).append('`');
        }
        sb.append("\n\n").append(f.doc());
        if (!f.example().isEmpty()) {
            sb.append("\n\nExample:\n```ottl\n").append(f.example()).append("\n```");
        }
        return sb.toString();
    }

    static Hover hover(Analysis a, int offset, Components components) {
        Analysis.Located at = a.locate(offset);
        if (at != null) {
            return ottl(at, offset);
        }
        for (IdRef r : a.ids) {
            if (offset >= r.start() && offset <= r.end()) {
                Factory<?> f = components.find(Analyzer.kindOf(r.section()), Analyzer.typeOf(r.id()));
                if (f != null) {
                    return new Hover(ComponentDocs.markdown(f), r.start(), r.end());
                }
                return new Hover("**" + r.id() + "**: no " + r.section() + " of type `" + Analyzer.typeOf(r.id()) + "` is known", r.start(), r.end());
            }
        }
        return null;
    }

    private static Hover ottl(Analysis.Located at, int offset) {
        Snippet s = at.snippet();
        int ci = s.map().toValue(offset);
        List<OttlToken> tokens = Words.tokens(s.text());
        int k = Words.tokenAt(tokens, ci);
        if (k < 0) {
            return null;
        }
        OttlToken t = tokens.get(k);
        ContextKind ctx = at.group().context();
        if (Words.isName(t) && Words.followedByParen(tokens, k)) {
            FunctionDef f = OttlCompiler.ottl().catalog().find(t.text());
            if (f == null) {
                return null;
            }
            int[] r = s.map().range(t.span().start(), t.span().end());
            return new Hover(functionDoc(f), r[0], r[1]);
        }
        if (t.kind() == OttlToken.Kind.UPPERCASE) {
            Long v = PathCatalog.of(ctx).enums().get(t.text());
            if (v == null) {
                return null;
            }
            int[] r = s.map().range(t.span().start(), t.span().end());
            return new Hover("```ottl\n" + t.text() + " = " + v + "\n```\nenum of the " + ctx + " context", r[0], r[1]);
        }
        if (t.kind() == OttlToken.Kind.LOWERCASE) {
            // the dotted path around the token: back to its first name, forward to its last
            int first = k;
            while (first >= 2 && tokens.get(first - 1).text().equals(".") && tokens.get(first - 2).kind() == OttlToken.Kind.LOWERCASE) {
                first -= 2;
            }
            List<String> names = new ArrayList<>();
            int last = first;
            for (int i = first; i < tokens.size(); i += 2) {
                if (tokens.get(i).kind() != OttlToken.Kind.LOWERCASE) {
                    break;
                }
                names.add(tokens.get(i).text());
                last = i;
                if (i + 1 >= tokens.size() || !tokens.get(i + 1).text().equals(".")) {
                    break;
                }
            }
            PathInfo p = PathCatalog.of(ctx).resolve(names);
            if (p == null && at.group().inferred()) {
                for (ContextKind c : ContextKind.values()) {
                    if ((p = PathCatalog.of(c).resolve(names)) != null) {
                        break;
                    }
                }
            }
            if (p == null) {
                return null;
            }
            int[] r = s.map().range(tokens.get(first).span().start(), tokens.get(last).span().end());
            return new Hover("```ottl\n" + p.path() + ": " + p.type() + "\n```\n" + (p.doc() == null ? "" : p.doc())
                    + "\n\n(" + p.level() + " level" + (p.keyed() ? ", indexable with [\"key\"]" : "") + "; context " + ctx + ")", r[0], r[1]);
        }
        return null;
    }

    static Signature signature(Analysis a, int offset) {
        Analysis.Located at = a.locate(offset);
        if (at == null) {
            return null;
        }
        String t = at.snippet().text();
        int ci = Math.min(t.length(), Math.max(0, at.snippet().map().toValue(offset)));
        int depth = 0;
        int commas = 0;
        boolean inString = false;
        // scan back, skipping strings (counted from the start so quotes pair up)
        boolean[] quoted = new boolean[ci];
        for (int i = 0; i < ci; i++) {
            char c = t.charAt(i);
            if (inString) {
                quoted[i] = true;
                if (c == '\\') {
                    if (i + 1 < ci) {
                        quoted[++i] = true;
                    }
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                quoted[i] = true;
            }
        }
        for (int i = ci - 1; i >= 0; i--) {
            if (quoted[i]) {
                continue;
            }
            char c = t.charAt(i);
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '[' || c == '{') {
                if (depth == 0) {
                    commas = 0; // the cursor is inside a list or map argument
                } else {
                    depth--;
                }
            } else if (c == '(') {
                if (depth == 0) {
                    int e = i;
                    while (e > 0 && t.charAt(e - 1) == ' ') {
                        e--;
                    }
                    int st = e;
                    while (st > 0 && (Character.isLetterOrDigit(t.charAt(st - 1)) || t.charAt(st - 1) == '_')) {
                        st--;
                    }
                    FunctionDef f = OttlCompiler.ottl().catalog().find(t.substring(st, e));
                    if (f == null) {
                        return null;
                    }
                    List<String> params = f.params().stream().map(p -> p.signature()).toList();
                    return new Signature(f.signature(), f.doc(), params, Math.min(commas, Math.max(0, params.size() - 1)));
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
        }
        return null;
    }
}
