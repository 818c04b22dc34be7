package io.ottl4j.repl;

import io.ottl4j.grammar.OttlParser;
import io.ottl4j.grammar.ParseResult;
import io.ottl4j.grammar.ast.Argument;
import io.ottl4j.grammar.ast.PathExpr;
import io.ottl4j.grammar.ast.SourceSpan;
import io.ottl4j.grammar.ast.Statement;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.CompiledExpression;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.language.catalog.FunctionDef;
import io.ottl4j.language.catalog.ParamDef;
import io.ottl4j.language.catalog.ParamKind;
import io.ottl4j.language.function.OttlFunction;
import io.ottl4j.language.inspect.Explainer;
import io.ottl4j.language.inspect.Explanation;
import io.ottl4j.otlp.OtlpDecodeException;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.repl.data.Dataset;
import io.ottl4j.repl.data.Render;
import io.ottl4j.repl.data.Tree;
import io.ottl4j.repl.data.Trees;
import io.ottl4j.repl.data.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code :commands}. Each returns false only for {@code :quit}. */
final class Commands {
    /** Name, argument synopsis, one line of help; the order of {@code :help}. */
    static final List<String[]> ALL = List.of(
            new String[] {":help", "", "this list"},
            new String[] {":context", "[NAME]", "show or switch the context: resource, scope, span, spanevent, metric, datapoint, exemplar, log, profile"},
            new String[] {":load", "FILE...", "read OTLP/JSON files (any signals; the first load replaces the samples)"},
            new String[] {":show", "[N | PATH]", "the records of the context as trees; record N; or a path's value per record"},
            new String[] {":undo", "", "revert the last statement"},
            new String[] {":reset", "", "drop every statement: back to the data as loaded"},
            new String[] {":functions", "[NAME]", "the function catalog, or one function's documentation"},
            new String[] {":explain", "TEXT", "the bound form: each path's context and type, each function and argument form"},
            new String[] {":trace", "", "the last statement again, per record: where outcome, target value before and after"},
            new String[] {":time", "TEXT", "ns per record after warm-up (statement, condition or expression)"},
            new String[] {":save", "[FILE]", "the session's statements as transform processor YAML (printed without FILE)"},
            new String[] {":complete", "TEXT", "the completions at the end of TEXT (or at a | in it)"},
            new String[] {":quit", "", "leave (also Ctrl-D)"});

    private final Session session;
    private final Evaluator evaluator;
    private final OttlCompleter completer;
    private final PrintWriter out;
    private final Style style;

    Commands(Session session, Evaluator evaluator, OttlCompleter completer, PrintWriter out, Style style) {
        this.session = session;
        this.evaluator = evaluator;
        this.completer = completer;
        this.out = out;
        this.style = style;
    }

