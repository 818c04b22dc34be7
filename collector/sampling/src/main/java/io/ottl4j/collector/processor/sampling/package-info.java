/** Sampling processors: tail_sampling and probabilistic_sampler. */
package io.ottl4j.collector.processor.sampling;
