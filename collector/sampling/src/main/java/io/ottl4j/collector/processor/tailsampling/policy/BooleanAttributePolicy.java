package io.ottl4j.collector.processor.tailsampling.policy;

/** {@code boolean_attribute}: a value equal to {@code value} (as Go's {@code Value.Bool()}, another type reads false). */
public final class BooleanAttributePolicy extends AttributePolicy {
    private final boolean expected;

    public BooleanAttributePolicy(String key, boolean expected, boolean invert, boolean plainInverted) {
        super(key, invert, plainInverted);
        this.expected = expected;
    }

    @Override
    boolean matchesResource(Object value) {
        boolean b = value instanceof Boolean x && x;
        return b == expected;
    }
}
