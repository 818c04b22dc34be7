package io.ottl4j.pdata;

/**
 * The attributes and dropped-attributes count that most OTLP messages carry (resource, scope, span, span
 * event, span link, log record). Package-private: its public methods are part of each subclass's API.
 */
abstract class AttributedElement {
    private final AttributeMap attributes = new AttributeMap();
    private int droppedAttributesCount;

    AttributedElement() {}

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

    /** Replaces the attributes (deeply) and the dropped count with {@code other}'s. */
    final void copyAttributesFrom(AttributedElement other) {
        attributes.copyFrom(other.attributes);
        droppedAttributesCount = other.droppedAttributesCount;
    }
}
