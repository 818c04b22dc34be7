package io.ottl4j.language.internal.contexts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The enum symbols of each context, resolved to ints at compile time. */
final class Enums {
    private Enums() {
    }

    private static void numbered(Map<String, Long> m, String prefix, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            m.put(prefix + names.get(i), (long) i);
        }
    }

    static Map<String, Long> span() {
        Map<String, Long> m = new LinkedHashMap<>();
        numbered(m, "SPAN_KIND_", List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"));
        numbered(m, "STATUS_CODE_", List.of("UNSET", "OK", "ERROR"));
        return m;
    }

    static Map<String, Long> metric() {
        Map<String, Long> m = new LinkedHashMap<>();
        numbered(m, "AGGREGATION_TEMPORALITY_", List.of("UNSPECIFIED", "DELTA", "CUMULATIVE"));
        numbered(m, "METRIC_DATA_TYPE_", List.of("NONE", "GAUGE", "SUM", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM", "SUMMARY"));
        return m;
    }

    static Map<String, Long> dataPoint() {
        Map<String, Long> m = new LinkedHashMap<>();
        numbered(m, "FLAG_", List.of("NONE", "NO_RECORDED_VALUE"));
        return m;
    }

    /** The profiles proto's {@code AggregationTemporality} (same names and numbers as the metrics one). */
    static Map<String, Long> profile() {
        Map<String, Long> m = new LinkedHashMap<>();
        numbered(m, "AGGREGATION_TEMPORALITY_", List.of("UNSPECIFIED", "DELTA", "CUMULATIVE"));
        return m;
    }

    static Map<String, Long> log() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("SEVERITY_NUMBER_UNSPECIFIED", 0L);
        long n = 1;
        for (String level : List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL")) {
            m.put("SEVERITY_NUMBER_" + level, n++);
            for (int i = 2; i <= 4; i++) {
                m.put("SEVERITY_NUMBER_" + level + i, n++);
            }
        }
        return m;
    }
}
