package io.ottl4j.cli.testfile;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    /**
     * Cases derived from upstream's implementation (not from an upstream assertion) where upstream's code
     * says otherwise; the corpus README asks to follow upstream. Each is reported as skipped with why.
     */
    static final Map<String, String> FOLLOWS_UPSTREAM_INSTEAD = Map.of(
            "func-078", "upstream's ToKeyValueString escapes \" inside values (escapeAndQuoteKV), so the result is "
                    + "k1=v1 k2={\\\"k3\\\":\\\"v3\\\"}; the case was derived without the escaping");

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return CaseFiles.tests(corpus(), Ottl.create(), FOLLOWS_UPSTREAM_INSTEAD);
    }
}
