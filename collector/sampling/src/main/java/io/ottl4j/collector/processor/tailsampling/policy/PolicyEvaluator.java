package io.ottl4j.collector.processor.tailsampling.policy;

/**
 * Decides one trace. Implementations with state (rate limits, composite budgets) are called from several
 * shards at once and synchronise themselves; the others are immutable.
 *
 * @see Decision
 */
public interface PolicyEvaluator {
    /** @throws Exception an evaluation error: counted, logged at debug, and otherwise ignored (as upstream) */
    Decision evaluate(TraceData trace) throws Exception;

    /** Whether the decision depends on more than the spans seen so far (refused by {@code span-ingest}). */
    default boolean stateful() {
        return false;
    }
}
