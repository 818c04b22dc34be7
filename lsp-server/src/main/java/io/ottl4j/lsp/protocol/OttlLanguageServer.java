package io.ottl4j.lsp.protocol;

import io.ottl4j.lsp.service.LanguageService;
import io.ottl4j.lsp.service.Tokens;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP4J server: capabilities, lifecycle and the two services over the plain-Java {@link LanguageService}. */
public final class OttlLanguageServer implements LanguageServer, LanguageClientAware {
    private final LanguageService service;
    private final OttlTextDocumentService text;
    private final OttlWorkspaceService workspace;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private final Runnable onExit;

    public OttlLanguageServer(LanguageService service, long debounceMillis, Runnable onExit) {
        this.service = service;
        this.text = new OttlTextDocumentService(this, service, debounceMillis);
        this.workspace = new OttlWorkspaceService(this, service);
        this.onExit = onExit;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    LanguageClient client() {
        return client;
    }

    /** Tells the client (window/logMessage); never throws. */
    void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logMessage(new MessageParams(type, message));
            } catch (RuntimeException e) {
                // the client went away: nothing to tell
            }
        }
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        CompletionOptions co = new CompletionOptions(false, List.of(".", "[", "\"", "(", " ", ":", "-"));
        caps.setCompletionProvider(co);
        caps.setHoverProvider(true);
        caps.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of(",")));
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setInlayHintProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(LanguageService.RUN_COMMAND)));
        SemanticTokensWithRegistrationOptions st = new SemanticTokensWithRegistrationOptions(
                new SemanticTokensLegend(Tokens.TYPES, Tokens.MODIFIERS), true, false);
        caps.setSemanticTokensProvider(st);
        InitializeResult r = new InitializeResult(caps, new ServerInfo("ottl-lsp", version()));
        return CompletableFuture.completedFuture(r);
    }

    private static String version() {
        String v = OttlLanguageServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void initialized(org.eclipse.lsp4j.InitializedParams params) {
        // warm the catalogs and the binder off the request path, so the first edit answers fast
        Thread t = new Thread(() -> {
            try {
                service.update("warmup:/warmup.ottl", "set(attributes[\"a\"], Concat([name, \"b\"], \"-\")) where name == \"x\"\n");
                service.close("warmup:/warmup.ottl");
                service.components();
            } catch (Throwable e) {
                log(MessageType.Warning, "warm-up failed: " + e);
            }
        }, "ottl-lsp-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        text.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        text.shutdown();
        onExit.run();
    }

    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return text;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
