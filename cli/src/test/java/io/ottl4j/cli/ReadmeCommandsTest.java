package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ./ottl} command of the README runs as written from the project root (a fresh clone): commands are
 * read from the README's indented code blocks (a trailing backslash continues a line; {@code printf ... | ./ottl}
 * feeds stdin), run in-process, and must exit 0. A block whose first line starts with {@code $ } shows output:
 * the command's output must be exactly the lines that follow. Not run here: {@code ./ottl collector} listens on
 * the fixed ports 4317/4318 (its config is validated instead), {@code ./ottl repl} without a pipe is interactive,
 * and fenced blocks are illustrations (the REPL transcript is covered by the REPL's golden transcripts).
 */
class ReadmeCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("ottl.project.dir", "..")).toAbsolutePath().normalize();

    /** One command: its words, stdin (from printf), and the output it must print (null: any, exit 0). */
    record Command(String text, List<String> args, String stdin, String expectedOutput) {
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
        List<Command> commands = commands(Files.readAllLines(ROOT.resolve("README.md")));
        assertThat(commands).as("commands found in README.md").hasSizeGreaterThanOrEqualTo(8);
        return commands.stream().map(c -> DynamicTest.dynamicTest(c.text(), () -> check(c)));
    }

    private static void check(Command c) throws Exception {
        List<String> args = new ArrayList<>(c.args());
        if (args.get(0).equals("collector")) {
            // a server on fixed ports: its configuration (the embedded default without --config) must be valid
            if (args.size() == 1) {
                io.ottl4j.collector.config.Configs.load(List.of(), List.of(), java.util.Map.of(), io.ottl4j.collector.Builtins.components(),
                        java.util.Set.of());
                return;
            }
            args.set(0, "validate");
        }
        Run r = run(args, c.stdin());
        if (c.expectedOutput() != null) {
            assertThat((r.out() + r.err()).stripTrailing()).as(c.text()).isEqualTo(c.expectedOutput());
        } else {
            assertThat(r.status()).as("%s%n%s%s", c.text(), r.out(), r.err()).isZero();
        }
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(List<String> args, String stdin) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
            int status = Main.run(args.stream().map(ReadmeCommandsTest::fromRoot).toArray(String[]::new));
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    /** A path as written in the README is relative to the project root; the test runs in the cli module. */
    private static String fromRoot(String arg) {
        return !arg.startsWith("-") && arg.contains("/") && Files.exists(ROOT.resolve(arg)) ? ROOT.resolve(arg).toString() : arg;
    }

    /** The commands of the README's indented code blocks (fenced blocks are illustrations). */
    static List<Command> commands(List<String> lines) {
        List<Command> out = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced || !line.startsWith("    ") || line.isBlank() || !(i == 0 || lines.get(i - 1).isBlank())) {
                continue;
            }
            // an indented block: its lines up to the next blank line
            List<String> block = new ArrayList<>();
            int j = i;
            while (j < lines.size() && lines.get(j).startsWith("    ")) {
                block.add(lines.get(j).substring(4).stripTrailing()); // the code indent only: output keeps its own
                j++;
            }
            i = j - 1;
            boolean shows = block.get(0).stripLeading().startsWith("$ ");
            StringBuilder cmd = new StringBuilder();
            int k = 0;
            for (; k < block.size(); k++) {
                String l = shows && k == 0 ? block.get(0).strip().substring(2) : block.get(k).strip();
                if (l.endsWith("\\")) {
                    cmd.append(l, 0, l.length() - 1).append(' ');
                    continue;
                }
                cmd.append(l);
                Command c = command(cmd.toString(), shows ? String.join("\n", block.subList(k + 1, block.size())) : null);
                if (c != null) {
                    out.add(c);
                }
                cmd.setLength(0);
                if (shows) {
                    break; // the rest of the block is the output
                }
            }
        }
        return out;
    }

    private static Command command(String text, String expectedOutput) {
        String t = text.contains(" #") ? text.substring(0, text.indexOf(" #")).strip() : text.strip(); // trailing comments
        String stdin = null;
        if (t.startsWith("printf ") && t.contains("| ./ottl ")) {
            List<String> printf = words(t.substring("printf ".length(), t.indexOf("| ./ottl ")));
            stdin = printf.get(0).replace("\\n", "\n");
            t = t.substring(t.indexOf("| ./ottl ") + 2);
        }
        if (!t.startsWith("./ottl")) {
            return null;
        }
        List<String> args = words(t.substring("./ottl".length()));
        if (args.isEmpty() || args.get(0).equals("repl") && stdin == null) {
            return null; // interactive
        }
        return new Command(text.strip(), args, stdin, expectedOutput);
    }

    /** Shell words: blanks separate, single quotes keep everything, double quotes keep everything but \" and \\. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                w = w == null ? new StringBuilder() : w;
                w.append(s, i + 1, end);
                i = end;
            } else if (c == '"') {
                w = w == null ? new StringBuilder() : w;
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\' && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                        i++;
                    }
                    w.append(s.charAt(i));
                }
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
