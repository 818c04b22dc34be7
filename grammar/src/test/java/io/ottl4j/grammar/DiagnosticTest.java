package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.grammar.ast.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void formatShowsTheLineCaretsAndHelp() {
        String text = "set(x, 1 where y == 1";
        ParseResult<?> result = OttlParser.parseStatement(text);
        assertThat(result.format(text)).isEqualTo("""
                error[OTTL-E005] 1:10: expected ')' or ',' but found 'where'
                  set(x, 1 where y == 1
                           ^^^^^""");
    }

    @Test
    void caretsFollowTabsAndStopAtTheEndOfTheLine() {
        String text = "a\n\tb ccc\nd";
        Diagnostic d = Diagnostic.error("OTTL-E005", "m", SourceSpan.of(text, 5, 10), "do this");
        assertThat(d.format(text)).isEqualTo("error[OTTL-E005] 2:4: m\n  \tb ccc\n  \t  ^^^\n  help: do this");
    }

    @Test
    void zeroWidthSpanGetsOneCaret() {
        String text = "set(";
        assertThat(OttlParser.parseStatement(text).format(text)).endsWith("\n  set(\n      ^");
    }

    @Test
    void warningsDoNotRejectTheInput() {
        ParseResult<?> result = OttlParser.parseValueExpression("010");
        assertThat(result.ok()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.header()).startsWith("warning[OTTL-E008] 1:1: ");
        });
    }

    @Test
    void allErrorsAreCollected() {
        String text = "set(attributes[\"x\"], \"\\d\", 'a', 0x1) where name = 1";
        ParseResult<?> result = OttlParser.parseStatement(text);
        assertThat(Parsing.codes(result)).containsExactly("OTTL-E004", "OTTL-E003", "OTTL-E010", "OTTL-E014");
        assertThat(result.diagnostics()).isSortedAccordingTo((a, b) -> a.span().start() - b.span().start());
    }

    @Test
    void orElseThrowCarriesTheDiagnostics() {
        ParseResult<?> result = OttlParser.parseCondition("a ==");
        assertThatThrownBy(result::orElseThrow).isInstanceOfSatisfying(OttlSyntaxException.class,
                e -> assertThat(e.diagnostics()).isEqualTo(result.diagnostics()))
                .hasMessageContaining("OTTL-E005");
    }

    @Test
    void parseResultHasATreeExactlyWhenThereIsNoError() {
        assertThatThrownBy(() -> new ParseResult<>("tree",
                java.util.List.of(Diagnostic.error("OTTL-E005", "m", new SourceSpan(0, 0, 1, 1, 1, 1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult<>(null, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAreUniqueAndInTheGrammarRange() {
        assertThat(Arrays.stream(SyntaxCode.values()).map(SyntaxCode::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("OTTL-E0\\d\\d"));
    }

    @Test
    void everyCodeIsDocumented() throws IOException {
        Path doc = Path.of(System.getProperty("ottl.project.dir", ".."), "docs", "diagnostics.md");
        if (!Files.exists(doc)) {
            doc = Path.of("..", "docs", "diagnostics.md");
        }
        String text = Files.readString(doc);
        int start = text.indexOf("## Syntax (grammar module)");
        assertThat(start).as("section in %s", doc).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        String section = end < 0 ? text.substring(start) : text.substring(start, end);
        for (SyntaxCode code : SyntaxCode.values()) {
            assertThat(section).as("docs for %s", code.code()).contains("### " + code.code());
        }
    }
}
