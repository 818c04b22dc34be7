package io.ottl4j.pdata;

/** The entity producing telemetry (OTLP {@code Resource}). */
public final class Resource extends AttributedElement {
    public Resource deepCopy() {
        Resource c = new Resource();
        c.copyFrom(this);
        return c;
    }

    /** Replaces this resource's content with a deep copy of {@code other}'s. */
    public void copyFrom(Resource other) {
        copyAttributesFrom(other);
    }

    @Override
    public String toString() {
        return "Resource" + attributes();
    }
}
