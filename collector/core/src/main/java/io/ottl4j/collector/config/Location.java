package io.ottl4j.collector.config;

/** Where a config value came from: a file (or {@code --set}, {@code env:...}) and a 1-based line and column. */
public record Location(String source, int line, int column) {
    public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