    boolean run(String line) {
        String trimmed = line.strip();
        int sp = indexOfSpace(trimmed);
        String name = sp < 0 ? trimmed : trimmed.substring(0, sp);
        String arg = sp < 0 ? "" : trimmed.substring(sp + 1).strip();
        switch (name) {
            case ":help", ":h", ":?" -> help();
            case ":context", ":c" -> context(arg);
            case ":load" -> load(arg);
            case ":show" -> show(arg);
            case ":undo" -> undo();
            case ":reset" -> reset();
            case ":functions", ":f" -> functions(arg);
            case ":explain" -> explain(arg);
            case ":trace" -> trace();
            case ":time" -> time(arg);
            case ":save" -> save(arg);
            case ":complete" -> complete(arg);
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            default -> {
                String guess = closest(name);
                out.println(style.error("unknown command " + name) + (guess == null ? "" : " (did you mean " + guess + "?)") + "; :help lists them");
            }
        }
        return true;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String closest(String name) {
        for (String[] c : ALL) {
            if (c[0].startsWith(name) || name.startsWith(c[0])) {
                return c[0];
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ :help :context :load

    private void help() {
        out.println("Type a statement to run it on every record of the context and see what changed,");
        out.println("a condition to see which records match, or a value expression to see its value per record.");
        out.println("Open brackets or quotes continue on the next line. Tab completes paths, attribute keys,");
        out.println("functions and enums.");
        for (String[] c : ALL) {
            out.println("  " + style.accent(pad(c[0] + (c[1].isEmpty() ? "" : " " + c[1]), 22)) + c[2]);
        }
    }

    private void context(String arg) {
        if (!arg.isEmpty()) {
            try {
                session.context(ContextKind.parse(arg));
            } catch (IllegalArgumentException e) {
                out.println(style.error(e.getMessage()));
                return;
            }
        }
        ContextKind current = session.context();
        Map<String, Units.Unit> units = Units.all(session.data());
        StringBuilder sb = new StringBuilder();
        for (ContextKind k : ContextKind.values()) {
            long n = units.values().stream().filter(u -> u.kind() == k).count();
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String s = k.configName() + " (" + n + ")";
            sb.append(k == current ? style.bold("*" + s) : s);
        }
        out.println("context: " + style.bold(current.configName()) + "   " + style.dim("all: ") + sb);
    }

    private void load(String arg) {
        if (arg.isEmpty()) {
            out.println(style.error(":load needs one or more OTLP/JSON files"));
            return;
        }
        Dataset loaded = new Dataset();
        for (String file : arg.split("\\s+")) {
            try {
                for (TelemetryBatch<?> b : read(Path.of(expandHome(file)))) {
                    loaded.add(file, b);
                    out.println("loaded " + file + ": " + b.signal().name().toLowerCase(Locale.ROOT) + ", " + describe(b));
                }
            } catch (java.nio.file.NoSuchFileException e) {
                out.println(style.error("cannot read " + file + ": no such file"));
                return;
            } catch (IOException e) {
                out.println(style.error("cannot read " + file + ": " + e.getMessage()));
                return;
            } catch (OtlpDecodeException | IllegalArgumentException e) {
                out.println(style.error(file + " is not OTLP/JSON: " + e.getMessage()));
                return;
            }
        }
        boolean replaced = session.samples();
        int forgotten = session.steps().size();
        session.load(loaded);
        if (replaced) {
            out.println(style.dim("the sample data is replaced by what you loaded"));
        }
        if (forgotten > 0) {
            out.println(style.dim("the data restarts from the files: " + forgotten + " statement(s) forgotten"));
        }
        if (session.data().batchesFor(session.context()).isEmpty()) {
            // nothing to run on in the current context: move to the record context of the first signal loaded
            session.context(switch (session.data().sources().get(0).batch().signal()) {
                case TRACES -> ContextKind.SPAN;
                case METRICS -> ContextKind.DATAPOINT;
                case LOGS -> ContextKind.LOG;
                case PROFILES -> ContextKind.PROFILE;
            });
        }
        context("");
    }

    private static String expandHome(String file) {
        return file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
    }

    /** One document, or JSON lines as the file exporter writes them. */
    static List<TelemetryBatch<?>> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return List.of(OtlpJson.read(bytes));
        } catch (OtlpDecodeException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                throw e;
            }
            List<TelemetryBatch<?>> out = new ArrayList<>();
            for (String l : lines) {
                out.add(OtlpJson.read(l));
            }
            return out;
        }
    }

    private static String describe(TelemetryBatch<?> b) {
        return b.resources().size() + " resource(s), " + b.itemCount() + " " + switch (b.signal()) {
            case TRACES -> "span(s)";
            case METRICS -> "metric(s), " + b.dataPointCount() + " data point(s)";
            case LOGS -> "log record(s)";
            case PROFILES -> "profile(s)";
        };
    }

    // ------------------------------------------------------------------ :show

    private void show(String arg) {
        ContextKind ctx = session.context();
        if (!arg.isEmpty() && !arg.chars().allMatch(Character::isDigit)) {
            showValue(arg);
            return;
        }
        int only = arg.isEmpty() ? -1 : Integer.parseInt(arg);
        Map<String, Units.Unit> all = Units.all(session.data());
        List<Units.Unit> records = all.values().stream().filter(u -> u.kind() == ctx).toList();
        if (records.isEmpty()) {
            out.println(style.dim("no " + Names.plural(ctx) + " loaded"));
            return;
        }
        if (only > records.size() || only == 0) {
            out.println(style.error("there is no " + ctx + " #" + only + " (" + Names.plural(ctx, records.size()) + ")"));
            return;
        }
        String lastParent = null;
        int shown = 0;
        for (Units.Unit u : records) {
            if (only > 0 && u.ordinal() != only) {
                continue;
            }
            if (shown++ >= Evaluator.MAX_RECORDS) {
                out.println(style.dim("... and " + (records.size() - Evaluator.MAX_RECORDS) + " more; :show N shows record N"));
                break;
            }
            String parent = parentLine(all, u);
            if (parent != null && !parent.equals(lastParent)) {
                out.println(style.dim(parent));
                lastParent = parent;
            }
            out.println(style.bold(u.title()));
            printTree(fullTree(u), "  ");
        }
    }

    /** "resource #1 ... / scope #1 ..." above the records that belong to them. */
    private static String parentLine(Map<String, Units.Unit> all, Units.Unit u) {
        String[] parts = u.key().split("\\.");
        if (parts.length < 3) {
            return null;
        }
        Units.Unit r = all.get(parts[0] + "." + parts[1]);
        Units.Unit s = all.get(parts[0] + "." + parts[1] + "." + parts[2]);
        return s == null ? null : "── " + r.title() + " / " + s.title();
    }

    /** Spans with their events and metrics with their points, for reading; the diff keeps them apart. */
    private Tree fullTree(Units.Unit u) {
        if (u.kind() != ContextKind.SPAN && u.kind() != ContextKind.METRIC) {
            return u.tree();
        }
        Tree[] found = {u.tree()};
        List<Units.Unit> units = new Evaluator(session, out, style).unitsOf(u.kind());
        int[] i = {0};
        Evaluator.forEachRecord(session.data(), u.kind(), r -> {
            if (units.get(i[0]++).ordinal() == u.ordinal()) {
                found[0] = u.kind() == ContextKind.SPAN ? Trees.span(r.span(), true) : Trees.metric(r.metric(), true);
            }
        });
        return found[0];
    }

    private void printTree(Tree t, String indent) {
        for (Tree c : t.children()) {
            if (c.value() != null) {
                out.println(indent + style.path(c.name()) + ": " + c.value());
            } else {
                out.println(indent + style.path(c.name()) + ":");
                printTree(c, indent + "  ");
            }
        }
    }

    private void showValue(String text) {
        ContextKind ctx = session.context();
        CompiledExpression ce;
        try {
            ce = session.ottl().compileExpression(ctx, text);
        } catch (OttlCompileException e) {
            evaluator.compileProblems(e);
            return;
        }
        List<Units.Unit> units = new Evaluator(session, out, style).unitsOf(ctx);
        int[] i = {0};
        Evaluator.forEachRecord(session.data(), ctx, r -> {
            Units.Unit u = units.get(i[0]++);
            if (i[0] > Evaluator.MAX_RECORDS) {
                return;
            }
            out.println(style.bold(u.title()));
            try {
                Object v = ce.evaluate(r);
                if (v instanceof io.ottl4j.pdata.AttributeMap || v instanceof io.ottl4j.pdata.AttributeList) {
                    Tree t = Tree.root();
                    valueTree(t, text, v);
                    printTree(t, "  ");
                } else {
                    out.println("  " + style.path(text) + ": " + Render.value(v));
                }
            } catch (OttlRuntimeException e) {
                out.println("  " + style.error("error: " + e.getMessage()));
            }
        });
    }

    private static void valueTree(Tree t, String name, Object v) {
        if (v instanceof io.ottl4j.pdata.AttributeMap m && !m.isEmpty()) {
            Tree n = t.node(name);
            for (int i = 0; i < m.size(); i++) {
                valueTree(n, "[" + Render.quote(m.keyAt(i)) + "]", m.valueAt(i));
            }
        } else if (v instanceof io.ottl4j.pdata.AttributeList l && !l.isEmpty()) {
            Tree n = t.node(name);
            for (int i = 0; i < l.size(); i++) {
                valueTree(n, "[" + i + "]", l.get(i));
            }
        } else {
            t.leaf(name, Render.value(v));
        }
    }

    // ------------------------------------------------------------------ :undo :reset

    private void undo() {
        Session.Step s = session.undo();
        if (s == null) {
            out.println(style.dim("nothing to undo"));
        } else {
            out.println("undone: " + s.statement() + style.dim(" (" + s.context() + ")"));
        }
    }

    private void reset() {
        int n = session.reset();
        out.println("reset: " + n + " statement(s) dropped, the data is as loaded");
    }

    // ------------------------------------------------------------------ :functions

    private void functions(String arg) {
        List<FunctionDef> all = session.ottl().catalog().all();
        if (!arg.isEmpty()) {
            FunctionDef f = session.ottl().catalog().find(arg);
            if (f == null) {
                List<String> like = all.stream().map(FunctionDef::name)
                        .filter(n -> n.toLowerCase(Locale.ROOT).contains(arg.toLowerCase(Locale.ROOT))).toList();
                out.println(style.error("no function " + arg) + (like.isEmpty() ? "" : "; similar: " + String.join(", ", like)));
                return;
            }
            describe(f);
            return;
        }
        for (OttlFunction.Kind kind : OttlFunction.Kind.values()) {
            out.println(style.bold(kind == OttlFunction.Kind.EDITOR ? "editors" : "converters"));
            for (FunctionDef f : all) {
                if (f.kind() == kind) {
                    String ctxNote = f.availableIn(session.context()) ? "" : style.dim("  (not in " + session.context() + ")");
                    out.println("  " + style.accent(f.signature()) + ctxNote);
                }
            }
        }
        out.println(style.dim(all.size() + " functions; :functions NAME for one"));
    }

    private void describe(FunctionDef declared) {
        // the parameters as this session binds them (baseline, or upstream's current ones with the gate)
        FunctionDef f = declared.under(session.ottl().featureGates());
        out.println(style.accent(f.signature()) + style.dim("  " + (f.isEditor() ? "editor" : "converter")));
        if (!f.doc().isEmpty()) {
            out.println("  " + f.doc());
        }
        for (ParamDef p : f.params()) {
            out.println("  " + style.path(p.name()) + ": " + p.kind().description() + (p.optional() ? ", optional"
                    + (p.defaultValue() == null || p.defaultValue().isEmpty() ? "" : " (default " + p.defaultValue() + ")") : ""));
        }
        if (!f.example().isEmpty()) {
            out.println("  example: " + f.example());
        }
        out.println("  contexts: " + (f.contexts().isEmpty() ? "all" : f.contexts().stream().map(ContextKind::configName).toList()));
        if (!f.featureGate().isEmpty()) {
            out.println("  feature gate: " + f.featureGate() + (session.ottl().featureGates().contains(f.featureGate()) ? " (enabled)" : " (disabled)"));
        }
        if (declared.hasBaselineParams()) {
            boolean on = f != declared;
            out.println("  post-baseline signature " + declared.current().signature() + ": feature gate "
                    + io.ottl4j.language.Ottl.CURRENT_SIGNATURES_GATE + (on ? " (enabled)" : " (disabled)"));
        }
        if (f.deprecated()) {
            out.println("  " + style.changed("deprecated"));
        }
    }

    // ------------------------------------------------------------------ :explain

    private void explain(String text) {
        if (text.isEmpty()) {
            out.println(style.error(":explain needs a statement, condition or expression"));
            return;
        }
        Explanation e = Explainer.explain(session.ottl(), session.context(), text);
        out.println(style.bold(e.kind()) + " in the " + session.context() + " context");
        for (Explanation.Line l : e.lines()) {
            String indent = "  ".repeat(l.depth() + 1);
            out.println(indent + style.accent(l.role()) + (l.source().isEmpty() ? "" : " " + l.source()));
            out.println(indent + "  " + style.dim("→ ") + l.meaning());
        }
        if (!e.ok()) {
            evaluator.problems(text, e.problems());
        }
    }

    // ------------------------------------------------------------------ :trace

    private void trace() {
        Session.Step step = session.lastStep();
        if (step == null) {
            out.println(style.dim("no statement yet: :trace replays the last statement that ran"));
            return;
        }
        String text = step.statement();
        ContextKind ctx = step.context();
        ParseResult<Statement> parsed = OttlParser.parseStatement(text);
        Statement st = parsed.tree();
        try {
            CompiledStatements cs = session.ottl().compileStatements(ctx, List.of(text), ErrorMode.PROPAGATE);
            CompiledConditions where = st.where() == null ? null
                    : session.ottl().compileConditions(ctx, List.of(slice(text, st.where().span())), LogicOperation.OR, ErrorMode.PROPAGATE);
            String targetText = target(st, text);
            CompiledExpression target = targetText == null ? null : session.ottl().compileExpression(ctx, targetText);
            Dataset copy = step.before().deepCopy();
            List<Units.Unit> units = new ArrayList<>(Units.of(copy, EnumSet.of(ctx)).values());
            out.println(style.bold("trace") + " of " + text.replaceAll("\\s*\n\\s*", " ") + style.dim("  (" + Names.plural(ctx, units.size()) + ", as it ran)"));
            int[] i = {0};
            int[] ran = {0};
            Evaluator.forEachRecord(copy, ctx, r -> {
                Units.Unit u = units.get(i[0]++);
                traceOne(u, r, cs, where, target, targetText, ran, i[0] <= Evaluator.MAX_RECORDS);
            });
            if (units.size() > Evaluator.MAX_RECORDS) {
                out.println(style.dim("  ... and " + (units.size() - Evaluator.MAX_RECORDS) + " more"));
            }
            out.println(style.dim("where held for " + ran[0] + " of " + Names.plural(ctx, units.size())));
        } catch (OttlCompileException e) {
            evaluator.compileProblems(e);
        }
    }

    private void traceOne(Units.Unit u, TransformContext r, CompiledStatements cs, CompiledConditions where, CompiledExpression target,
            String targetText, int[] ran, boolean print) {
        StringBuilder sb = new StringBuilder("  ").append(u.title()).append('\n').append("      where: ");
        boolean runs = true;
        if (where == null) {
            sb.append(style.dim("(none)"));
        } else {
            try {
                runs = where.test(r);
                sb.append(runs ? style.added("true") : style.removed("false → skipped"));
            } catch (OttlRuntimeException e) {
                runs = false;
                sb.append(style.error("error: " + e.getMessage()));
            }
        }
        String before = target == null ? null : eval(target, r);
        String error = null;
        if (runs) {
            ran[0]++;
            try {
                cs.execute(r);
            } catch (OttlRuntimeException e) {
                error = e.getMessage();
            }
        }
        if (target != null) {
            String after = eval(target, r);
            sb.append("\n      ").append(style.path(targetText)).append(": ").append(before);
            if (!before.equals(after)) {
                sb.append(" → ").append(style.changed(after));
            } else if (runs) {
                sb.append(style.dim(" (unchanged)"));
            }
        }
        if (error != null) {
            sb.append("\n      ").append(style.error("error: " + error));
        }
        if (print) {
            out.println(sb);
        }
    }

    private static String eval(CompiledExpression e, TransformContext r) {
        try {
            return Render.clip(Render.value(e.evaluate(r)), 120);
        } catch (OttlRuntimeException ex) {
            return "<error: " + ex.getMessage() + ">";
        }
    }

    /** The editor's target: its first path-typed argument (set's target, delete_key's map...), else its first path. */
    private String target(Statement st, String text) {
        FunctionDef def = session.ottl().catalog().find(st.invocation().name());
        List<Argument> args = st.invocation().args();
        if (def != null) {
            for (int i = 0; i < args.size() && i < def.params().size(); i++) {
                if (args.get(i).name() == null && def.params().get(i).kind() == ParamKind.PATH && args.get(i).value() instanceof PathExpr p) {
                    return slice(text, p.span());
                }
            }
        }
        for (Argument a : args) {
            if (a.value() instanceof PathExpr p) {
                return slice(text, p.span());
            }
        }
        return null;
    }

    private static String slice(String text, SourceSpan span) {
        return text.substring(span.start(), span.end());
    }

    // ------------------------------------------------------------------ :time

    private void time(String text) {
        if (text.isEmpty()) {
            out.println(style.error(":time needs a statement, condition or expression"));
            return;
        }
        ContextKind ctx = session.context();
        Input in = Input.read(text);
        if (in.kind() == Input.Kind.INVALID) {
            evaluator.problems(text, in.errors());
            return;
        }
        java.util.function.Consumer<TransformContext> action;
        try {
            action = switch (in.kind()) {
                case STATEMENT -> {
                    CompiledStatements cs = session.ottl().compileStatements(ctx, List.of(text), ErrorMode.SILENT);
                    yield cs::execute;
                }
                case CONDITION -> {
                    CompiledConditions cc = session.ottl().compileConditions(ctx, List.of(text), LogicOperation.OR, ErrorMode.SILENT);
                    yield cc::test;
                }
                default -> {
                    CompiledExpression ce = session.ottl().compileExpression(ctx, text);
                    yield ce::evaluate;
                }
            };
        } catch (OttlCompileException e) {
            evaluator.compileProblems(e);
            return;
        }
        Timing.Result r = Timing.measure(session.data(), ctx, action);
        if (r.records() == 0) {
            out.println(style.dim("no " + Names.plural(ctx) + " to run on"));
            return;
        }
        out.println(style.bold(String.format(Locale.ROOT, "%,.0f ns per %s", r.nsPerRecord(), Names.singular(ctx)))
                + style.dim(String.format(Locale.ROOT, "  (%s × %,d runs after %,d ms warm-up; runtime %s%s)",
                        Names.plural(ctx, r.records()), r.runs(), r.warmupMillis(), r.runtime(),
                        r.errors() > 0 ? "; " + r.errors() + " runtime errors ignored" : "")));
    }

    // ------------------------------------------------------------------ :save

    private void save(String arg) {
        List<Session.Step> steps = session.steps();
        if (steps.isEmpty()) {
            out.println(style.dim("no statements to save yet"));
            return;
        }
        String yaml = TransformYaml.render(steps, session.saveErrorMode());
        if (arg.isEmpty()) {
            out.print(yaml);
            return;
        }
        try {
            Files.writeString(Path.of(expandHome(arg)), yaml);
            out.println("saved " + steps.size() + " statement(s) to " + arg);
        } catch (IOException e) {
            out.println(style.error("cannot write " + arg + ": " + e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ :complete

    private void complete(String arg) {
        int cursor = arg.indexOf('|');
        String line = cursor < 0 ? arg : arg.substring(0, cursor) + arg.substring(cursor + 1);
        if (cursor < 0) {
            cursor = line.length();
        }
        List<OttlCompleter.Item> items = completer.complete(line, cursor);
        if (items.isEmpty()) {
            out.println(style.dim("no completions"));
            return;
        }
        int shown = 0;
        for (OttlCompleter.Item item : items) {
            if (shown++ == 40) {
                out.println(style.dim("... and " + (items.size() - 40) + " more"));
                break;
            }
            out.println("  " + pad(item.value(), 36) + style.dim(item.description() == null ? "" : item.description()));
        }
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
