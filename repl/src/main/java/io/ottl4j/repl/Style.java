package io.ottl4j.repl;

/** ANSI colours for terminal output, or nothing at all for scripts and tests. */
public final class Style {
    private final boolean color;
    private int errors;

    public Style(boolean color) {
        this.color = color;
    }

    /** How many errors were shown. */
    public int errors() {
        return errors;
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

    /** Red, and counted: every error shown means some input failed (the exit status of a script says so). */
    public String error(String s) {
        errors++;
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
