package io.ottl4j.collector.processor.tailsampling.policy;

/**
 * {@code numeric_attribute}: an int value in [min, max]. As Go's {@code Value.Int()}, a value of another
 * type reads as 0. Unset bounds (0) are open: min → Long.MIN_VALUE, max → Long.MAX_VALUE.
 */
public final class NumericAttributePolicy extends AttributePolicy {
    private final long min;
    private final long max;

    public NumericAttributePolicy(String key, long min, long max, boolean invert, boolean plainInverted) {
        super(key, invert, plainInverted);
        this.min = min == 0 ? Long.MIN_VALUE : min;
        this.max = max == 0 ? Long.MAX_VALUE : max;
    }

    @Override
    boolean matchesResource(Object value) {
        long v = value instanceof Long l ? l : 0;
        return v >= min && v <= max;
    }
}
