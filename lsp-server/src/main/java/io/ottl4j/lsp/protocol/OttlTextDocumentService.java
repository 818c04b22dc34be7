package io.ottl4j.lsp.protocol;

import io.ottl4j.lsp.service.Analysis;
import io.ottl4j.lsp.service.Analyzer;
import io.ottl4j.lsp.service.IdRef;
import io.ottl4j.lsp.service.LanguageService;
import io.ottl4j.lsp.service.LineIndex;
import io.ottl4j.lsp.service.Problem;
import io.ottl4j.lsp.service.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * textDocument/*: keeps the open texts, publishes diagnostics after a quiet period, and answers every
 * request from the language service. Any failure is logged to the client and answered with an empty result.
 */
final class OttlTextDocumentService implements TextDocumentService {
    private static final Set<String> LANGUAGES = Set.of("yaml", "yml", "ottl", "plaintext", "");

    private final OttlLanguageServer server;
    private final LanguageService service;
    private final Documents docs;
    private final long debounceMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ottl-lsp-diagnostics");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();

    OttlTextDocumentService(OttlLanguageServer server, LanguageService service, long debounceMillis) {
        this.server = server;
        this.service = service;
        this.docs = new Documents(service);
        this.debounceMillis = debounceMillis;
    }

    void shutdown() {
        scheduler.shutdownNow();
    }

    // ------------------------------------------------------------------ synchronisation

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        String lang = d.getLanguageId() == null ? "" : d.getLanguageId().toLowerCase(Locale.ROOT);
        String uri = d.getUri();
        if (!LANGUAGES.contains(lang) && !uri.endsWith(".ottl") && !uri.endsWith(".yaml") && !uri.endsWith(".yml")) {
            ignored.add(uri);
            server.log(MessageType.Info, "ottl-lsp: " + uri + " (language " + lang + ") is not a collector config, .ottl or test file; ignored");
            return;
        }
        docs.open(uri, d.getText(), d.getVersion());
        schedule(uri, 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (ignored.contains(uri)) {
            return;
        }
        try {
            docs.change(uri, params.getTextDocument().getVersion(), params.getContentChanges());
        } catch (RuntimeException e) {
            server.log(MessageType.Error, "ottl-lsp: cannot apply a change to " + uri + ": " + e);
            return;
        }
        schedule(uri, debounceMillis);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        ignored.remove(uri);
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) {
            f.cancel(false);
        }
        docs.close(uri);
        LanguageClientCalls.publish(server, new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // diagnostics follow the text as typed; saving changes nothing
    }

    private void schedule(String uri, long delay) {
        ScheduledFuture<?> old = pending.put(uri, scheduler.schedule(() -> publish(uri), delay, TimeUnit.MILLISECONDS));
        if (old != null) {
            old.cancel(false);
        }
    }

