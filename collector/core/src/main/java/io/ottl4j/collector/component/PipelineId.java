package io.ottl4j.collector.component;

import io.ottl4j.pdata.Signal;
import java.util.Locale;

/** A pipeline ID: {@code signal} or {@code signal/name}. */
public record PipelineId(Signal signal, String name) {
    /** The feature gate that unlocks {@code profiles} pipelines, as upstream. */
    public static final String PROFILES_GATE = "service.profilesSupport";

    /** Parses {@code traces}, {@code metrics/x}, {@code profiles}, ... (whether profiles are enabled is the config's check). */
    public static PipelineId parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String s = slash < 0 ? t : t.substring(0, slash);
        String name = slash < 0 ? "" : t.substring(slash + 1).trim();
        if (slash >= 0 && name.isEmpty()) {
            throw new IllegalArgumentException("pipeline id \"" + text + "\": the part after / should not be empty");
        }
        Signal signal = switch (s) {
            case "traces" -> Signal.TRACES;
            case "metrics" -> Signal.METRICS;
            case "logs" -> Signal.LOGS;
            case "profiles" -> Signal.PROFILES;
            default -> throw new IllegalArgumentException("unknown signal \"" + s + "\" in pipeline id \"" + text
                    + "\": use traces, metrics, logs or profiles");
        };
        return new PipelineId(signal, name);
    }

    public static String signalName(Signal s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? signalName(signal) : signalName(signal) + "/" + name;
    }
}
