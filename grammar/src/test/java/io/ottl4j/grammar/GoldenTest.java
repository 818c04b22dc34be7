package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.Node;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** golden/parse: the canonical tree dump; golden/errors: the formatted diagnostics. */
class GoldenTest {

    @TestFactory
    Stream<DynamicTest> parse() {
        return GoldenFiles.cases("parse").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ParseResult<? extends Node> result = c.parse();
            assertThat(result.ok()).as("%s should parse:%n%s", c.file(), result.format(c.text())).isTrue();
            String dump = AstPrinter.print(result.tree());
            if (!result.diagnostics().isEmpty()) {
                dump += "\n" + result.format(c.text()) + "\n";
            }
            GoldenFiles.check(c, ".ast", dump);
        }));
    }

    @TestFactory
    Stream<DynamicTest> errors() {
        return GoldenFiles.cases("errors").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ParseResult<? extends Node> result = c.parse();
            assertThat(result.ok()).as("%s should not parse", c.file()).isFalse();
            GoldenFiles.check(c, ".err", result.format(c.text()) + "\n");
        }));
    }
}
