package io.ottl4j.pdata;

import java.util.Objects;

/** The library that produced a group of items (OTLP {@code InstrumentationScope}). */
public final class InstrumentationScope extends AttributedElement {
    private String name = "";
    private String version = "";

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String version() {
        return version;
    }

    public void setVersion(String version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    public InstrumentationScope deepCopy() {
        InstrumentationScope c = new InstrumentationScope();
        c.copyFrom(this);
        return c;
    }

    /** Replaces this scope's content with a deep copy of {@code other}'s. */
    public void copyFrom(InstrumentationScope other) {
        name = other.name;
        version = other.version;
        copyAttributesFrom(other);
    }

    @Override
    public String toString() {
        return "InstrumentationScope{" + name + (version.isEmpty() ? "" : " " + version) + "}";
    }
}
