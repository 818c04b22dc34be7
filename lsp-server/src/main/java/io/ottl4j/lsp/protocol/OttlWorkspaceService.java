package io.ottl4j.lsp.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.ottl4j.lsp.service.LanguageService;
import io.ottl4j.lsp.service.Runner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.WorkspaceService;

/** workspace/*: the run-on-sample-telemetry command behind the code lens. */
final class OttlWorkspaceService implements WorkspaceService {
    private final OttlLanguageServer server;
    private final LanguageService service;

    OttlWorkspaceService(OttlLanguageServer server, LanguageService service) {
        this.server = server;
        this.service = service;
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        try {
            if (!LanguageService.RUN_COMMAND.equals(params.getCommand())) {
                server.log(MessageType.Warning, "ottl-lsp: unknown command " + params.getCommand());
                return CompletableFuture.completedFuture(null);
            }
            List<Object> args = params.getArguments();
            String uri = string(args.get(0));
            int index = (int) Double.parseDouble(string(args.get(1)));
            OttlTextDocumentService text = (OttlTextDocumentService) server.getTextDocumentService();
            text.documents().analysis(uri, false); // bring the analysis up to date
            Runner.Run run = service.run(uri, index);
            if (run == null) {
                return CompletableFuture.completedFuture(null);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("context", run.context());
            out.put("records", run.records());
            out.put("changed", run.changed());
            out.put("errors", run.errors());
            out.put("report", run.report());
            server.log(MessageType.Info, run.report());
            return CompletableFuture.completedFuture(out);
        } catch (Throwable e) {
            server.log(MessageType.Error, "ottl-lsp: " + params.getCommand() + " failed: " + e);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static String string(Object o) {
        if (o instanceof JsonPrimitive p) {
            return p.getAsString();
        }
        if (o instanceof JsonElement e) {
            return e.toString();
        }
        return String.valueOf(o);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // no settings yet
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // open documents are analysed from the editor's text
    }
}
