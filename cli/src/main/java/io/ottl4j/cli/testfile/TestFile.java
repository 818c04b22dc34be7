package io.ottl4j.cli.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed OTTL test file: named fixtures and cases. Structural mistakes are reported with the file and line. */
public record TestFile(Path path, Map<String, JsonNode> fixtures, List<TestCase> cases) {
    private static final Set<String> CASE_KEYS = Set.of("name", "from", "context", "input", "statements", "condition", "conditions",
            "logic", "expression", "parse_only", "error_mode", "record", "expect", "expect_match", "expect_error", "expect_output", "skip", "feature_gates",
            "processors", "pipeline");

    /** A test file that cannot be read as one. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    public static TestFile read(Path path) throws IOException, FormatException {
        String text = Files.readString(path);
        JsonNode root;
        List<Integer> caseLines = new ArrayList<>();
        try {
            root = YamlTree.read(text);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new FormatException(path + ": not valid YAML: " + e.getMessage());
        }
        caseLines.addAll(caseLines(text));
        if (root == null || !root.isObject()) {
            throw new FormatException(path + ": a test file is a map with 'cases' (and optionally 'fixtures')");
        }
        Map<String, JsonNode> fixtures = new LinkedHashMap<>();
        JsonNode fx = root.path("fixtures");
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            fixtures.put(e.getKey(), e.getValue());
        }
        JsonNode cases = root.path("cases");
        if (!cases.isArray()) {
            throw new FormatException(path + ": 'cases' must be a list");
        }
        List<TestCase> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            int line = i < caseLines.size() ? caseLines.get(i) : 0;
            TestCase c = parseCase(path, cases.get(i), line);
            if (!names.add(c.name())) {
                throw new FormatException(path + ":" + line + ": case name '" + c.name() + "' is used twice");
            }
            out.add(c);
        }
        return new TestFile(path, fixtures, out);
    }

    private static TestCase parseCase(Path path, JsonNode c, int line) throws FormatException {
        String where = path + ":" + line;
        if (!c.isObject()) {
            throw new FormatException(where + ": a case is a map");
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!CASE_KEYS.contains(key)) {
                throw new FormatException(where + ": unknown key '" + key + "' in case " + c.path("name").asText("?"));
            }
        }
        String name = c.path("name").asText(null);
        if (name == null) {
            throw new FormatException(where + ": every case needs a name");
        }
        List<String> statements = strings(c.get("statements"));
        List<String> conditions = c.has("condition") ? List.of(c.get("condition").asText()) : strings(c.get("conditions"));
        String expression = c.has("expression") ? c.get("expression").asText() : null;
        boolean parseOnly = c.path("parse_only").asBoolean(false);
        boolean processorCase = c.has("processors");
        if (processorCase && (statements != null || conditions != null || expression != null)) {
            throw new FormatException(where + ": case " + name + " has processors: it runs them, not statements, conditions or expressions");
        }
        if (processorCase && !c.has("pipeline")) {
            throw new FormatException(where + ": case " + name + " has processors but no pipeline (the processor IDs in order)");
        }
        if (statements == null && conditions == null && expression == null && !c.has("expect") && !processorCase) {
            throw new FormatException(where + ": case " + name + " has none of statements, condition(s), expression or expect");
        }
        String context = c.path("context").asText(null);
        if (context == null && !parseOnly && !processorCase) {
            throw new FormatException(where + ": case " + name + " needs a context");
        }
        return new TestCase(name, context, c.get("input"), statements, conditions, c.path("logic").asText("or"), expression, parseOnly,
                c.path("error_mode").asText("propagate"), c.path("record").asInt(0), c.get("expect"), c.get("expect_match"),
                c.path("expect_error").asText(null), c.get("expect_output"), c.path("skip").asText(null),
                c.has("feature_gates") ? strings(c.get("feature_gates")) : List.of(), line, c.get("processors"), strings(c.get("pipeline")));
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    /** Line numbers of the items of the top-level {@code cases:} list, so that failures point at the file. */
    private static List<Integer> caseLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        boolean inCases = false;
        int itemIndent = -1;
        for (int i = 0; i < all.length; i++) {
            String l = all[i];
            if (l.startsWith("cases:")) {
                inCases = true;
                continue;
            }
            if (!inCases) {
                continue;
            }
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("-") && !l.startsWith("#")) {
                break;
            }
            String stripped = l.stripLeading();
            int indent = l.length() - stripped.length();
            if (stripped.startsWith("- ") || stripped.equals("-")) {
                if (itemIndent < 0) {
                    itemIndent = indent;
                }
                if (indent == itemIndent) {
                    lines.add(i + 1);
                }
            }
        }
        return lines;
    }
}
