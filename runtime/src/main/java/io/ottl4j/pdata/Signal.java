package io.ottl4j.pdata;

/** The OTLP signals this runtime carries (profiles: OTLP's development-stage profiles signal). */
public enum Signal {
    TRACES,
    METRICS,
    LOGS,
    PROFILES
}
