package io.ottl4j.repl;

import com.oracle.truffle.api.Truffle;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.Records;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.repl.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code :time}: runs compiled OTTL over copies of the records, first to warm up (so Truffle compiles
 * it), then timed. Small data sets get a fresh copy per run so that appending statements do not make
 * each run slower than the last; copying is never timed.
 */
final class Timing {
    record Result(int records, long runs, double nsPerRecord, long warmupMillis, String runtime, long errors) {
    }

    private Timing() {
    }

    static Result measure(Dataset data, ContextKind ctx, Consumer<TransformContext> action) {
        long budget = Long.getLong("ottl.repl.timeMillis", 2500);
        long warmup = budget * 3 / 5;
        long measure = budget - warmup;
        Dataset copy = data.deepCopy();
        List<TransformContext> records = records(copy, ctx);
        if (records.isEmpty()) {
            return new Result(0, 0, 0, 0, runtime(), 0);
        }
        boolean fresh = records.size() <= 2000;
        long[] errors = {0};
        long start = System.nanoTime();
        while (System.nanoTime() - start < warmup * 1_000_000L) {
            records = fresh ? records(data.deepCopy(), ctx) : records;
            runAll(records, action, errors);
        }
        long runs = 0;
        long timed = 0;
        long begin = System.nanoTime();
        do {
            if (fresh) {
                records = records(data.deepCopy(), ctx);
            }
            long t0 = System.nanoTime();
            runAll(records, action, errors);
            timed += System.nanoTime() - t0;
            runs++;
        } while (System.nanoTime() - begin < measure * 1_000_000L);
        return new Result(records.size(), runs, (double) timed / (runs * records.size()), warmup, runtime(), errors[0]);
    }

    private static void runAll(List<TransformContext> records, Consumer<TransformContext> action, long[] errors) {
        for (TransformContext r : records) {
            try {
                action.accept(r);
            } catch (RuntimeException e) {
                errors[0]++;
            }
        }
    }

    private static List<TransformContext> records(Dataset data, ContextKind ctx) {
        List<TransformContext> out = new ArrayList<>();
        for (TelemetryBatch<?> b : data.batchesFor(ctx)) {
            Records.forEach(ctx, b, out::add);
        }
        return out;
    }

    private static String runtime() {
        try {
            return Truffle.getRuntime().getName();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
