package io.ottl4j.language;

import io.ottl4j.pdata.Signal;
import java.util.List;
import java.util.Locale;

/**
 * The OTTL contexts: which kind of record a statement runs on. Each one names the signals it exists for
 * and the higher contexts its paths may reach.
 */
public enum ContextKind {
    RESOURCE("resource", List.of(Signal.TRACES, Signal.METRICS, Signal.LOGS, Signal.PROFILES)),
    SCOPE("scope", List.of(Signal.TRACES, Signal.METRICS, Signal.LOGS, Signal.PROFILES)),
    SPAN("span", List.of(Signal.TRACES)),
    SPANEVENT("spanevent", List.of(Signal.TRACES)),
    METRIC("metric", List.of(Signal.METRICS)),
    DATAPOINT("datapoint", List.of(Signal.METRICS)),
    /** One exemplar of a gauge, sum, histogram or exponential histogram data point (upstream's ottlexemplar). */
    EXEMPLAR("exemplar", List.of(Signal.METRICS)),
    LOG("log", List.of(Signal.LOGS)),
    PROFILE("profile", List.of(Signal.PROFILES));

    private final String configName;
    private final List<Signal> signals;

    ContextKind(String configName, List<Signal> signals) {
        this.configName = configName;
        this.signals = signals;
    }

    /** The name used in configs and in path prefixes ({@code span}, {@code spanevent}, ...). */
    public String configName() {
        return configName;
    }

    public List<Signal> signals() {
        return signals;
    }

    public boolean supports(Signal signal) {
        return signals.contains(signal);
    }

    /** Parses a context name; {@code log_record}/{@code instrumentation_scope} are accepted as aliases. */
    public static ContextKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "log_record", "logrecord" -> { return LOG; }
            case "instrumentation_scope" -> { return SCOPE; }
            case "span_event" -> { return SPANEVENT; }
            case "data_point" -> { return DATAPOINT; }
            default -> { }
        }
        for (ContextKind k : values()) {
            if (k.configName.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown context '" + name
                + "': use one of resource, scope, span, spanevent, metric, datapoint, exemplar, log, profile");
    }

    public static ContextKind find(String name) {
        for (ContextKind k : values()) {
            if (k.configName.equals(name)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return configName;
    }
}
