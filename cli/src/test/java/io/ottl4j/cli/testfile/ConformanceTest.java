package io.ottl4j.cli.testfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.language.Ottl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The OTTL conformance corpus: the project's own copy in test resources (refreshed from the shared corpus),
 * plus any file of {@code ../shared/conformance} the copy does not have yet. The shared folder may add cases
 * but is never required: a clone with nothing beside it runs the whole copy.
 */
class ConformanceTest {
    /** The project's copy: a test that finds no input fails rather than passing with no case. */
    static final Path COPY = Path.of("src/test/resources/conformance");

    /** The corpus files: every file of the copy, then the shared folder's files the copy lacks. */
    static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>(yamlFiles(COPY));
        assertThat(files).as("conformance corpus in %s", COPY.toAbsolutePath()).isNotEmpty();
        Path shared = shared();
        if (shared != null) {
            for (Path f : yamlFiles(shared)) {
                if (!Files.exists(COPY.resolve(f.getFileName().toString()))) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    /** The shared corpus folder ({@code ottl.shared.dir}/conformance), or null when there is none. */
    static Path shared() {
        String dir = System.getProperty("ottl.shared.dir");
        Path p = dir == null ? null : Path.of(dir, "conformance");
        return p != null && Files.isDirectory(p) ? p : null;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        List<DynamicTest> tests = new ArrayList<>(CaseFiles.tests(corpus(), Ottl.create()).toList());
        assertThat(tests).as("conformance cases").isNotEmpty();
        return tests.stream();
    }

    /** Reported (as skipped, with the file's name) when the shared corpus changed and the copy was not refreshed. */
    @TestFactory
    Stream<DynamicTest> copyMatchesSharedCorpus() throws IOException {
        Path shared = shared();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : yamlFiles(COPY)) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                Path s = shared == null ? null : shared.resolve(f.getFileName().toString());
                Assumptions.assumeTrue(s != null && Files.exists(s), "no shared corpus beside the project");
                Assumptions.assumeTrue(Files.mismatch(f, s) == -1L,
                        () -> "refresh the copy: " + s + " differs from " + f + " (cp " + s + " " + COPY + "/)");
            }));
        }
        return tests.stream();
    }
}
