package io.ottl4j.cli.testfile;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Processor-level cases (processors config, pipeline order, input, expected output): cli/src/test/resources/processors/*.yaml. */
class ProcessorCasesTest {
    @TestFactory
    Stream<DynamicTest> processors() throws IOException {
        return CaseFiles.tests(Path.of("src/test/resources/processors"), Ottl.create());
    }
}
