/** The {@code tail_sampling} policies: one evaluator per policy type, with the trace they look at. */
package io.ottl4j.collector.processor.tailsampling.policy;
