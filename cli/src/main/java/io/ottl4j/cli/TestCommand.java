package io.ottl4j.cli;

import io.ottl4j.cli.testfile.CaseResult;
import io.ottl4j.cli.testfile.TestFile;
import io.ottl4j.cli.testfile.TestRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ottl test FILE...}: runs OTTL test files (format: docs/test-files.md). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run OTTL test files: statements or conditions on OTLP/JSON input, with expected values.")
final class TestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Test files (YAML).")
    List<Path> files;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

    @Mixin
    FeatureGateOption gates;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        TestRunner runner = new TestRunner(gates.ottl());
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path f : files) {
            TestFile file;
            try {
                file = TestFile.read(f);
            } catch (Exception e) {
                System.err.println("error: " + e.getMessage());
                failed++;
                continue;
            }
            for (CaseResult r : runner.run(file)) {
                switch (r.status()) {
                    case PASS -> passed++;
                    case FAIL -> failed++;
                    case SKIP -> skipped++;
                }
                if (!quiet || r.status() != CaseResult.Status.PASS) {
                    out.println(r.line());
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        return failed == 0 ? 0 : 1;
    }
}
