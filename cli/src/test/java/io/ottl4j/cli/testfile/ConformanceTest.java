package io.ottl4j.cli.testfile;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The OTTL conformance corpus: every case of ../shared/conformance when that folder is there (CI and
 * developer machines), else the project's own copy in test resources, which is refreshed from it.
 */
class ConformanceTest {
    static Path corpus() {
        String shared = System.getProperty("ottl.shared.dir");
        if (shared != null && Files.isDirectory(Path.of(shared, "conformance"))) {
            return Path.of(shared, "conformance");
        }
        return Path.of("src/test/resources/conformance");
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return CaseFiles.tests(corpus(), Ottl.create());
    }
}
