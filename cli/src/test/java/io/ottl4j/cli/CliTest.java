package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code ottl} command end to end, in-process: exit status, stdout and stderr. */
class CliTest {
    private static final String INPUT = "src/test/resources/eval/mastodon-span.json";
    /** The span statement of ../shared/fixtures/mastodon-collector.yaml, with its group condition as a where clause. */
    private static final String SPAN_STATEMENT = "set(attributes[\"resource.name\"],\n  Concat([attributes[\"code.namespace\"],\n"
            + "  attributes[\"code.function\"]], \"#\")) where attributes[\"code.namespace\"] != nil";
    /** The resource statement of the same fixture (note the space after `set`). */
    private static final String RESOURCE_STATEMENT = "set (attributes[\"k8s.node.name\"],\n  Concat([attributes[\"k8s.node.name\"], \"k8s-1\"], \"-\"))"
            + " where attributes[\"k8s.node.name\"] != nil";

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static JsonNode attribute(JsonNode attributes, String key) {
        for (JsonNode a : attributes) {
            if (a.get("key").asText().equals(key)) {
                return a.get("value");
            }
        }
        return null;
    }

    @Test
    void evalRunsTheMastodonSpanStatement() throws Exception {
        Run r = run("eval", "--context", "span", "--input", INPUT, "--statement", SPAN_STATEMENT);
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode spans = new ObjectMapper().readTree(r.out()).at("/resourceSpans/0/scopeSpans/0/spans");
        assertThat(attribute(spans.get(0).get("attributes"), "resource.name").get("stringValue").asText())
                .isEqualTo("PushUpdateWorker#perform");
        assertThat(spans.get(1).has("attributes")).as("the span without code.namespace is untouched").isFalse();
    }

    @Test
    void evalRunsTheMastodonResourceStatement() throws Exception {
        Run r = run("eval", "-c", "resource", "-i", INPUT, "-s", RESOURCE_STATEMENT);
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode resource = new ObjectMapper().readTree(r.out()).at("/resourceSpans/0/resource/attributes");
        assertThat(attribute(resource, "k8s.node.name").get("stringValue").asText()).isEqualTo("node-7-k8s-1");
    }

    @Test
    void evalConditionPrintsOneBooleanPerRecord() {
        Run r = run("eval", "-c", "span", "-i", INPUT, "--condition", "attributes[\"code.namespace\"] != nil");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).containsExactly("true", "false");
    }

    @Test
    void evalReportsCompileErrorsWithCodePositionAndSuggestion() {
        Run r = run("eval", "-c", "span", "-i", INPUT, "-s", "set(attributes[\"x\"], Concatt([name], \"\"))");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("OTTL-E104").contains("1:22").contains("did you mean Concat?").contains("^");
    }

    @Test
    void evalReportsRuntimeErrorsUnderPropagate() {
        Run r = run("eval", "-c", "span", "-i", INPUT, "-s", "set(attributes[\"x\"], 1 / 0)");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("divide by 0");
    }

    @Test
    void evalReportsABadInputFile() {
        Run r = run("eval", "-c", "span", "-i", "does-not-exist.json", "-s", "set(name, \"x\")");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("does-not-exist.json");
    }

    @Test
    void versionNamesTheTruffleRuntime() {
        Run r = run("--version");
        assertThat(r.status()).isZero();
        boolean optimizing = Boolean.parseBoolean(System.getProperty("ottl.expectOptimizingRuntime", "true"));
        assertThat(r.out()).contains("Truffle runtime:").contains(optimizing ? "optimising" : "FALLBACK");
    }

    @Test
    void testCommandPrintsASummaryAndFailsOnFailures() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("cases", ".yaml");
        java.nio.file.Files.writeString(f, """
                cases:
                  - name: passes
                    context: span
                    input: {resourceSpans: [{scopeSpans: [{spans: [{name: a}]}]}]}
                    expect: {name: a}
                  - name: fails
                    context: span
                    input: {resourceSpans: [{scopeSpans: [{spans: [{name: a}]}]}]}
                    expect: {name: b}
                """);
        Run r = run("test", f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("PASS passes").contains("FAIL fails: name: expected \"b\" (string), got \"a\" (string)")
                .contains("1 passed, 1 failed");
    }

    @Test
    void functionsJsonListsEveryFunctionWithParameters() throws Exception {
        Run r = run("functions", "--json");
        assertThat(r.status()).isZero();
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all.size()).isGreaterThan(100);
        JsonNode concat = null;
        for (JsonNode f : all) {
            if (f.get("name").asText().equals("Concat")) {
                concat = f;
            }
        }
        assertThat(concat).isNotNull();
        assertThat(concat.get("kind").asText()).isEqualTo("converter");
        assertThat(concat.get("parameters").get(0).get("name").asText()).isEqualTo("vals");
    }

    @Test
    void processRunsAPipelinesProcessorsOfflineAndShowsTheDiff() throws Exception {
        Run r = run("process", "--config", "src/test/resources/process/config.yaml", "--pipeline", "traces/x", "--input",
                "src/test/resources/eval/web-spans.json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode spans = new ObjectMapper().readTree(r.out()).at("/resourceSpans/0/scopeSpans/0/spans");
        assertThat(attribute(spans.get(0).get("attributes"), "checked").get("boolValue").asBoolean()).isTrue();

        Run d = run("process", "--config", "src/test/resources/process/config.yaml", "--pipeline", "traces/x", "--input",
                "src/test/resources/eval/web-spans.json", "--diff");
        assertThat(d.status()).as(d.err()).isZero();
        assertThat(d.out()).contains("+           \"key\" : \"checked\",").doesNotContain("- ");

        Run bad = run("process", "--config", "src/test/resources/process/config.yaml", "--pipeline", "traces/nope", "--input",
                "src/test/resources/eval/web-spans.json");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("no pipeline \"traces/nope\"").contains("traces/x");
    }

    @Test
    void functionsSuggestTheClosestName() {
        Run r = run("functions", "replace_pattrn");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("no function named replace_pattrn; did you mean replace_pattern?" + System.lineSeparator());
    }

    /** `ottl collector` is parsed without the other subcommands' models (start-up): same name, help and errors. */
    @Test
    void collectorCommandLineIsTheSameOnItsFastPath() {
        Run help = run("collector", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: ottl collector").contains("--config=URI", "--shutdown-timeout");
        Run bad = run("collector", "--no-such-option");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'").contains("Usage: ottl collector");
    }
}
