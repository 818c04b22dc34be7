package io.ottl4j.repl;

/** ANSI colours for terminal output, or nothing at all for scripts and tests. */
public final class Style {
    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    private String wrap(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    public String added(String s) {
        return wrap("32", s);
    }

    public String removed(String s) {
        return wrap("31", s);
    }

    public String changed(String s) {
        return wrap("33", s);
    }

    public String error(String s) {
        return wrap("1;31", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String accent(String s) {
        return wrap("36", s);
    }

    public String path(String s) {
        return wrap("34", s);
    }
}
