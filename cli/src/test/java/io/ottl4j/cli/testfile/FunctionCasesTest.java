package io.ottl4j.cli.testfile;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The function library's own cases: cli/src/test/resources/functions/*.yaml, one file per holder. */
class FunctionCasesTest {
    @TestFactory
    Stream<DynamicTest> functions() throws IOException {
        return CaseFiles.tests(Path.of("src/test/resources/functions"), Ottl.create());
    }
}
