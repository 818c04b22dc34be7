package io.ottl4j.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.Ottl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain mode (stdin not a terminal): no prompts, no colour, and what :save writes is a valid transform config. */
class ScriptModeTest {
    private static String script(String input) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Repl repl = Repl.forTest(new ReplOptions(null, List.of(), List.of(), null), sink);
        repl.runScript(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsPlainResultsWithoutPromptsOrColour() throws Exception {
        String out = script("set(attributes[\"env\"], \"prod\") where kind == SPAN_KIND_SERVER\nname == \"GET /api/cart\"\n");
        assertThat(out).startsWith("3 of 5 spans changed\n");
        assertThat(out).contains("    + attributes[\"env\"] = \"prod\"\n", "1 of 5 spans match\n");
        assertThat(out).doesNotContain("\u001b[", "ottl span>");
    }

    @Test
    void continuesWhileBracketsAreOpenAndReportsInputEndingInsideThem() throws Exception {
        String out = script("set(attributes[\"a\"],\n  \"b\")\nset(name,\n");
        assertThat(out).contains("5 of 5 spans changed");
        assertThat(out).contains("error[OTTL-E");
    }

    private static boolean succeeds(String input) throws Exception {
        Repl repl = Repl.forTest(new ReplOptions(null, List.of(), List.of(), null), new ByteArrayOutputStream());
        return repl.runScript(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnclosedBracketEndsAtACommandLineWithAnError() throws Exception {
        String out = script("set(attributes[\"a\"], \"b\"\n:context log\nset(attributes[\"c\"], \"d\")\n");
        assertThat(out).contains("error[OTTL-E"); // the unfinished statement, reported
        assertThat(out).contains("context: log"); // the command still ran
        assertThat(out).contains("4 of 4 log records changed"); // and so did what followed
    }

    @Test
    void anUnclosedQuoteDoesNotSwallowTheFollowingLines() throws Exception {
        String out = script("set(name, \"x)\nset(attributes[\"ok\"], \"yes\")\n");
        assertThat(out).contains("error[OTTL-E").contains("5 of 5 spans changed");
    }

    @Test
    void aBlankLineEndsAnUnfinishedStatement() throws Exception {
        String out = script("set(attributes[\"a\"],\n\nset(attributes[\"ok\"], \"yes\")\n");
        assertThat(out).contains("error[OTTL-E").contains("5 of 5 spans changed");
    }

    @Test
    void theScriptFailsWhenAnyInputFailed() throws Exception {
        assertThat(succeeds("set(attributes[\"a\"], \"b\")\nname == \"x\"\n")).isTrue();
        assertThat(succeeds("set(attributes[\"a\"], Nope())\nset(attributes[\"b\"], \"c\")\n")).isFalse();
        assertThat(succeeds(":load /no/such/file.json\n")).isFalse();
        assertThat(succeeds("set(attributes[\"a\"],\n")).isFalse();
    }

    @Test
    void nothingTypedEndsTheSession() throws Exception {
        String out = script(")))\n:show nonsense(\n)\n:load /\n:context\n");
        assertThat(out).contains("context: span");
    }

    @Test
    void quitStopsReading() throws Exception {
        String out = script(":quit\nname == \"x\"\n");
        assertThat(out).isEmpty();
    }

    @Test
    void savedYamlIsATransformProcessorConfigWhoseStatementsCompile() throws Exception {
        String out = script(String.join("\n",
                "set(attributes[\"a\"], \"x\") where name != \"y\"",
                "set(attributes[\"b\"], \"it's\")",
                ":context log",
                "set(attributes[\"c\"], \"d\")",
                ":context resource",
                "set(attributes[\"e\"], \"f\")",
                ":context span",
                "set(attributes[\"g\"], \"h\")",
                ":save", ""));
        String yaml = out.substring(out.indexOf("processors:"));
        JsonNode transform = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("processors").path("transform");
        assertThat(transform.path("error_mode").asText()).isEqualTo("ignore");
        Ottl ottl = Ottl.create();
        List<String> seen = new ArrayList<>();
        for (String section : List.of("trace_statements", "log_statements", "metric_statements")) {
            for (JsonNode group : transform.path(section)) {
                ContextKind ctx = ContextKind.parse(group.path("context").asText());
                List<String> statements = new ArrayList<>();
                group.path("statements").forEach(s -> statements.add(s.asText()));
                ottl.compileStatements(ctx, statements, ErrorMode.IGNORE);
                seen.add(section + "/" + ctx + ":" + statements.size());
            }
        }
        assertThat(seen).containsExactly("trace_statements/span:2", "trace_statements/resource:1", "trace_statements/span:1",
                "log_statements/log:1", "log_statements/resource:1", "metric_statements/resource:1");
    }
}
