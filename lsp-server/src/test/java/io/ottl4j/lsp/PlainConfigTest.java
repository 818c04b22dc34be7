package io.ottl4j.lsp;

import static io.ottl4j.lsp.ServerProcess.doc;
import static io.ottl4j.lsp.ServerProcess.find;
import static io.ottl4j.lsp.ServerProcess.pos;
import static io.ottl4j.lsp.ServerProcess.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A plain collector config: flat and grouped statements, YAML scalar styles, formatting, inlay hints, robustness. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainConfigTest {
    static final long T = ServerProcess.TIMEOUT_SECONDS;
    static final String URI = ServerProcess.uri("plain-collector.yaml");

    ServerProcess lsp;
    String text;

    @BeforeAll
    void start() throws Exception {
        lsp = ServerProcess.start();
        text = ServerProcess.resource("/lsp/plain-collector.yaml");
        lsp.open(URI, "yaml", text);
    }

    @AfterAll
    void stop() throws Exception {
        lsp.close();
    }

    @Test
    void aValidConfigHasNoDiagnostics() throws Exception {
        assertThat(lsp.diagnostics(URI, 1).getDiagnostics()).isEmpty();
    }

    @Test
    void positionsMapThroughFoldedAndEscapedScalars() throws Exception {
        String uri = ServerProcess.uri("styles.yaml");
        String broken = text.replace("\"folded\")", "Lenn(\"folded\"))").replace("\\\"dq\\\")\"", "ToUpperCas(\\\"dq\\\"))\"");
        PublishDiagnosticsParams d = lsp.open(uri, "yaml", broken);
        List<Diagnostic> ottl = d.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("OTTL-E104")).toList();
        Position tu = find(broken, "ToUpperCas", 0, 0);
        assertThat(ottl).extracting(Diagnostic::getRange).containsExactly(
                range(19, 12, 19, 16), // Lenn, on the second line of a folded (>-) scalar
                range(tu.getLine(), tu.getCharacter(), tu.getLine(), tu.getCharacter() + 10)); // after escaped quotes
    }

    @Test
    void formattingRewritesSingleLineStatementsKeepingTheirQuotes() throws Exception {
        List<? extends TextEdit> edits = lsp.server.getTextDocumentService().formatting(new DocumentFormattingParams(doc(URI),
                new FormattingOptions(2, true))).get(T, TimeUnit.SECONDS);
        assertThat(edits).hasSize(2);
        assertThat(edits.get(0).getRange()).isEqualTo(range(11, 8, 11, 41));
        assertThat(edits.get(0).getNewText()).isEqualTo("set(span.attributes[\"lsp\"], \"ran\")");
        assertThat(edits.get(1).getRange()).isEqualTo(range(12, 9, 12, 48));
        assertThat(edits.get(1).getNewText()).isEqualTo("set(resource.attributes[\"team\"], \"a\")");
    }

    @Test
    void inlayHintsShowTheInferredContextOfFlatStatements() throws Exception {
        List<InlayHint> hints = lsp.server.getTextDocumentService().inlayHint(new InlayHintParams(doc(URI), range(0, 0, 60, 0)))
                .get(T, TimeUnit.SECONDS);
        assertThat(hints).hasSize(2);
        assertThat(hints.get(0).getPosition()).isEqualTo(pos(11, 8));
        assertThat(hints.get(0).getLabel().getLeft()).isEqualTo("span:");
        assertThat(hints.get(1).getPosition()).isEqualTo(pos(12, 9));
    }

    @Test
    void flatStatementsCompleteWithPrefixedPaths() throws Exception {
        List<String> labels = ServerProcess.labels(lsp.completion(URI, pos(11, 12)));
        assertThat(labels).contains("span.attributes", "resource.attributes", "span.name").doesNotContain("attributes", "log.body");
    }

    @Test
    void exemplarGroupsCompleteTheExemplarContextsPaths() throws Exception {
        String uri = ServerProcess.uri("exemplar.yaml");
        String yaml = """
                processors:
                  transform:
                    metric_statements:
                      - context: exemplar
                        statements:
                          - set(filtered_attributes["m"], metric.name)
                  transform/inferred:
                    metric_statements:
                      - set(exemplar.filtered_attributes["p"], datapoint.value_int)
                """;
        // only the config's own problems (no receivers, no pipelines): the statements compile
        assertThat(lsp.open(uri, "yaml", yaml).getDiagnostics()).extracting(d -> d.getCode().getLeft())
                .noneMatch(code -> code.startsWith("OTTL") || code.equals("context-inference"));
        assertThat(ServerProcess.labels(lsp.completion(uri, pos(5, 16)))).contains("filtered_attributes", "double_value", "trace_id",
                "datapoint.value_int", "metric.name").doesNotContain("attributes", "trace_id.string");
        assertThat(ServerProcess.labels(lsp.completion(uri, pos(3, 17)))).contains("exemplar", "datapoint");
    }

    @Test
    void nestedComponentSettingsComplete() throws Exception {
        // the cursor before "grpc", under receivers::otlp::protocols
        assertThat(ServerProcess.labels(lsp.completion(URI, pos(3, 6)))).contains("grpc", "http").doesNotContain("protocols", "endpoint");
    }

    @Test
    void componentSettingsCompleteWithDefaults() throws Exception {
        List<CompletionItem> keys = lsp.completion(URI, pos(7, 4));
        CompletionItem timeout = keys.stream().filter(i -> i.getLabel().equals("timeout")).findFirst().orElseThrow();
        assertThat(timeout.getDetail()).isEqualTo("default: 200ms");
        assertThat(timeout.getTextEdit().getLeft().getNewText()).isEqualTo("timeout: ${1:200ms}");
        assertThat(ServerProcess.labels(keys)).contains("send_batch_size", "send_batch_max_size");
    }

    @Test
    void misspeltConfigKeyAndComponentTypeGetQuickFixes() throws Exception {
        String uri = ServerProcess.uri("typos.yaml");
        String typos = text.replace("send_batch_size: 100", "send_batch_sise: 100").replace("  debug:\n", "  debugg:\n")
                .replace("exporters: [debug]", "exporters: [debugg]");
        PublishDiagnosticsParams d = lsp.open(uri, "yaml", typos);
        Diagnostic key = d.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("unknown-key")).findFirst().orElseThrow();
        assertThat(key.getRange()).isEqualTo(range(7, 4, 7, 19));
        Diagnostic type = d.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("unknown-type")).findFirst().orElseThrow();
        assertThat(type.getRange()).isEqualTo(range(28, 2, 28, 8));
        var actions = lsp.server.getTextDocumentService().codeAction(new org.eclipse.lsp4j.CodeActionParams(doc(uri), range(0, 0, 40, 0),
                new org.eclipse.lsp4j.CodeActionContext(d.getDiagnostics()))).get(T, TimeUnit.SECONDS);
        assertThat(actions).extracting(a -> a.getRight().getTitle()).contains("Change to 'send_batch_size'", "Change to 'debug'");
    }

    @Test
    void malformedYamlIsADiagnosticAtItsPosition() throws Exception {
        String uri = ServerProcess.uri("broken.yaml");
        PublishDiagnosticsParams d = lsp.open(uri, "yaml", "receivers:\n  otlp: [a, b\nexporters:\n  debug:\n");
        assertThat(d.getDiagnostics()).hasSize(1);
        assertThat(d.getDiagnostics().get(0).getCode().getLeft()).isEqualTo("yaml");
        assertThat(d.getDiagnostics().get(0).getRange().getStart().getLine()).isEqualTo(2);
    }

    @Test
    void binaryAndUnknownDocumentsAreLoggedAndAnsweredEmpty() throws Exception {
        String bin = ServerProcess.uri("blob.yaml");
        lsp.open(bin, "yaml", "a: \u0000\u0001\u0002");
        lsp.client.awaitLog(m -> m.getType() == MessageType.Warning && m.getMessage().contains("binary"));
        assertThat(lsp.server.getTextDocumentService().hover(new HoverParams(doc(bin), pos(0, 1))).get(T, TimeUnit.SECONDS)).isNull();

        String py = ServerProcess.uri("script.py");
        lsp.server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                new org.eclipse.lsp4j.TextDocumentItem(py, "python", 1, "print(1)\n")));
        lsp.client.awaitLog(m -> m.getMessage().contains("script.py") && m.getMessage().contains("ignored"));
        assertThat(lsp.completion(py, pos(0, 2))).isEmpty();
        // and the server goes on
        assertThat(lsp.server.getTextDocumentService().hover(new HoverParams(doc(URI), pos(6, 3))).get(T, TimeUnit.SECONDS)).isNotNull();
    }
}
