/**
 * The {@code probabilistic_sampler} processor (collector-spec §3.9): per-item head sampling of spans and log
 * records by hashed trace ID ({@code hash_seed}) or OTel consistent probability sampling
 * ({@code proportional}, {@code equalizing}, OTEP 235 thresholds in {@code tracestate}).
 */
package io.ottl4j.collector.processor.probabilisticsampler;