    private void publish(String uri) {
        Documents.Doc d = docs.doc(uri);
        if (d == null) {
            return;
        }
        List<Diagnostic> out = new ArrayList<>();
        try {
            Analysis a = docs.analysis(uri, true);
            for (Problem p : a.problems) {
                Diagnostic dg = new Diagnostic(Documents.range(a.lines, p.start(), p.end()), p.message(),
                        p.error() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "ottl");
                dg.setCode(p.code());
                out.add(dg);
            }
        } catch (Analyzer.Unsupported e) {
            server.log(MessageType.Warning, "ottl-lsp: " + e.getMessage());
        } catch (Throwable e) {
            server.log(MessageType.Error, "ottl-lsp: internal error analysing " + uri + ": " + e);
        }
        PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, out);
        p.setVersion(d.version());
        LanguageClientCalls.publish(server, p);
    }

    // ------------------------------------------------------------------ requests

    /** Runs a request on the current analysis; failures become a log message and {@code empty}. */
    private <T> CompletableFuture<T> answer(String what, String uri, T empty, Function<Analysis, T> body) {
        return answer(what, uri, empty, body, false);
    }

    /** As above; {@code validate} when the answer needs {@code ottl validate}'s problems (quick fixes). */
    private <T> CompletableFuture<T> answer(String what, String uri, T empty, Function<Analysis, T> body, boolean validate) {
        try {
            if (ignored.contains(uri)) {
                server.log(MessageType.Info, "ottl-lsp: " + what + " on an ignored document " + uri);
                return CompletableFuture.completedFuture(empty);
            }
            Analysis a = docs.analysis(uri, validate);
            if (a == null) {
                return CompletableFuture.completedFuture(empty);
            }
            T r = body.apply(a);
            return CompletableFuture.completedFuture(r == null ? empty : r);
        } catch (Analyzer.Unsupported e) {
            server.log(MessageType.Warning, "ottl-lsp: " + e.getMessage());
        } catch (Throwable e) {
            server.log(MessageType.Error, "ottl-lsp: internal error in " + what + " for " + uri + ": " + e);
        }
        return CompletableFuture.completedFuture(empty);
    }

    private static int offset(Analysis a, org.eclipse.lsp4j.Position p) {
        return Documents.offset(a.lines, p);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return answer("completion", params.getTextDocument().getUri(), Either.forRight(new CompletionList(false, List.of())), a -> {
            List<CompletionItem> items = new ArrayList<>();
            int i = 0;
            for (Results.Completion c : service.completion(a, offset(a, params.getPosition()))) {
                CompletionItem it = new CompletionItem(c.label());
                it.setKind(switch (c.kind()) {
                    case FUNCTION -> CompletionItemKind.Function;
                    case METHOD -> CompletionItemKind.Method;
                    case PROPERTY -> CompletionItemKind.Property;
                    case ENUM -> CompletionItemKind.EnumMember;
                    case KEYWORD -> CompletionItemKind.Keyword;
                    case MODULE -> CompletionItemKind.Module;
                    case FIELD -> CompletionItemKind.Field;
                    case VALUE -> CompletionItemKind.Value;
                    case REFERENCE -> CompletionItemKind.Reference;
                });
                it.setDetail(c.detail());
                if (c.documentation() != null && !c.documentation().isEmpty()) {
                    it.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, c.documentation()));
                }
                it.setTextEdit(Either.forLeft(new TextEdit(Documents.range(a.lines, c.start(), c.end()), c.insert())));
                it.setInsertTextFormat(c.snippet() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
                it.setSortText(String.format("%04d", i++));
                items.add(it);
            }
            return Either.forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer("hover", params.getTextDocument().getUri(), null, a -> {
            Results.Hover h = service.hover(a, offset(a, params.getPosition()));
            return h == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()), Documents.range(a.lines, h.start(), h.end()));
        });
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return answer("signatureHelp", params.getTextDocument().getUri(), null, a -> {
            Results.Signature s = service.signature(a, offset(a, params.getPosition()));
            if (s == null) {
                return null;
            }
            SignatureInformation si = new SignatureInformation(s.label());
            si.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, s.documentation()));
            si.setParameters(s.parameters().stream().map(p -> new ParameterInformation(p)).toList());
            si.setActiveParameter(s.activeParameter());
            return new SignatureHelp(List.of(si), 0, s.activeParameter());
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return answer("codeAction", params.getTextDocument().getUri(), List.of(), a -> {
            int from = offset(a, params.getRange().getStart());
            int to = offset(a, params.getRange().getEnd());
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            for (Problem p : a.problems) {
                if (p.fixes().isEmpty() || p.end() < from || p.start() > to) {
                    continue;
                }
                for (Problem.Fix f : p.fixes()) {
                    CodeAction ca = new CodeAction(f.title());
                    ca.setKind(CodeActionKind.QuickFix);
                    ca.setIsPreferred(true);
                    Diagnostic dg = new Diagnostic(Documents.range(a.lines, p.start(), p.end()), p.message(),
                            p.error() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "ottl");
                    dg.setCode(p.code());
                    ca.setDiagnostics(List.of(dg));
                    ca.setEdit(new WorkspaceEdit(Map.of(a.uri, List.of(new TextEdit(Documents.range(a.lines, f.start(), f.end()), f.newText())))));
                    out.add(Either.forRight(ca));
                }
            }
            return out;
        }, true);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return answer("semanticTokens", params.getTextDocument().getUri(), new SemanticTokens(List.of()), a -> {
            List<Integer> data = new ArrayList<>();
            int line = 0;
            int ch = 0;
            for (Results.Token t : service.semanticTokens(a)) {
                LineIndex.Pos p = a.lines.position(t.start());
                data.add(p.line() - line);
                data.add(p.line() == line ? p.character() - ch : p.character());
                data.add(t.length());
                data.add(t.type());
                data.add(t.modifiers());
                line = p.line();
                ch = p.character();
            }
            return new SemanticTokens(data);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return answer("documentSymbol", params.getTextDocument().getUri(), List.of(), a -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (Results.Symbol s : service.symbols(a)) {
                out.add(Either.forRight(symbol(a, s)));
            }
            return out;
        });
    }

    private static DocumentSymbol symbol(Analysis a, Results.Symbol s) {
        SymbolKind k = switch (s.kind()) {
            case NAMESPACE -> SymbolKind.Namespace;
            case CLASS -> SymbolKind.Class;
            case FUNCTION -> SymbolKind.Function;
            case INTERFACE -> SymbolKind.Interface;
            case PROPERTY -> SymbolKind.Property;
            case EVENT -> SymbolKind.Event;
            case BOOLEAN -> SymbolKind.Boolean;
            case METHOD -> SymbolKind.Method;
        };
        DocumentSymbol d = new DocumentSymbol(s.name(), k, Documents.range(a.lines, s.start(), s.end()),
                Documents.range(a.lines, s.selectionStart(), s.selectionEnd()), s.detail());
        d.setChildren(s.children().stream().map(c -> symbol(a, c)).toList());
        return d;
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return answer("foldingRange", params.getTextDocument().getUri(), List.of(),
                a -> service.folding(a).stream().map(f -> new FoldingRange(f.startLine(), f.endLine())).toList());
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return answer("definition", params.getTextDocument().getUri(), Either.forLeft(List.of()),
                a -> Either.forLeft(locations(a, service.definitions(a, offset(a, params.getPosition())))));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return answer("references", params.getTextDocument().getUri(), List.of(), a -> locations(a,
                service.references(a, offset(a, params.getPosition()), params.getContext() == null || params.getContext().isIncludeDeclaration())));
    }

    private static List<Location> locations(Analysis a, List<IdRef> refs) {
        return refs.stream().map(r -> new Location(a.uri, Documents.range(a.lines, r.start(), r.end()))).toList();
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return answer("rename", params.getTextDocument().getUri(), null, a -> {
            List<Results.Edit> edits = service.rename(a, offset(a, params.getPosition()), params.getNewName());
            if (edits.isEmpty()) {
                return null;
            }
            return new WorkspaceEdit(Map.of(a.uri, edits(a, edits)));
        });
    }

    private static List<TextEdit> edits(Analysis a, List<Results.Edit> edits) {
        return edits.stream().map(e -> new TextEdit(Documents.range(a.lines, e.start(), e.end()), e.text())).toList();
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return answer("formatting", params.getTextDocument().getUri(), List.of(), a -> edits(a, service.format(a)));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return answer("inlayHint", params.getTextDocument().getUri(), List.of(), a -> {
            int from = offset(a, params.getRange().getStart());
            int to = offset(a, params.getRange().getEnd());
            List<InlayHint> out = new ArrayList<>();
            for (Results.Hint h : service.inlayHints(a)) {
                if (h.offset() >= from && h.offset() <= to) {
                    InlayHint ih = new InlayHint(Documents.position(a.lines, h.offset()), Either.forLeft(h.label()));
                    ih.setKind(InlayHintKind.Type);
                    ih.setPaddingRight(true);
                    ih.setTooltip("the context this statement list was inferred to run in");
                    out.add(ih);
                }
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return answer("codeLens", params.getTextDocument().getUri(), List.of(), a -> service.codeLenses(a).stream()
                .map(l -> new CodeLens(Documents.range(a.lines, l.start(), l.end()), new Command(l.title(), l.command(), l.arguments()), null))
                .toList());
    }

    @Override
    public CompletableFuture<CodeLens> resolveCodeLens(CodeLens unresolved) {
        return CompletableFuture.completedFuture(unresolved);
    }

    Documents documents() {
        return docs;
    }

    /** Unused range helper kept for symmetry with positions. */
    static Range whole(Analysis a) {
        return Documents.range(a.lines, 0, a.text.length());
    }
}
