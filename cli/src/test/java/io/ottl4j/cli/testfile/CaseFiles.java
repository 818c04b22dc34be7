package io.ottl4j.cli.testfile;

import static org.junit.jupiter.api.Assertions.fail;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** Turns test files into JUnit dynamic tests, one per case, through the same runner as {@code ottl test}. */
public final class CaseFiles {
    private CaseFiles() {
    }

    /** Every case of every {@code *.yaml} file in {@code dir}; a folder without one is an error, not zero tests. */
    public static Stream<DynamicTest> tests(Path dir, Ottl ottl) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return tests(files, ottl);
    }

    /** Every case of {@code files}, in order; no file, or no case at all, is an error. */
    public static Stream<DynamicTest> tests(List<Path> files, Ottl ottl) throws IOException {
        if (files.isEmpty()) {
            throw new AssertionError("no test file found");
        }
        TestRunner runner = new TestRunner(ottl);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            TestFile file;
            try {
                file = TestFile.read(f);
            } catch (TestFile.FormatException e) {
                tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> fail(e.getMessage())));
                continue;
            }
            for (TestCase c : file.cases()) {
                String name = f.getFileName() + ":" + c.line() + " " + c.name();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    CaseResult r = runner.run(file, c);
                    Assumptions.assumeTrue(r.status() != CaseResult.Status.SKIP, r.message());
                    if (r.status() == CaseResult.Status.FAIL) {
                        fail(name + ": " + r.message());
                    }
                }));
            }
        }
        if (tests.isEmpty()) {
            throw new AssertionError("no test case found in " + files);
        }
        return tests.stream();
    }
}
