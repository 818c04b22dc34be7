package io.ottl4j.repl;

import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import io.ottl4j.pdata.Signal;
import io.ottl4j.repl.data.Dataset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** What a REPL session holds: the engine, the current context, the data, and the statements applied. */
final class Session {
    /** A statement that changed the data: where it ran, and the data just before (for :undo and :trace). */
    record Step(ContextKind context, String statement, List<Signal> signals, Dataset before) {
    }

    /** Built in the background: loading the function library must not delay the prompt. */
    private final java.util.concurrent.CompletableFuture<Ottl> ottl;
    private ContextKind context;
    private Dataset base;
    private Dataset data;
    private boolean samples;
    private final Deque<Step> steps = new ArrayDeque<>();
    private ErrorMode saveErrorMode = ErrorMode.IGNORE;

    Session(java.util.concurrent.CompletableFuture<Ottl> ottl, ContextKind context, Dataset base, boolean samples) {
        this.ottl = ottl;
        this.context = context;
        this.base = base;
        this.data = base.deepCopy();
        this.samples = samples;
    }

    Ottl ottl() {
        return ottl.join();
    }

    ContextKind context() {
        return context;
    }

    void context(ContextKind c) {
        context = c;
    }

    Dataset data() {
        return data;
    }

    /** True while the data is the bundled samples (the first :load replaces them). */
    boolean samples() {
        return samples;
    }

    /** Adds loaded batches: they replace the samples, or join earlier loads. The data restarts from what is loaded: statements applied so far are forgotten. */
    void load(Dataset loaded) {
        Dataset nb = samples ? new Dataset() : base.deepCopy();
        loaded.sources().forEach(s -> nb.add(s.origin(), s.batch()));
        base = nb;
        samples = false;
        data = base.deepCopy();
        steps.clear();
    }

    void record(Step step) {
        steps.push(step);
    }

    /** Applied statements, oldest first. */
    List<Step> steps() {
        List<Step> out = new ArrayList<>(steps);
        java.util.Collections.reverse(out);
        return out;
    }

    Step lastStep() {
        return steps.peek();
    }

    /** Reverts the last statement; null when there is none. */
    Step undo() {
        Step s = steps.poll();
        if (s != null) {
            data = s.before();
        }
        return s;
    }

    /** Back to the data as loaded, with no statements. */
    int reset() {
        int n = steps.size();
        steps.clear();
        data = base.deepCopy();
        return n;
    }

    ErrorMode saveErrorMode() {
        return saveErrorMode;
    }

    void saveErrorMode(ErrorMode m) {
        saveErrorMode = m;
    }
}
