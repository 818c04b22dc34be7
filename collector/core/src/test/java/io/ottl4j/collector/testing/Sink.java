package io.ottl4j.collector.testing;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A consumer that keeps every batch it receives (the objects themselves, so tests can check identity). */
public class Sink implements Consumer {
    private final boolean mutates;
    private final List<TelemetryBatch<?>> batches = new CopyOnWriteArrayList<>();

    public Sink() {
        this(false);
    }

    public Sink(boolean mutates) {
        this.mutates = mutates;
    }

    @Override
    public void consume(TelemetryBatch<?> batch) {
        batches.add(batch);
    }

    @Override
    public boolean mutatesData() {
        return mutates;
    }

    public List<TelemetryBatch<?>> batches() {
        return batches;
    }

    public TelemetryBatch<?> only() {
        if (batches.size() != 1) {
            throw new AssertionError("expected one batch, got " + batches.size() + ": " + batches);
        }
        return batches.get(0);
    }

    /**
     * Waits until {@code n} batches arrived; returns whether they did. The bound is {@code millis} but never less
     * than {@link Harness#MIN_WAIT}: on a busy machine a wait only fails when something is really wrong.
     */
    public boolean await(int n, long millis) throws InterruptedException {
        long end = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(millis), Harness.MIN_WAIT.toNanos());
        while (batches.size() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return batches.size() >= n;
    }
}
