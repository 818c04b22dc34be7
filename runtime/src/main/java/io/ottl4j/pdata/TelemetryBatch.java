package io.ottl4j.pdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request's worth of telemetry of one signal (pdata {@code ptrace.Traces} / {@code pmetric.Metrics} /
 * {@code plog.Logs} / {@code pprofile.Profiles}): resource groups → scope groups → items. Profiles point into
 * dictionaries ({@link ProfilesDictionary}) that the batch's copy and encoding handle ({@link ProfilesDictionaries}).
 */
public final class TelemetryBatch<T extends TelemetryItem<T>> {
    private final Signal signal;
    private final ArrayList<ResourceGroup<T>> resources = new ArrayList<>(1);

    private TelemetryBatch(Signal signal) {
        this.signal = Objects.requireNonNull(signal, "signal");
    }

    public static TelemetryBatch<Span> traces() {
        return new TelemetryBatch<>(Signal.TRACES);
    }

    public static TelemetryBatch<Metric> metrics() {
        return new TelemetryBatch<>(Signal.METRICS);
    }

    public static TelemetryBatch<LogRecord> logs() {
        return new TelemetryBatch<>(Signal.LOGS);
    }

    public static TelemetryBatch<Profile> profiles() {
        return new TelemetryBatch<>(Signal.PROFILES);
    }

    /** An empty batch of the given signal, for code that handles signals generically. */
    public static TelemetryBatch<?> of(Signal signal) {
        return switch (signal) {
            case TRACES -> traces();
            case METRICS -> metrics();
            case LOGS -> logs();
            case PROFILES -> profiles();
        };
    }

    public Signal signal() {
        return signal;
    }

    /** The resource groups; a mutable list. */
    public List<ResourceGroup<T>> resources() {
        return resources;
    }

    /** Appends a new empty resource group and returns it. */
    public ResourceGroup<T> addResource() {
        ResourceGroup<T> r = new ResourceGroup<>();
        resources.add(r);
        return r;
    }

    /** The number of spans, metrics, log records or profiles. */
    public int itemCount() {
        int n = 0;
        for (ResourceGroup<T> r : resources) {
            n += r.itemCount();
        }
        return n;
    }

    /** For metrics, the number of data points (what the collector's batching counts); otherwise {@link #itemCount()}. */
    public int dataPointCount() {
        if (signal != Signal.METRICS) {
            return itemCount();
        }
        int n = 0;
        for (ResourceGroup<T> r : resources) {
            for (ScopeGroup<T> s : r.scopes()) {
                for (T item : s.items()) {
                    n += ((Metric) item).dataPoints().size();
                }
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return itemCount() == 0;
    }

    @SuppressWarnings("unchecked")
    public TelemetryBatch<T> deepCopy() {
        if (signal == Signal.PROFILES) { // profiles that shared a dictionary share its one copy
            return (TelemetryBatch<T>) ProfilesDictionaries.deepCopy(asProfiles());
        }
        TelemetryBatch<T> c = new TelemetryBatch<>(signal);
        c.resources.ensureCapacity(resources.size());
        for (ResourceGroup<T> r : resources) {
            c.resources.add(r.deepCopy());
        }
        return c;
    }

    /** This batch as a trace batch; {@link IllegalStateException} if it holds another signal. */
    @SuppressWarnings("unchecked")
    public TelemetryBatch<Span> asTraces() {
        expect(Signal.TRACES);
        return (TelemetryBatch<Span>) this;
    }

    /** This batch as a metric batch; {@link IllegalStateException} if it holds another signal. */
    @SuppressWarnings("unchecked")
    public TelemetryBatch<Metric> asMetrics() {
        expect(Signal.METRICS);
        return (TelemetryBatch<Metric>) this;
    }

    /** This batch as a log batch; {@link IllegalStateException} if it holds another signal. */
    @SuppressWarnings("unchecked")
    public TelemetryBatch<LogRecord> asLogs() {
        expect(Signal.LOGS);
        return (TelemetryBatch<LogRecord>) this;
    }

    /** This batch as a profile batch; {@link IllegalStateException} if it holds another signal. */
    @SuppressWarnings("unchecked")
    public TelemetryBatch<Profile> asProfiles() {
        expect(Signal.PROFILES);
        return (TelemetryBatch<Profile>) this;
    }

    private void expect(Signal s) {
        if (signal != s) {
            throw new IllegalStateException("expected a " + s + " batch, this one holds " + signal);
        }
    }

    @Override
    public String toString() {
        return "TelemetryBatch{" + signal + ", resources=" + resources.size() + ", items=" + itemCount() + "}";
    }
}
