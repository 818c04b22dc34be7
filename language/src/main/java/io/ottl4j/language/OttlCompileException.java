package io.ottl4j.language;

import io.ottl4j.grammar.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Statements or conditions that do not compile: every diagnostic of every input, each with the index
 * and text of the input it belongs to.
 */
public final class OttlCompileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The stage that rejected the input: the grammar, or the binder. */
    public enum Stage { PARSE, COMPILE }

    /** One diagnostic and the input (statement, condition or expression) it is about. */
    public record Problem(int index, String source, Diagnostic diagnostic) {
        public Stage stage() {
            return diagnostic.code().compareTo("OTTL-E100") < 0 ? Stage.PARSE : Stage.COMPILE;
        }

        public String format() {
            return diagnostic.format(source);
        }
    }

    private final transient List<Problem> problems;

    public OttlCompileException(List<Problem> problems) {
        super(problems.stream().map(p -> p.diagnostic().code() + " " + p.diagnostic().span() + ": " + p.diagnostic().message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** PARSE when any input failed to parse, else COMPILE. */
    public Stage stage() {
        return problems.stream().anyMatch(p -> p.stage() == Stage.PARSE) ? Stage.PARSE : Stage.COMPILE;
    }

    /** Every problem rendered with its source line and a caret, for terminals. */
    public String format() {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
