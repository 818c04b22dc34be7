package io.ottl4j.lsp;

import static io.ottl4j.lsp.ServerProcess.doc;
import static io.ottl4j.lsp.ServerProcess.find;
import static io.ottl4j.lsp.ServerProcess.pos;
import static io.ottl4j.lsp.ServerProcess.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every feature on the seed config (an Operator OpenTelemetryCollector document), through a real server process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedConfigTest {
    static final long T = ServerProcess.TIMEOUT_SECONDS;
    static final String URI = ServerProcess.uri("mastodon-collector.yaml");

    ServerProcess lsp;
    String text;

    @BeforeAll
    void start() throws Exception {
        lsp = ServerProcess.start();
        text = ServerProcess.resource("/fixtures/mastodon-collector.yaml");
        lsp.open(URI, "yaml", text);
    }

    @AfterAll
    void stop() throws Exception {
        lsp.close();
    }

    @Test
    void capabilities() {
        var c = lsp.initialized.getCapabilities();
        assertThat(c.getHoverProvider().getLeft()).isTrue();
        assertThat(c.getSemanticTokensProvider().getLegend().getTokenTypes()).contains("function", "property", "enumMember");
        assertThat(c.getExecuteCommandProvider().getCommands()).containsExactly("ottl.runGroup");
    }

    @Test
    void seedHasNoOttlProblemsAndReportsValidateErrorsWithCodes() throws Exception {
        PublishDiagnosticsParams d = lsp.diagnostics(URI, 1);
        assertThat(d.getDiagnostics()).noneMatch(x -> x.getCode().getLeft().startsWith("OTTL-"));
        // validate's errors, each at its key: components upstream has that ottl4j's core does not
        Diagnostic k8s = d.getDiagnostics().stream().filter(x -> x.getMessage().contains("\"k8sattributes\"")).findFirst().orElseThrow();
        assertThat(k8s.getCode().getLeft()).isEqualTo("unknown-type");
        assertThat(k8s.getRange()).isEqualTo(range(48, 6, 48, 19));
    }

    @Test
    void misspeltFunctionInAFoldedStatementIsReportedExactlyWithAQuickFix() throws Exception {
        // line 103 of the seed: "                Concat([attributes["code.namespace"]," (continuation of a plain multi-line scalar)
        PublishDiagnosticsParams d = lsp.edit(URI, range(102, 16, 102, 22), "Concatt");
        try {
            List<Diagnostic> ottl = d.getDiagnostics().stream().filter(x -> x.getCode().getLeft().startsWith("OTTL-")).toList();
            assertThat(ottl).hasSize(1);
            Diagnostic e = ottl.get(0);
            assertThat(e.getCode().getLeft()).isEqualTo("OTTL-E104");
            assertThat(e.getRange()).isEqualTo(range(102, 16, 102, 23));
            assertThat(e.getMessage()).contains("Concatt").contains("did you mean Concat?");

            var actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(doc(URI), e.getRange(),
                    new CodeActionContext(List.of(e)))).get(T, TimeUnit.SECONDS);
            assertThat(actions).hasSize(1);
            CodeAction fix = actions.get(0).getRight();
            assertThat(fix.getTitle()).isEqualTo("Change to 'Concat'");
            TextEdit edit = fix.getEdit().getChanges().get(URI).get(0);
            assertThat(edit.getRange()).isEqualTo(range(102, 16, 102, 23));
            assertThat(edit.getNewText()).isEqualTo("Concat");
        } finally {
            PublishDiagnosticsParams back = lsp.edit(URI, range(102, 16, 102, 23), "Concat");
            assertThat(back.getDiagnostics()).noneMatch(x -> x.getCode().getLeft().startsWith("OTTL-"));
        }
    }

    @Test
    void v1alpha1ConfigStringIsAnalysedInPlace() throws Exception {
        String uri = ServerProcess.uri("v1alpha1.yaml");
        String v1 = text.replaceFirst("(?m)^  config:$", "  config: |").replace("v1beta1", "v1alpha1")
                .replace("Concat([attributes[\"code.namespace\"]", "Concatt([attributes[\"code.namespace\"]");
        PublishDiagnosticsParams d = lsp.open(uri, "yaml", v1);
        Diagnostic e = d.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("OTTL-E104")).findFirst().orElseThrow();
        assertThat(e.getRange()).isEqualTo(range(102, 16, 102, 23));
        Diagnostic k8s = d.getDiagnostics().stream().filter(x -> x.getMessage().contains("\"k8sattributes\"")).findFirst().orElseThrow();
        assertThat(k8s.getRange()).isEqualTo(range(48, 6, 48, 19));
        Position otlpRef = find(v1, "receivers: [otlp]", 0, "receivers: [".length() + 1);
        var def = lsp.server.getTextDocumentService().definition(new DefinitionParams(doc(uri), otlpRef)).get(T, TimeUnit.SECONDS);
        assertThat(def.getLeft()).extracting(Location::getRange).containsExactly(range(21, 6, 21, 10));
    }

    @Test
    void hoverShowsFunctionDocsAndPathTypes() throws Exception {
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(doc(URI), pos(102, 18))).get(T, TimeUnit.SECONDS);
        assertThat(h.getRange()).isEqualTo(range(102, 16, 102, 22));
        assertThat(h.getContents().getRight().getValue()).contains("Concat(").contains("Converter").contains("Example");

        Hover p = lsp.server.getTextDocumentService().hover(new HoverParams(doc(URI), pos(102, 26))).get(T, TimeUnit.SECONDS);
        assertThat(p.getRange()).isEqualTo(range(102, 24, 102, 34));
        assertThat(p.getContents().getRight().getValue()).contains("attributes").contains("context span");

        Hover comp = lsp.server.getTextDocumentService().hover(new HoverParams(doc(URI), pos(33, 7))).get(T, TimeUnit.SECONDS);
        assertThat(comp.getRange()).isEqualTo(range(33, 6, 33, 11));
        assertThat(comp.getContents().getRight().getValue()).contains("**batch** processor").contains("Stability").contains("timeout");
    }

    @Test
    void signatureHelpKnowsTheActiveParameter() throws Exception {
        Position p = find(text, "\"#\"", 0, 0);
        SignatureHelp s = lsp.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc(URI), p)).get(T, TimeUnit.SECONDS);
        assertThat(s.getSignatures().get(0).getLabel()).startsWith("Concat(");
        assertThat(s.getActiveParameter()).isEqualTo(1);
    }

    @Test
    void completionOffersFunctionsAsSnippetsPathsOfTheContextAndWorkspaceKeys() throws Exception {
        List<CompletionItem> fns = lsp.completion(URI, pos(102, 18));
        CompletionItem concat = fns.stream().filter(i -> i.getLabel().equals("Concat")).findFirst().orElseThrow();
        assertThat(concat.getInsertTextFormat()).isEqualTo(InsertTextFormat.Snippet);
        assertThat(concat.getTextEdit().getLeft().getNewText()).startsWith("Concat(${1:");
        assertThat(concat.getTextEdit().getLeft().getRange()).isEqualTo(range(102, 16, 102, 18));

        // the span group's condition: "attributes..." at line 100
        List<String> paths = ServerProcess.labels(lsp.completion(URI, pos(99, 20)));
        assertThat(paths).contains("attributes").doesNotContain("body", "resource.attributes");

        // inside attributes[" of line 103: keys used anywhere in the workspace's OTTL
        List<String> keys = ServerProcess.labels(lsp.completion(URI, find(text, "attributes[\"code.namespace\"],", 0, 12)));
        assertThat(keys).contains("code.namespace", "code.function", "k8s.node.name", "resource.name");
    }

    @Test
    void yamlCompletionOffersComponentTypesAndPipelineIds() throws Exception {
        assertThat(ServerProcess.labels(lsp.completion(URI, pos(33, 6)))).contains("transform", "batch", "filter");
        Position inList = find(text, "receivers: [otlp]", 0, "receivers: [".length());
        assertThat(ServerProcess.labels(lsp.completion(URI, inList))).contains("otlp", "datadog/connector");
    }

    @Test
    void definitionReferencesAndRenameOfComponentIds() throws Exception {
        Position otlpRef = find(text, "receivers: [otlp]", 0, "receivers: [".length() + 1);
        var def = lsp.server.getTextDocumentService().definition(new DefinitionParams(doc(URI), otlpRef)).get(T, TimeUnit.SECONDS);
        assertThat(def.getLeft()).extracting(Location::getRange).containsExactly(range(21, 6, 21, 10));

        ReferenceParams rp = new ReferenceParams(doc(URI), pos(33, 7), new ReferenceContext(true));
        List<? extends Location> refs = lsp.server.getTextDocumentService().references(rp).get(T, TimeUnit.SECONDS);
        assertThat(refs).hasSize(5);
        assertThat(refs.get(0).getRange()).isEqualTo(range(33, 6, 33, 11));

        // datadog/connector: a connector used as an exporter and as receivers
        Position conn = find(text, "exporters: [datadog/connector]", 0, "exporters: [".length());
        List<? extends Location> connRefs = lsp.server.getTextDocumentService().references(
                new ReferenceParams(doc(URI), conn, new ReferenceContext(true))).get(T, TimeUnit.SECONDS);
        assertThat(connRefs).hasSize(4);

        WorkspaceEdit we = lsp.server.getTextDocumentService().rename(new RenameParams(doc(URI), pos(33, 7), "batch/main")).get(T, TimeUnit.SECONDS);
        assertThat(we.getChanges().get(URI)).hasSize(5).allMatch(e -> e.getNewText().equals("batch/main"));
    }

    @Test
    void formattingKeepsFoldedStatementsAndExplicitContextsNeedNoHints() throws Exception {
        var edits = lsp.server.getTextDocumentService().formatting(new org.eclipse.lsp4j.DocumentFormattingParams(doc(URI),
                new org.eclipse.lsp4j.FormattingOptions(2, true))).get(T, TimeUnit.SECONDS);
        assertThat(edits).isEmpty(); // its statements span lines (left as written); its conditions are canonical
        var hints = lsp.server.getTextDocumentService().inlayHint(new org.eclipse.lsp4j.InlayHintParams(doc(URI), range(0, 0, 200, 0)))
                .get(T, TimeUnit.SECONDS);
        assertThat(hints).isEmpty(); // every group names its context
    }

    @Test
    void semanticTokensTellEditorsFromConvertersAcrossFoldedLines() throws Exception {
        SemanticTokens st = lsp.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(doc(URI))).get(T, TimeUnit.SECONDS);
        Map<String, int[]> byPos = SemanticTokensDecoder.decode(st.getData());
        assertThat(byPos.get("101:16")).containsExactly(3, 1, 1); // set: function, modification (editor)
        assertThat(byPos.get("102:16")).containsExactly(6, 1, 2); // Concat: function, defaultLibrary (converter)
        assertThat(byPos.get("102:24")).containsExactly(10, 2, 0); // attributes: property
        assertThat(byPos.get("102:35")).containsExactly(16, 4, 0); // "code.namespace": string
    }

    @Test
    void symbolsFoldingAndCodeLenses() throws Exception {
        var symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(URI))).get(T, TimeUnit.SECONDS);
        List<DocumentSymbol> top = symbols.stream().map(e -> e.getRight()).toList();
        assertThat(top).extracting(DocumentSymbol::getName).containsExactly("receivers", "processors", "connectors", "exporters", "service");
        DocumentSymbol transform = top.get(1).getChildren().stream().filter(s -> s.getName().equals("transform")).findFirst().orElseThrow();
        assertThat(transform.getChildren()).hasSize(4);
        assertThat(transform.getChildren().get(0).getDetail()).isEqualTo("context span");
        assertThat(top.get(4).getChildren()).extracting(DocumentSymbol::getName).containsExactly("traces/all", "traces/sample", "metrics", "logs");

        List<FoldingRange> folds = lsp.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(doc(URI))).get(T, TimeUnit.SECONDS);
        assertThat(folds).anyMatch(f -> f.getStartLine() == 20 && f.getEndLine() == 30); // receivers:
        assertThat(folds).anyMatch(f -> f.getStartLine() == 101 && f.getEndLine() == 103); // the folded statement

        List<? extends CodeLens> lenses = lsp.server.getTextDocumentService().codeLens(new CodeLensParams(doc(URI))).get(T, TimeUnit.SECONDS);
        assertThat(lenses).hasSize(4);
        assertThat(lenses.get(0).getRange().getStart()).isEqualTo(pos(99, 16));
        assertThat(lenses.get(0).getCommand().getTitle()).contains("Run on sample telemetry");
        Object result = lsp.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(lenses.get(0).getCommand().getCommand(),
                lenses.get(0).getCommand().getArguments())).get(T, TimeUnit.SECONDS);
        assertThat(result.toString()).contains("context=span").contains("report=");
    }
}
