package io.ottl4j.pdata;

/** The entity producing telemetry (OTLP {@code Resource}). */
public final class Resource {
    private final AttributeMap attributes = new AttributeMap();
    private int droppedAttributesCount;

    public AttributeMap attributes() {
        return attributes;
    }

    /** An OTLP uint32; read it with {@link Integer#toUnsignedLong} when it may exceed {@code Integer.MAX_VALUE}. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public void setDroppedAttributesCount(int count) {
        this.droppedAttributesCount = count;
    }

    public Resource deepCopy() {
        Resource c = new Resource();
        c.copyFrom(this);
        return c;
    }

    /** Replaces this resource's content with a deep copy of {@code other}'s. */
    public void copyFrom(Resource other) {
        attributes.copyFrom(other.attributes);
        droppedAttributesCount = other.droppedAttributesCount;
    }

    @Override
    public String toString() {
        return "Resource" + attributes;
    }
}
