package io.ottl4j.language.inspect;

import io.ottl4j.grammar.Diagnostic;
import java.util.List;

/**
 * What a statement, condition or value expression means once bound: one line per element, indented by
 * {@code depth}, plus the problems that stop it from compiling.
 *
 * @param kind     {@code statement}, {@code condition} or {@code expression}
 * @param lines    the bound form, outermost first
 * @param problems syntax or binding errors (empty when it compiles)
 */
public record Explanation(String kind, List<Line> lines, List<Diagnostic> problems) {
    /**
     * One element of the bound form.
     *
     * @param depth   nesting level (0 for the statement itself)
     * @param role    what the element is for: {@code editor}, a parameter name, {@code where}, {@code left}...
     * @param source  the element as written
     * @param meaning what it binds to: the path's context and type, the function's signature, the argument form
     */
    public record Line(int depth, String role, String source, String meaning) {
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
