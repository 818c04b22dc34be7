package io.ottl4j.lsp.service;

import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.OttlCompileException;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.PathMode;
import io.ottl4j.language.Records;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.repl.data.Dataset;
import io.ottl4j.repl.data.Diff;
import io.ottl4j.repl.data.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a statement group on the REPL's bundled sample telemetry and says what changed, as the REPL shows it. */
public final class Runner {
    /** The outcome: records of the context, records changed, runtime errors, and the REPL-style report. */
    public record Run(String context, int records, int changed, List<String> errors, String report) {
    }

    private Runner() {
    }

    public static Run run(Group g) {
        ContextKind ctx = g.context();
        List<String> conds = g.conditions.stream().map(Snippet::text).toList();
        List<String> stmts = g.statements.stream().map(Snippet::text).toList();
        CompiledStatements cs;
        try {
            cs = OttlCompiler.ottl().compileGroup(ctx, conds, stmts, ErrorMode.PROPAGATE, g.inferred() ? PathMode.PREFIXED : PathMode.LEGACY);
        } catch (OttlCompileException e) {
            return new Run(ctx.configName(), 0, 0, List.of(e.getMessage()), "does not compile: " + e.getMessage());
        }
        Dataset data = Dataset.samples();
        Map<String, Units.Unit> before = Units.all(data);
        List<String> errors = new ArrayList<>();
        int[] count = {0};
        for (TelemetryBatch<?> b : data.batchesFor(ctx)) {
            Records.forEach(ctx, b, r -> {
                count[0]++;
                try {
                    cs.execute(r);
                } catch (OttlRuntimeException e) {
                    errors.add(ctx.configName() + " #" + count[0] + ": " + e.getMessage());
                }
            });
        }
        List<Diff.RecordChange> changes = Diff.of(before, Units.all(data));
        StringBuilder sb = new StringBuilder();
        sb.append(changes.size()).append(" of ").append(count[0]).append(' ').append(ctx.configName()).append(count[0] == 1 ? "" : "s")
                .append(" changed (").append(ctx.configName()).append(" context, sample telemetry)\n");
        for (Diff.RecordChange c : changes) {
            sb.append(c.unit().title()).append(c.isNew() ? " (new)" : c.isGone() ? " (removed)" : "").append('\n');
            for (Diff.Change f : c.changes()) {
                if (f.added()) {
                    sb.append("  + ").append(f.path()).append(": ").append(f.after()).append('\n');
                } else if (f.removed()) {
                    sb.append("  - ").append(f.path()).append(": ").append(f.before()).append('\n');
                } else {
                    sb.append("  ~ ").append(f.path()).append(": ").append(f.before()).append(" → ").append(f.after()).append('\n');
                }
            }
        }
        for (String e : errors) {
            sb.append("runtime error: ").append(e).append('\n');
        }
        return new Run(ctx.configName(), count[0], changes.size(), errors, sb.toString());
    }
}
