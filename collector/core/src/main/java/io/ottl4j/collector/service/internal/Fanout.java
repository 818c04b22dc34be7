package io.ottl4j.collector.service.internal;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each batch to several consumers. Read-only consumers share the original; consumers that mutate get
 * their own copy, except that when every consumer mutates the last one gets the original (one copy saved).
 * Every consumer is called even when an earlier one fails; the first error is rethrown. A fan-out whose
 * consumers all mutate hands its input to one of them, so it declares itself mutating: whoever feeds it must
 * not share that batch with anyone else (forward connectors sit between two fan-outs).
 */
public final class Fanout implements Consumer {
    private final Consumer[] readOnly;
    private final Consumer[] mutating;

    private Fanout(List<Consumer> readOnly, List<Consumer> mutating) {
        this.readOnly = readOnly.toArray(Consumer[]::new);
        this.mutating = mutating.toArray(Consumer[]::new);
    }

    /** A single consumer is returned as is. */
    public static Consumer of(List<? extends Consumer> consumers) {
        if (consumers.size() == 1) {
            return consumers.get(0);
        }
        List<Consumer> ro = new ArrayList<>();
        List<Consumer> mu = new ArrayList<>();
        for (Consumer c : consumers) {
            (c.mutatesData() ? mu : ro).add(c);
        }
        return new Fanout(ro, mu);
    }

    @Override
    public boolean mutatesData() {
        return mutating.length > 0 && readOnly.length == 0;
    }

    @Override
    public void consume(TelemetryBatch<?> batch) throws Exception {
        Exception first = null;
        for (int i = 0; i < mutating.length; i++) {
            boolean last = i == mutating.length - 1 && readOnly.length == 0;
            try {
                mutating[i].consume(last ? batch : Batches.copy(batch));
            } catch (Throwable e) { // one branch's fault must not starve the others
                first = first == null ? io.ottl4j.collector.internal.Faults.asException(e) : first;
            }
        }
        for (Consumer c : readOnly) {
            try {
                c.consume(batch);
            } catch (Throwable e) { // one branch's fault must not starve the others
                first = first == null ? io.ottl4j.collector.internal.Faults.asException(e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
