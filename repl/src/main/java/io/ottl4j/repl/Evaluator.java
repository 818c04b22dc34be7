package io.ottl4j.repl;

import io.ottl4j.grammar.Diagnostic;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.CompiledExpression;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.LogicOperation;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.Records;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.repl.data.Dataset;
import io.ottl4j.repl.data.Diff;
import io.ottl4j.repl.data.Render;
import io.ottl4j.repl.data.Units;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs what the user typed on every record of the current context and prints what it did. */
final class Evaluator {
    /** Records listed in full before the output says "... and N more". */
    static final int MAX_RECORDS = 25;
    /** Field changes listed per record. */
    static final int MAX_CHANGES = 20;

    private final Session session;
    private final PrintWriter out;
    private final Style style;

    Evaluator(Session session, PrintWriter out, Style style) {
        this.session = session;
        this.out = out;
        this.style = style;
    }

    void evaluate(String text) {
        Input in = Input.read(text);
        switch (in.kind()) {
            case STATEMENT -> statement(text);
            case CONDITION -> condition(text);
            case EXPRESSION -> expression(text);
            case INVALID -> problems(text, in.errors());
        }
    }

    // ------------------------------------------------------------------ the three kinds of input

    private void statement(String text) {
        ContextKind ctx = session.context();
        if (!hasRecords(ctx)) {
            return;
        }
        CompiledStatements cs;
        try {
            cs = session.ottl().compileStatements(ctx, List.of(text), ErrorMode.PROPAGATE);
        } catch (OttlCompileException e) {
            compileProblems(e);
            return;
        }
        Dataset before = session.data().deepCopy();
        Map<String, Units.Unit> snapBefore = Units.all(session.data());
        List<String> errors = new ArrayList<>();
        int[] count = {0};
        forEachRecord(session.data(), ctx, r -> {
            count[0]++;
            try {
                cs.execute(r);
            } catch (OttlRuntimeException e) {
                errors.add(ctx.configName() + " #" + count[0] + ": " + e.getMessage());
            }
        });
        Map<String, Units.Unit> snapAfter = Units.all(session.data());
        List<Diff.RecordChange> changes = Diff.of(snapBefore, snapAfter);
        printChanges(ctx, count[0], changes);
        printErrors(ctx, errors);
        List<Signal> signals = session.data().batchesFor(ctx).stream().map(TelemetryBatch::signal).distinct().toList();
        session.record(new Session.Step(ctx, text, signals, before));
    }

    private void condition(String text) {
        ContextKind ctx = session.context();
        if (!hasRecords(ctx)) {
            return;
        }
        CompiledConditions cc;
        try {
            cc = session.ottl().compileConditions(ctx, List.of(text), LogicOperation.OR, ErrorMode.PROPAGATE);
        } catch (OttlCompileException e) {
            compileProblems(e);
            return;
        }
        List<Units.Unit> units = unitsOf(ctx);
        List<String> matched = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int[] i = {0};
        forEachRecord(session.data(), ctx, r -> {
            Units.Unit u = units.get(i[0]++);
            try {
                if (cc.test(r)) {
                    matched.add(u.title());
                }
            } catch (OttlRuntimeException e) {
                errors.add(u.kind().configName() + " #" + u.ordinal() + ": " + e.getMessage());
            }
        });
        out.println(style.bold(matched.size() + " of " + Names.plural(ctx, units.size()) + " match"));
        for (int k = 0; k < matched.size() && k < MAX_RECORDS; k++) {
            out.println("  " + style.added("✓ ") + matched.get(k));
        }
        more(matched.size());
        printErrors(ctx, errors);
    }

    private void expression(String text) {
        ContextKind ctx = session.context();
        if (!hasRecords(ctx)) {
            return;
        }
        CompiledExpression ce;
        try {
            ce = session.ottl().compileExpression(ctx, text);
        } catch (OttlCompileException e) {
            compileProblems(e);
            return;
        }
        List<Units.Unit> units = unitsOf(ctx);
        int[] i = {0};
        forEachRecord(session.data(), ctx, r -> {
            Units.Unit u = units.get(i[0]++);
            if (i[0] > MAX_RECORDS) {
                return;
            }
            String shown;
            try {
                shown = Render.value(ce.evaluate(r));
            } catch (OttlRuntimeException e) {
                shown = style.error("error: " + e.getMessage());
            }
            out.println(style.dim(u.title()) + " → " + shown);
        });
        more(units.size());
    }

