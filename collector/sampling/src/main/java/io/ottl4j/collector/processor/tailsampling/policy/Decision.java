package io.ottl4j.collector.processor.tailsampling.policy;

/** What a policy says about a trace (upstream's sampling.Decision). */
public enum Decision {
    /** Not decided yet: the trace is still buffered. */
    PENDING("pending"),
    SAMPLED("sampled"),
    NOT_SAMPLED("not_sampled"),
    /** From {@code drop} policies: wins over every other decision. */
    DROPPED("dropped"),
    /** {@code invert_match} found no matching value (deprecated upstream in favour of {@code not}). */
    INVERT_SAMPLED("sampled"),
    /** {@code invert_match} found a matching value: wins over SAMPLED. */
    INVERT_NOT_SAMPLED("not_sampled");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** The value of the {@code decision} metric attribute (inverted decisions count as their plain form). */
    public String label() {
        return label;
    }

    public boolean samples() {
        return this == SAMPLED || this == INVERT_SAMPLED;
    }
}
