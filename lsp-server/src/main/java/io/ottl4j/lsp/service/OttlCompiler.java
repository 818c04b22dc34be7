package io.ottl4j.lsp.service;

import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.ConfigProblem;
import io.ottl4j.collector.config.Location;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.processor.internal.OttlConfig;
import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.ParseResult;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.PathMode;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a {@link Group} as the collector does (the same context inference, {@link OttlConfig#compile}),
 * and turns every diagnostic into a {@link Problem} at its exact place in the document.
 */
public final class OttlCompiler {
    private static final Pattern DID_YOU_MEAN = Pattern.compile("(?:did you mean|compare with) [`\"]?([^`\"?\\s;)]+)[`\"]?");
    private static final Pattern QUOTED_NAME = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");

    private OttlCompiler() {
    }

    public static Ottl ottl() {
        return OttlConfig.ottl();
    }

    /** What compiling a group's texts gave, in value offsets: reused while the texts stay the same (one edit changes one group). */
    private record Outcome(ContextKind resolved, List<Object[]> diagnostics, List<String[]> others) {
    }

    private static final int CACHE_SIZE = 4096;
    private static final Map<String, Outcome> CACHE = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Outcome> e) {
            return size() > CACHE_SIZE;
        }
    });

    public static void compile(Group g, List<Problem> out) {
        List<Snippet> ordered = new ArrayList<>(g.conditions);
        ordered.addAll(g.statements);
        if (!ordered.isEmpty()) {
            StringBuilder key = new StringBuilder().append(g.signal).append('\u0000').append(g.explicitContext);
            for (Snippet s : ordered) {
                key.append('\u0000').append(s.role().name().charAt(0)).append(s.text());
            }
            Outcome o = CACHE.get(key.toString());
            if (o == null) {
                o = compileOrdered(g, ordered);
                CACHE.put(key.toString(), o);
            }
            g.resolved = o.resolved();
            for (Object[] d : o.diagnostics()) {
                out.add(problem(ordered.get((Integer) d[0]), (Diagnostic) d[1]));
            }
            for (String[] p : o.others()) {
                Snippet s = ordered.get(0);
                out.add(new Problem(s.start(), s.end(), true, p[0], p[1], List.of()));
            }
        }
        for (Snippet s : g.expressions) {
            try {
                ottl().compileExpression(g.context(), s.text());
            } catch (OttlCompileException e) {
                e.problems().forEach(p -> out.add(problem(s, p.diagnostic())));
            } catch (RuntimeException e) {
                // a binder failure on odd input must not end the analysis
            }
        }
        // the grammar's warnings: compiling reports them only on failure
        for (Snippet s : ordered) {
            ParseResult<?> r = s.role() == Snippet.Role.STATEMENT ? OttlParser.parseStatement(s.text()) : OttlParser.parseCondition(s.text());
            if (r.ok()) {
                r.warnings().forEach(d -> out.add(problem(s, d)));
            }
        }
    }

    private static Outcome compileOrdered(Group g, List<Snippet> ordered) {
        List<Object[]> diagnostics = new ArrayList<>();
        List<String[]> others = new ArrayList<>();
        List<String> conds = g.conditions.stream().map(Snippet::text).toList();
        List<String> stmts = g.statements.stream().map(Snippet::text).toList();
        List<OttlConfig.Source> sources = ordered.stream().map(s -> new OttlConfig.Source(s.text(), Location.UNKNOWN, g.label)).toList();
        Problems problems = new Problems();
        Conf conf = new Conf(ConfigNode.MapNode.empty(Location.UNKNOWN), g.label, problems);
        OttlCompileException[] first = {null};
        ContextKind[] firstContext = {null};
        OttlConfig.Compiler<Object> compiler = (k, mode) -> {
            try {
                if (stmts.isEmpty()) {
                    return ottl().compileConditions(k, conds, LogicOperation.OR, ErrorMode.PROPAGATE, mode);
                }
                return ottl().compileGroup(k, conds, stmts, ErrorMode.PROPAGATE, mode);
            } catch (OttlCompileException e) {
                if (first[0] == null) {
                    first[0] = e;
                    firstContext[0] = k;
                }
                throw e;
            }
        };
        Map.Entry<ContextKind, Object> r;
        try {
            r = OttlConfig.compile(conf, "context", g.signal == null ? Signal.TRACES : g.signal, g.explicitContext, sources, compiler);
        } catch (RuntimeException e) {
            others.add(new String[] {"internal", "cannot compile: " + e});
            return new Outcome(null, diagnostics, others);
        }
        if (r != null) {
            return new Outcome(r.getKey(), diagnostics, others);
        }
        if (first[0] != null) {
            for (OttlCompileException.Problem p : first[0].problems()) {
                if (p.index() >= 0 && p.index() < ordered.size()) {
                    diagnostics.add(new Object[] {p.index(), p.diagnostic()});
                }
            }
            // the collector's own report of these same diagnostics went to the throwaway problem list
            return new Outcome(firstContext[0], diagnostics, others);
        }
        for (ConfigProblem cp : problems.list()) {
            others.add(new String[] {cp.code(), cp.message()});
        }
        return new Outcome(null, diagnostics, others);
    }

    /** A grammar or binder diagnostic at its place in the document, with the fix its suggestion names. */
    public static Problem problem(Snippet s, Diagnostic d) {
        int[] range = s.map().range(d.span().start(), Math.max(d.span().end(), d.span().start()));
        String msg = d.message() + (d.suggestion() == null || d.message().contains(d.suggestion()) ? "" : " (" + d.suggestion() + ")");
        List<Problem.Fix> fixes = new ArrayList<>();
        String replacement = didYouMean(d.suggestion() != null ? d.suggestion() : "", d.message());
        String spanText = s.text().substring(Math.min(d.span().start(), s.text().length()), Math.min(d.span().end(), s.text().length()));
        if (replacement == null && d.code().equals("OTTL-E104")) {
            // a function written in the wrong case (Set, concat): the one catalog name it matches ignoring case
            for (String n : ottl().catalog().names()) {
                if (n.equalsIgnoreCase(spanText)) {
                    replacement = n;
                }
            }
        }
        if (replacement != null && d.span().length() > 0 && !replacement.equals(spanText)) {
            fixes.add(fix(s, d.span().start(), d.span().end(), spanText, replacement, d.message()));
        }
        return new Problem(range[0], range[1], d.isError(), d.code(), msg, fixes);
    }

    private static Problem.Fix fix(Snippet s, int from, int to, String spanText, String replacement, String message) {
        // a span wider than the misspelt name (a whole path with keys): replace only the name the message quotes
        int f = from;
        int t = to;
        if (!spanText.matches("[A-Za-z_][A-Za-z0-9_]*") && replacement.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            Matcher q = QUOTED_NAME.matcher(message);
            while (q.find()) {
                Matcher w = Pattern.compile("(?<![\\w\"])" + Pattern.quote(q.group(1)) + "(?![\\w\"])").matcher(spanText);
                if (w.find()) {
                    f = from + w.start();
                    t = from + w.end();
                    break;
                }
            }
        }
        int[] range = s.map().range(f, t);
        return new Problem.Fix("Change to '" + replacement + "'", range[0], range[1], replacement);
    }

    static String didYouMean(String suggestion, String message) {
        Matcher m = DID_YOU_MEAN.matcher(suggestion);
        if (m.find()) {
            return m.group(1);
        }
        m = DID_YOU_MEAN.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
