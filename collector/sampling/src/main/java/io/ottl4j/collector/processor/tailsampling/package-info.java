/**
 * The {@code tail_sampling} processor (collector-spec §3.8): buffers spans by trace, decides each trace with
 * an ordered list of policies after {@code decision_wait}, and forwards only the sampled traces.
 */
package io.ottl4j.collector.processor.tailsampling;
