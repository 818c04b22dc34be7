package io.ottl4j.pdata;

/** The three OTLP signals this runtime carries. */
public enum Signal {
    TRACES,
    METRICS,
    LOGS
}
