package io.ottl4j.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code parse_only: true} case of the conformance corpus: the project's copy (in the cli module's test
 * resources, where the whole corpus runs) plus any file of {@code ../shared/conformance} the copy lacks. It passes
 * when its text parses, or, with {@code expect_error: parse}, when it does not.
 */
class ConformanceParseOnlyTest {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** The text of a case and the entry point it goes through. */
    private record Text(String kind, String text) {

        ParseResult<?> parse() {
            return switch (kind) {
                case "statement" -> OttlParser.parseStatement(text);
                case "condition" -> OttlParser.parseCondition(text);
                default -> OttlParser.parseValueExpression(text);
            };
        }
    }

    /** The corpus files: the project's copy, then the shared folder's files the copy does not have. */
    static List<Path> corpus() throws IOException {
        Path copy = Path.of(System.getProperty("ottl.project.dir", ".."), "cli", "src", "test", "resources", "conformance");
        List<Path> files = new ArrayList<>(yamlFiles(copy));
        assertThat(files).as("conformance corpus in %s", copy.toAbsolutePath()).isNotEmpty();
        String shared = System.getProperty("ottl.shared.dir");
        if (shared != null) {
            for (Path f : yamlFiles(Path.of(shared, "conformance"))) {
                if (!Files.exists(copy.resolve(f.getFileName().toString()))) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> parseOnlyCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpus()) {
            Object cases = read(file).get("cases");
            for (Object element : cases instanceof List<?> list ? list : List.of()) {
                Map<?, ?> c = (Map<?, ?>) element;
                if ("true".equals(c.get("parse_only"))) {
                    String name = file.getFileName() + ":" + c.get("name");
                    tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
                }
            }
        }
        assertThat(tests).as("parse_only cases found").isNotEmpty();
        return tests.stream();
    }

    private static void check(Map<?, ?> c) {
        List<Text> texts = texts(c);
        assertThat(texts).as("case has statements, condition(s) or expression").isNotEmpty();
        boolean expectParseError = "parse".equals(c.get("expect_error"));
        List<String> failures = new ArrayList<>();
        for (Text text : texts) {
            ParseResult<?> result = text.parse();
            if (!result.ok()) {
                failures.add(result.format(text.text()));
            }
        }
        if (expectParseError) {
            assertThat(failures).as("expected a parse error in %s", texts).isNotEmpty();
        } else {
            assertThat(failures).as("expected %s to parse", texts).isEmpty();
        }
    }

    private static List<Text> texts(Map<?, ?> c) {
        List<Text> texts = new ArrayList<>();
        add(texts, "statement", c.get("statements"));
        add(texts, "condition", c.get("condition"));
        add(texts, "condition", c.get("conditions"));
        add(texts, "value", c.get("expression"));
        return texts;
    }

    private static void add(List<Text> texts, String kind, Object node) {
        if (node instanceof List<?> list) {
            list.forEach(element -> texts.add(new Text(kind, (String) element)));
        } else if (node != null) {
            texts.add(new Text(kind, (String) node));
        }
    }

    /**
     * The YAML document with every scalar as its text: a case file may hold values (such as
     * {@code .inf}) that Jackson's number handling rejects, and only texts matter here.
     */
    private static Map<?, ?> read(Path file) throws IOException {
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            parser.nextToken();
            return (Map<?, ?>) value(parser);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                map.put(key, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }
}