    // ------------------------------------------------------------------ output

    private void printChanges(ContextKind ctx, int total, List<Diff.RecordChange> changes) {
        List<Diff.RecordChange> own = changes.stream().filter(c -> c.unit().kind() == ctx).toList();
        List<Diff.RecordChange> other = changes.stream().filter(c -> c.unit().kind() != ctx).toList();
        if (own.isEmpty() && other.isEmpty()) {
            out.println(style.dim("no change (" + Names.plural(ctx, total) + ")"));
            return;
        }
        out.println(style.bold(own.size() + " of " + Names.plural(ctx, total) + " changed"));
        printRecords(own);
        if (!other.isEmpty()) {
            out.println(style.bold("also changed:"));
            printRecords(other);
        }
    }

    private void printRecords(List<Diff.RecordChange> changes) {
        for (int k = 0; k < changes.size() && k < MAX_RECORDS; k++) {
            Diff.RecordChange rc = changes.get(k);
            Units.Unit u = rc.unit();
            if (rc.isNew()) {
                out.println("  " + style.added("+ new " + u.title()));
                continue;
            }
            if (rc.isGone()) {
                out.println("  " + style.removed("- removed " + u.title()));
                continue;
            }
            out.println("  " + rc.before().title());
            List<Diff.Change> fields = rc.changes();
            for (int f = 0; f < fields.size() && f < MAX_CHANGES; f++) {
                out.println("    " + change(fields.get(f)));
            }
            if (fields.size() > MAX_CHANGES) {
                out.println(style.dim("    ... and " + (fields.size() - MAX_CHANGES) + " more fields"));
            }
        }
        more(changes.size());
    }

    String change(Diff.Change c) {
        if (c.added()) {
            return style.added("+ " + c.path() + " = " + c.after());
        }
        if (c.removed()) {
            return style.removed("- " + c.path() + " (was " + c.before() + ")");
        }
        return style.changed("~ " + c.path() + ": " + c.before() + " → " + c.after());
    }

    private void more(int n) {
        if (n > MAX_RECORDS) {
            out.println(style.dim("  ... and " + (n - MAX_RECORDS) + " more"));
        }
    }

    private void printErrors(ContextKind ctx, List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        out.println(style.error("runtime error on " + Names.plural(ctx, errors.size()) + " (error_mode propagate would stop here; ignore would go on):"));
        for (int k = 0; k < errors.size() && k < 5; k++) {
            out.println("  " + errors.get(k));
        }
        if (errors.size() > 5) {
            out.println(style.dim("  ... and " + (errors.size() - 5) + " more"));
        }
    }

    void compileProblems(OttlCompileException e) {
        List<Diagnostic> ds = new ArrayList<>();
        String source = null;
        for (OttlCompileException.Problem p : e.problems()) {
            ds.add(p.diagnostic());
            source = p.source();
        }
        problems(source, ds);
    }

    void problems(String source, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            String formatted = d.format(source);
            String[] lines = formatted.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                out.println(i == 0 ? (d.isError() ? style.error(l) : style.changed(l)) : l);
            }
        }
        hintContext(diagnostics);
    }

    /** A path prefixed with a context this one cannot reach usually means "switch context". */
    private void hintContext(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            for (ContextKind k : ContextKind.values()) {
                if (k != session.context() && d.message().contains("segment \"" + k.configName() + "\"")) {
                    out.println(style.dim("hint: " + k.configName() + ".* paths need the " + k.configName() + " context: :context "
                            + k.configName()));
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ records

    private boolean hasRecords(ContextKind ctx) {
        if (!session.data().batchesFor(ctx).isEmpty()) {
            return true;
        }
        out.println(style.error("no " + ctx.signals().stream().map(s -> s.name().toLowerCase()).toList()
                + " data is loaded, so the " + ctx + " context has no records; :load a file or change :context"));
        return false;
    }

    /** Every record of the context across the loaded batches, in the order {@link Records} visits them. */
    static void forEachRecord(Dataset data, ContextKind ctx, Consumer<TransformContext> action) {
        for (TelemetryBatch<?> b : data.batchesFor(ctx)) {
            Records.forEach(ctx, b, action);
        }
    }

    /** The units of the context in visiting order (the same order as {@link #forEachRecord}). */
    List<Units.Unit> unitsOf(ContextKind ctx) {
        return new ArrayList<>(Units.of(session.data(), EnumSet.of(ctx)).values());
    }
}
