/** Internals of the {@code tail_sampling} processor: self-telemetry, decision caches, span sizes. */
package io.ottl4j.collector.processor.tailsampling.internal;
