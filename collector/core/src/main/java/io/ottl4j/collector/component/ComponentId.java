package io.ottl4j.collector.component;

import java.util.regex.Pattern;

/** A component ID: {@code type} or {@code type/name}. Only the first {@code /} splits. */
public record ComponentId(String type, String name) {
    private static final Pattern TYPE = Pattern.compile("^[a-zA-Z][0-9a-zA-Z_]{0,62}$");
    private static final Pattern NAME = Pattern.compile("^[^\\p{Z}\\p{C}\\p{S}]+$");

    /** Parses and validates an ID; throws {@link IllegalArgumentException} with upstream-like wording. */
    public static ComponentId parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String type = slash < 0 ? t : t.substring(0, slash).trim();
        String name = slash < 0 ? "" : t.substring(slash + 1).trim();
        if (type.isEmpty()) {
            throw new IllegalArgumentException("id \"" + text + "\": the part before / should not be empty");
        }
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("invalid character(s) in type \"" + type + "\": must match " + TYPE.pattern());
        }
        if (slash >= 0) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("id \"" + text + "\": the part after / should not be empty");
            }
            if (name.length() > 1024 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid character(s) in name \"" + name + "\"");
            }
        }
        return new ComponentId(type, name);
    }

    public static ComponentId of(String type) {
        return new ComponentId(type, "");
    }

    public ComponentId withType(String newType) {
        return new ComponentId(newType, name);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? type : type + "/" + name;
    }
}
