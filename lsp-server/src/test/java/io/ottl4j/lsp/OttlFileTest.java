package io.ottl4j.lsp;

import static io.ottl4j.lsp.ServerProcess.doc;
import static io.ottl4j.lsp.ServerProcess.pos;
import static io.ottl4j.lsp.ServerProcess.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code .ottl} files and {@code ottl test} files through a real server process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OttlFileTest {
    static final long T = ServerProcess.TIMEOUT_SECONDS;
    static final String OTTL = ServerProcess.uri("sample.ottl");
    static final String TEST = ServerProcess.uri("sample-test.yaml");

    ServerProcess lsp;

    @BeforeAll
    void start() throws Exception {
        lsp = ServerProcess.start();
        assertThat(lsp.open(OTTL, "ottl", ServerProcess.resource("/lsp/sample.ottl")).getDiagnostics()).isEmpty();
        assertThat(lsp.open(TEST, "yaml", ServerProcess.resource("/lsp/sample-test.yaml")).getDiagnostics()).isEmpty();
    }

    @AfterAll
    void stop() throws Exception {
        lsp.close();
    }

    @Test
    void misspeltEnumGetsAnExactDiagnosticAndQuickFix() throws Exception {
        // line 3: set(attributes["http.route"], name) where kind == SPAN_KIND_SERVER
        PublishDiagnosticsParams d = lsp.edit(OTTL, range(2, 50, 2, 66), "SPAN_KIND_SERVR");
        try {
            assertThat(d.getDiagnostics()).hasSize(1);
            Diagnostic e = d.getDiagnostics().get(0);
            assertThat(e.getRange()).isEqualTo(range(2, 50, 2, 65));
            assertThat(e.getCode().getLeft()).startsWith("OTTL-E");
            var actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(doc(OTTL), e.getRange(),
                    new CodeActionContext(List.of(e)))).get(T, TimeUnit.SECONDS);
            assertThat(actions).hasSize(1);
            assertThat(actions.get(0).getRight().getEdit().getChanges().get(OTTL).get(0).getNewText()).isEqualTo("SPAN_KIND_SERVER");
        } finally {
            assertThat(lsp.edit(OTTL, range(2, 50, 2, 65), "SPAN_KIND_SERVER").getDiagnostics()).isEmpty();
        }
    }

    @Test
    void quickFixesForPathsFunctionCaseAndOperators() throws Exception {
        String uri = ServerProcess.uri("fixes.ottl");
        String text = "# context: span\nset(attributs[\"x\"], \"y\")\nSet(name, \"x\")\nset(name, \"x\") where kind = 1\n";
        PublishDiagnosticsParams d = lsp.open(uri, "ottl", text);
        assertThat(d.getDiagnostics()).hasSize(3);
        var actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(doc(uri), range(0, 0, 4, 0),
                new CodeActionContext(d.getDiagnostics()))).get(T, TimeUnit.SECONDS);
        java.util.Map<String, org.eclipse.lsp4j.TextEdit> edits = new java.util.HashMap<>();
        actions.forEach(a -> edits.put(a.getRight().getTitle(), a.getRight().getEdit().getChanges().get(uri).get(0)));
        assertThat(edits.get("Change to 'attributes'").getRange()).isEqualTo(range(1, 4, 1, 13)); // not the "x" key
        assertThat(edits.get("Change to 'set'").getRange()).isEqualTo(range(2, 0, 2, 3));
        assertThat(edits.get("Change to '=='").getRange()).isEqualTo(range(3, 26, 3, 27));
    }

    @Test
    void completionHoverAndSignatureHelp() throws Exception {
        var enums = lsp.server.getTextDocumentService().completion(new CompletionParams(doc(OTTL), pos(2, 60))).get(T, TimeUnit.SECONDS);
        assertThat(ServerProcess.labels(enums.getRight().getItems())).contains("SPAN_KIND_SERVER", "SPAN_KIND_CLIENT");

        var editors = lsp.server.getTextDocumentService().completion(new CompletionParams(doc(OTTL), pos(2, 1))).get(T, TimeUnit.SECONDS);
        assertThat(ServerProcess.labels(editors.getRight().getItems())).contains("set").doesNotContain("Concat", "attributes");

        var hover = lsp.server.getTextDocumentService().hover(new HoverParams(doc(OTTL), pos(4, 6))).get(T, TimeUnit.SECONDS);
        assertThat(hover.getRange()).isEqualTo(range(4, 4, 4, 10));
        var enumHover = lsp.server.getTextDocumentService().hover(new HoverParams(doc(OTTL), pos(2, 55))).get(T, TimeUnit.SECONDS);
        assertThat(enumHover.getContents().getRight().getValue()).contains("SPAN_KIND_SERVER = 2");

        var sig = lsp.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc(OTTL), pos(4, 24))).get(T, TimeUnit.SECONDS);
        assertThat(sig.getSignatures().get(0).getLabel()).startsWith("Concat(");
        assertThat(sig.getActiveParameter()).isEqualTo(1);
    }

    @Test
    void symbolsFoldingAndRun() throws Exception {
        var symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(OTTL))).get(T, TimeUnit.SECONDS);
        assertThat(symbols).hasSize(1);
        assertThat(symbols.get(0).getRight().getChildren()).hasSize(3);
        assertThat(symbols.get(0).getRight().getChildren().get(1).getRange()).isEqualTo(range(3, 0, 4, 28));

        var folds = lsp.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(doc(OTTL))).get(T, TimeUnit.SECONDS);
        assertThat(folds).anyMatch(f -> f.getStartLine() == 3 && f.getEndLine() == 4);

        var lenses = lsp.server.getTextDocumentService().codeLens(new CodeLensParams(doc(OTTL))).get(T, TimeUnit.SECONDS);
        assertThat(lenses).hasSize(1);
        Object run = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(lenses.get(0).getCommand().getCommand(),
                lenses.get(0).getCommand().getArguments())).get(T, TimeUnit.SECONDS);
        // the file's condition guards the group: no sample span has attributes["drop"]
        assertThat(run.toString()).contains("context=span").contains("0 of 5 spans changed");
    }

    @Test
    void contextIsInferredFromPrefixesWithoutAContextComment() throws Exception {
        String uri = ServerProcess.uri("inferred.ottl");
        assertThat(lsp.open(uri, "ottl", ServerProcess.resource("/lsp/inferred.ottl")).getDiagnostics()).isEmpty();
        var hints = lsp.server.getTextDocumentService().inlayHint(new InlayHintParams(doc(uri), range(0, 0, 5, 0))).get(T, TimeUnit.SECONDS);
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).getLabel().getLeft()).isEqualTo("span:");
        assertThat(hints.get(0).getPosition()).isEqualTo(pos(0, 0));
        var lenses = lsp.server.getTextDocumentService().codeLens(new CodeLensParams(doc(uri))).get(T, TimeUnit.SECONDS);
        Object run = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(lenses.get(0).getCommand().getCommand(),
                lenses.get(0).getCommand().getArguments())).get(T, TimeUnit.SECONDS);
        assertThat(run.toString()).contains("5 of 5 spans changed").contains("seen");
    }

    @Test
    void testFilesCheckStatementsAndExpectKeys() throws Exception {
        // "      Len(attributes): 1" is line 9
        PublishDiagnosticsParams d = lsp.edit(TEST, range(8, 6, 8, 9), "Lenn");
        try {
            assertThat(d.getDiagnostics()).hasSize(1);
            assertThat(d.getDiagnostics().get(0).getRange()).isEqualTo(range(8, 6, 8, 10));
            assertThat(d.getDiagnostics().get(0).getCode().getLeft()).isEqualTo("OTTL-E104");
        } finally {
            assertThat(lsp.edit(TEST, range(8, 6, 8, 10), "Len").getDiagnostics()).isEmpty();
        }
        var items = lsp.server.getTextDocumentService().completion(new CompletionParams(doc(TEST), pos(5, 24))).get(T, TimeUnit.SECONDS);
        assertThat(ServerProcess.labels(items.getRight().getItems())).contains("test");
    }
}
