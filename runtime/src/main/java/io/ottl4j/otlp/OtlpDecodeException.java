package io.ottl4j.otlp;

/**
 * An OTLP payload that cannot be decoded. The message starts with the JSON path of the offending value
 * (for example {@code resourceSpans[0].scopeSpans[0].spans[2].traceId}) and says what is wrong with it;
 * protobuf errors use the same path notation with proto field names where one is known.
 */
public final class OtlpDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public OtlpDecodeException(String path, String problem) {
        this(path, problem, null);
    }

    public OtlpDecodeException(String path, String problem, Throwable cause) {
        super(path == null || path.isEmpty() ? problem : path + ": " + problem, cause);
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    /** Where the problem is ({@code ""} for the document as a whole). */
    public String path() {
        return path;
    }

    /** What the problem is, without the path. */
    public String problem() {
        return problem;
    }
}
