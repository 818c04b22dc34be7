package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.grammar.ast.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden-file format (see src/test/resources/golden/README.md): an {@code .ottl} file holds one
 * statement, condition or value expression, chosen by an optional first line {@code # kind: ...}.
 * Expected output sits next to it; {@code -Dottl.golden.update=true} rewrites it instead of comparing.
 */
final class GoldenFiles {

    static final Path ROOT = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("ottl.golden.update");

    /** One {@code .ottl} file: what to parse and as what. */
    record Case(Path file, String kind, String text) {

        ParseResult<? extends Node> parse() {
            return switch (kind) {
                case "statement" -> OttlParser.parseStatement(text);
                case "condition" -> OttlParser.parseCondition(text);
                case "value" -> OttlParser.parseValueExpression(text);
                default -> throw new IllegalArgumentException(file + ": unknown kind " + kind);
            };
        }

        String name() {
            return file.getFileName().toString().replaceFirst("\\.ottl$", "");
        }
    }

    private GoldenFiles() {
    }

    static List<Case> cases(String folder) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            List<Case> cases = files.filter(f -> f.toString().endsWith(".ottl")).sorted().map(GoldenFiles::read).toList();
            if (cases.isEmpty()) {
                throw new AssertionError("no golden case in " + ROOT.resolve(folder)); // never pass with zero cases
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Case read(Path file) {
        String content = readString(file);
        String kind = "statement";
        if (content.startsWith("# kind:")) {
            int end = content.indexOf('\n');
            kind = content.substring("# kind:".length(), end < 0 ? content.length() : end).strip();
            content = end < 0 ? "" : content.substring(end + 1);
        }
        if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        return new Case(file, kind, content);
    }

    /** Compares {@code actual} with the file beside {@code source} that has the given extension (or writes it). */
    static void check(Case source, String extension, String actual) {
        Path expectedFile = source.file().resolveSibling(source.name() + extension);
        if (UPDATE) {
            try {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(expectedFile).as("golden file %s (create it with -Dottl.golden.update=true)", expectedFile)
                .exists();
        assertThat(actual).as("%s (regenerate with -Dottl.golden.update=true)", expectedFile)
                .isEqualTo(readString(expectedFile));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
