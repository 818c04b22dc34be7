package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.repl.Repl;
import io.ottl4j.repl.ReplOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the REPL's {@code :save} writes is a configuration {@code ottl validate} accepts. */
class ReplSaveValidateTest {
    @Test
    void savedSessionValidates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.yaml");
        String input = String.join("\n",
                "set(attributes[\"tier\"], \"edge\") where resource.attributes[\"service.name\"] == \"frontend\"",
                ":context log",
                "set(attributes[\"quote\"], \"it's\")",
                ":context datapoint",
                "set(attributes[\"unit\"], metric.unit)",
                ":context resource",
                "set(attributes[\"team\"], \"shop\")",
                ":save " + file, "");
        StringWriter out = new StringWriter();
        Repl repl = Repl.create(new ReplOptions(null, List.of(), List.of(), null), new PrintWriter(out), false);
        repl.runScript(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        assertThat(out.toString()).contains("saved 4 statement(s)");
        String yaml = Files.readString(file);
        assertThat(yaml).contains("  transform:\n    error_mode: ignore\n    trace_statements:\n      - context: span\n");
        assertThat(Main.run("validate", "--config", file.toString())).isZero();
    }
}
