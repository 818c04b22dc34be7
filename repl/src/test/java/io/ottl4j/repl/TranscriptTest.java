package io.ottl4j.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden transcripts: each {@code transcripts/NAME.in} is typed into the interactive REPL on a dumb
 * JLine terminal (prompts, continuation lines, completion and all), and what the terminal shows must
 * equal {@code NAME.out}. Regenerate with {@code -Dottl.golden.update=true} and review the diff.
 * Timing figures are masked, since they differ run to run.
 */
class TranscriptTest {
    private static final Path DIR = Path.of("src/test/resources/transcripts");
    private static final boolean UPDATE = Boolean.getBoolean("ottl.golden.update");

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(DIR)) {
            inputs = s.filter(p -> p.toString().endsWith(".in")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream().map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> check(in)));
    }

    private static void check(Path in) throws IOException {
        // NAME.gates (optional): feature gates the REPL starts with, one a line, as --feature-gates
        Path gates = Path.of(in.toString().replaceAll("\\.in$", ".gates"));
        String actual = run(Files.readString(in), Files.exists(gates) ? Files.readAllLines(gates).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList() : List.of());
        Path golden = Path.of(in.toString().replaceAll("\\.in$", ".out"));
        if (UPDATE || !Files.exists(golden)) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).as("transcript %s (regenerate with -Dottl.golden.update=true)", in.getFileName())
                .isEqualTo(Files.readString(golden));
    }

    static String run(String input) throws IOException {
        return run(input, List.of());
    }

    static String run(String input, List<String> featureGates) throws IOException {
        System.setProperty("ottl.repl.timeMillis", "40");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Path history = Files.createTempFile("ottl-history", "");
        try (Terminal terminal = new DumbTerminal("transcript", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), sink, StandardCharsets.UTF_8)) {
            terminal.echo(false);
            Repl repl = Repl.create(new ReplOptions(null, List.of(), featureGates, history), terminal.writer(), false);
            repl.runInteractive(terminal, history, true);
        } finally {
            Files.deleteIfExists(history);
        }
        return normalise(sink.toString(StandardCharsets.UTF_8));
    }

    /** Carriage returns out, timings masked. */
    static String normalise(String s) {
        return s.replace("\r\n", "\n").replace("\r", "")
                .replaceAll("[0-9][0-9,]* ns per", "N ns per")
                .replaceAll("× [0-9,]+ runs after [0-9,]+ ms warm-up; runtime [^;)]+", "× N runs after N ms warm-up; runtime R");
    }
}
