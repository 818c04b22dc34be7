package io.ottl4j.cli.testfile;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Path coverage of every context: cli/src/test/resources/contexts/*.yaml, one file per context (reads,
 * writes, ignored wrong-type writes, erroring setters, prefixes, keys, enums and binding errors).
 */
class ContextCasesTest {
    @TestFactory
    Stream<DynamicTest> contexts() throws IOException {
        return CaseFiles.tests(Path.of("src/test/resources/contexts"), Ottl.create());
    }
}
