package io.ottl4j.collector.config;

/**
 * One configuration error: where (file, line, column), which key path ({@code processors::transform::trace_statements[0]}),
 * and what. {@code code} is a stable identifier (e.g. {@code unknown-key}, or an OTTL code such as {@code OTTL-E101}).
 */
public record ConfigProblem(Location location, String path, String code, String message) {
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(location);
        if (path != null && !path.isEmpty()) {
            sb.append(": ").append(path);
        }
        sb.append(": ");
        if (code != null && !code.isEmpty()) {
            sb.append('[').append(code).append("] ");
        }
        sb.append(message);
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
