package io.ottl4j.collector.processor.probabilisticsampler;

/** {@code mode}: upstream's hash-based legacy sampling or one of the two OTEP 235 consistent modes. */
public enum SamplerMode {
    HASH_SEED, EQUALIZING, PROPORTIONAL
}
