package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ottl validate --feature-gates=...} with the gates of upstream's current setters and context:
 * {@code ottl.contexts.strictSetters} rejects a wrong-typed constant, {@code ottl.contexts.enableOTelColContext}
 * admits the {@code otelcol} paths.
 */
class OttlGatesValidateTest {
    private static final String CONFIG = """
            receivers: {otlp: {protocols: {grpc: {endpoint: "127.0.0.1:0"}}}}
            processors:
              transform:
                trace_statements:
                  - STATEMENT
            exporters: {debug: {}}
            service: {pipelines: {traces: {receivers: [otlp], processors: [transform], exporters: [debug]}}}
            """;

    /** The exit status and what was printed (problems go to standard output). */
    private record Run(int status, String output) {
    }

    private static Run validate(Path dir, String statement, String... gates) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, CONFIG.replace("STATEMENT", statement));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            PrintStream both = new PrintStream(e, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            String[] args = gates.length == 0 ? new String[] {"validate", "--config", file.toString()}
                    : new String[] {"validate", "--config", file.toString(), "--feature-gates=" + String.join(",", gates)};
            return new Run(Main.run(args), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void strictSettersRejectAWrongTypedConstant(@TempDir Path dir) throws Exception {
        assertThat(validate(dir, "set(span.name, 1)").status()).isZero();
        Run strict = validate(dir, "set(span.name, 1)", "ottl.contexts.strictSetters");
        assertThat(strict.status()).isNotZero();
        assertThat(strict.output()).contains("span.name expects string but got int64");
    }

    @Test
    void otelcolPathsNeedTheirGate(@TempDir Path dir) throws Exception {
        String statement = "set(span.attributes[\"tenant\"], otelcol.client.metadata[\"x-tenant\"][0])";
        Run off = validate(dir, statement);
        assertThat(off.status()).isNotZero();
        assertThat(off.output()).contains("ottl.contexts.enableOTelColContext");
        assertThat(validate(dir, statement, "ottl.contexts.enableOTelColContext").status()).isZero();
    }
}
