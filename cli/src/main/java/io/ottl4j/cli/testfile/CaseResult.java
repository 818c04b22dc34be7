package io.ottl4j.cli.testfile;

/** The outcome of one case, printed as {@code PASS name}, {@code FAIL name: why} or {@code SKIP name: reason}. */
public record CaseResult(Status status, String name, String message) {
    public enum Status { PASS, FAIL, SKIP }

    static CaseResult pass(String name) {
        return new CaseResult(Status.PASS, name, null);
    }

    static CaseResult fail(String name, String message) {
        return new CaseResult(Status.FAIL, name, message);
    }

    static CaseResult skip(String name, String reason) {
        return new CaseResult(Status.SKIP, name, reason);
    }

    public String line() {
        return status + " " + name + (message == null ? "" : ": " + message);
    }
}
