package io.ottl4j.lsp.service;

import io.ottl4j.collector.component.Components;
import io.ottl4j.lsp.service.Results.Completion;
import io.ottl4j.lsp.service.Results.Edit;
import io.ottl4j.lsp.service.Results.Fold;
import io.ottl4j.lsp.service.Results.Hint;
import io.ottl4j.lsp.service.Results.Hover;
import io.ottl4j.lsp.service.Results.Lens;
import io.ottl4j.lsp.service.Results.Signature;
import io.ottl4j.lsp.service.Results.Symbol;
import io.ottl4j.lsp.service.Results.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain-Java language service: documents in, analyses and feature answers out, in char offsets. It
 * knows nothing of LSP; the protocol layer adapts it (as eclipse/lemminx separates XMLLanguageService).
 */
public final class LanguageService {
    public static final String RUN_COMMAND = "ottl.runGroup";

    private final Analyzer analyzer;
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();

    public LanguageService(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public LanguageService() {
        this(new Analyzer());
    }

    public Components components() {
        return analyzer.components();
    }

    /** Analyses a document's text and keeps the result for later requests. */
    public Analysis update(String uri, String text) {
        return update(uri, text, true);
    }

    /** As {@link #update(String, String)}; without {@code validate} the config-wide checks are left out (faster). */
    public Analysis update(String uri, String text, boolean validate) {
        Analysis a = analyzer.analyze(uri, text, validate);
        analyses.put(uri, a);
        return a;
    }

    public void close(String uri) {
        analyses.remove(uri);
    }

    public Analysis get(String uri) {
        return analyses.get(uri);
    }

    public Collection<Analysis> workspace() {
        return analyses.values();
    }

    public List<Completion> completion(Analysis a, int offset) {
        return Completions.complete(a, offset, workspace(), components());
    }

    public Hover hover(Analysis a, int offset) {
        return Hovers.hover(a, offset, components());
    }

    public Signature signature(Analysis a, int offset) {
        return Hovers.signature(a, offset);
    }

    public List<Token> semanticTokens(Analysis a) {
        return Tokens.of(a);
    }

    public List<Symbol> symbols(Analysis a) {
        return Outline.symbols(a);
    }

    public List<Fold> folding(Analysis a) {
        return Outline.folds(a);
    }

    public List<Edit> format(Analysis a) {
        return Formatter.format(a);
    }

    /** The ID at an offset, or null. */
    public IdRef idAt(Analysis a, int offset) {
        for (IdRef r : a.ids) {
            if (offset >= r.start() && offset <= r.end()) {
                return r;
            }
        }
        return null;
    }

    public List<IdRef> definitions(Analysis a, int offset) {
        IdRef at = idAt(a, offset);
        return at == null ? List.of() : a.ids.stream().filter(r -> r.definition() && r.sameComponent(at)).toList();
    }

    public List<IdRef> references(Analysis a, int offset, boolean includeDeclaration) {
        IdRef at = idAt(a, offset);
        return at == null ? List.of() : a.ids.stream().filter(r -> r.sameComponent(at) && (includeDeclaration || !r.definition())).toList();
    }

    public List<Edit> rename(Analysis a, int offset, String newName) {
        List<Edit> out = new ArrayList<>();
        for (IdRef r : references(a, offset, true)) {
            out.add(new Edit(r.start(), r.end(), newName));
        }
        return out;
    }

    /** The context each inferred group resolved to, before its first text. */
    public List<Hint> inlayHints(Analysis a) {
        List<Hint> out = new ArrayList<>();
        for (Group g : a.groups) {
            if (g.inferred() && g.resolved != null && !g.all().isEmpty()) {
                for (Snippet s : g.all()) {
                    out.add(new Hint(s.start(), g.resolved.configName() + ":"));
                }
            }
        }
        return out;
    }

    public List<Lens> codeLenses(Analysis a) {
        List<Lens> out = new ArrayList<>();
        for (int i = 0; i < a.groups.size(); i++) {
            Group g = a.groups.get(i);
            if (!g.statements.isEmpty()) {
                int s = g.all().get(0).start();
                out.add(new Lens(s, s, "▶ Run on sample telemetry (" + g.context() + ")", RUN_COMMAND, List.of(a.uri, i)));
            }
        }
        return out;
    }

    public Runner.Run run(String uri, int groupIndex) {
        Analysis a = analyses.get(uri);
        if (a == null || groupIndex < 0 || groupIndex >= a.groups.size()) {
            return null;
        }
        return Runner.run(a.groups.get(groupIndex));
    }
}
