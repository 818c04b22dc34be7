package io.ottl4j.collector.telemetry;

import java.util.Locale;

/** {@code service.telemetry.metrics.level}, ordered as upstream's configtelemetry levels. */
public enum MetricsLevel {
    NONE, BASIC, NORMAL, DETAILED;

    /** Parses {@code none|basic|normal|detailed} (case-insensitive), or null. */
    public static MetricsLevel parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean atLeast(MetricsLevel other) {
        return compareTo(other) >= 0;
    }
}
