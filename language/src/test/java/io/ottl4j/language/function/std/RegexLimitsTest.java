package io.ottl4j.language.function.std;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.PatternSyntaxException;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import io.ottl4j.language.OttlCompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9 defect 7: Go's regexp limits, which RE2/J lacks, so that a pattern cannot cost seconds per record. */
class RegexLimitsTest {
    @Test
    void nestedRepeatsBeyondAThousandCopiesAreRejectedAsInGo() {
        assertThatThrownBy(() -> GoRegex.compile("(a{1000}){1000}")).isInstanceOf(PatternSyntaxException.class)
                .hasMessageContaining("invalid repeat count");
        assertThatThrownBy(() -> GoRegex.compile("((a{10}){10}){11}")).hasMessageContaining("invalid repeat count");
        assertThatThrownBy(() -> GoRegex.compile("(?:x{2}|y{500}){3}")).hasMessageContaining("invalid repeat count");
    }

    @Test
    void ordinaryPatternsStillCompile() {
        for (String ok : List.of("(a{10}){100}", "a{1000}", "[{}]{2,5}", "x{", "\\{1000\\}{1000}", "(?i)ab{3}", "(?P<n>a{2}){3}",
                "[a-z]+@[a-z]+\\.com", "\\Q(a{1000}){1000}\\E", "(a*)*", "^\\[")) {
            assertThat(GoRegex.syntaxError(ok)).as(ok).isNull();
        }
    }

    @Test
    void nestingTooDeepAndTooLarge() {
        assertThatThrownBy(() -> GoRegex.compile("(".repeat(1001) + "a" + ")".repeat(1001))).hasMessageContaining("nests too deeply");
        assertThatThrownBy(() -> GoRegex.compile("([a-z]{1000}){1000}|".repeat(1) + "b")).hasMessageContaining("invalid repeat count");
        assertThatThrownBy(() -> GoRegex.compile("(?:[a-z]{1000}[0-9]{1000}){1000}")).hasMessageContaining("invalid repeat count");
        assertThatThrownBy(() -> GoRegex.compile("[a-z]{1000}".repeat(4000))).hasMessageContaining("expression too large");
    }

    @Test
    void isMatchWithSuchAPatternIsAClearCompileError() {
        assertThatThrownBy(() -> Ottl.create().compileStatements(ContextKind.LOG,
                List.of("set(log.attributes[\"m\"], true) where IsMatch(log.body, \"(a{1000}){1000}\")"), ErrorMode.PROPAGATE))
                .isInstanceOf(OttlCompileException.class).hasMessageContaining("invalid repeat count");
    }
}
