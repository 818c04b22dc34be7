package io.ottl4j.lsp;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server as a separate JVM ({@link LspMain} on the test class path) over its real stdin and
 * stdout, driven by LSP4J's client side; records what the server sends to the client.
 */
final class ServerProcess implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 60;

    final Process process;
    final LanguageServer server;
    final Recorder client = new Recorder();
    final InitializeResult initialized;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    private ServerProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"), LspMain.class.getName()));
        File err = Files.createTempFile("ottl-lsp", ".stderr").toFile();
        err.deleteOnExit();
        process = new ProcessBuilder(cmd).redirectError(err).start();
        var launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setCapabilities(new ClientCapabilities());
        initialized = server.initialize(p).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    static ServerProcess start() throws Exception {
        return new ServerProcess();
    }

    static String resource(String name) throws IOException {
        try (var in = ServerProcess.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static String uri(String name) {
        return URI.create("file:///work/lsp-test/" + name).toString();
    }

    /** Opens a document and waits for its first diagnostics. */
    PublishDiagnosticsParams open(String uri, String language, String text) throws Exception {
        versions.put(uri, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, language, 1, text)));
        return diagnostics(uri, 1);
    }

    /** Replaces {@code [start, end)} and waits for the diagnostics of the new version. */
    PublishDiagnosticsParams edit(String uri, Range range, String text) throws Exception {
        int v = versions.merge(uri, 1, Integer::sum);
        TextDocumentContentChangeEvent c = new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), List.of(c)));
        return diagnostics(uri, v);
    }

    PublishDiagnosticsParams diagnostics(String uri, int version) throws InterruptedException {
        return client.await(p -> p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() >= version);
    }

    /** The completion items at a position. */
    List<org.eclipse.lsp4j.CompletionItem> completion(String uri, Position p) throws Exception {
        var r = server.getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(doc(uri), p)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return r.isLeft() ? r.getLeft() : r.getRight().getItems();
    }

    static List<String> labels(List<org.eclipse.lsp4j.CompletionItem> items) {
        return items.stream().map(org.eclipse.lsp4j.CompletionItem::getLabel).toList();
    }

    static TextDocumentIdentifier doc(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    static Position pos(int line, int character) {
        return new Position(line, character);
    }

    static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    /** The 0-based position of the {@code nth} occurrence (from 0) of {@code needle} in {@code text}, plus {@code delta} chars. */
    static Position find(String text, String needle, int nth, int delta) {
        int at = -1;
        for (int i = 0; i <= nth; i++) {
            at = text.indexOf(needle, at + 1);
            if (at < 0) {
                throw new AssertionError("'" + needle + "' not found");
            }
        }
        at += delta;
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, at - lineStart);
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.exit();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** The client side: records diagnostics and log messages. */
    static final class Recorder implements LanguageClient {
        final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
        final List<MessageParams> logs = new CopyOnWriteArrayList<>();

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.add(p);
            synchronized (this) {
                notifyAll();
            }
        }

        @Override
        public void logMessage(MessageParams m) {
            logs.add(m);
            synchronized (this) {
                notifyAll();
            }
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams m) {
            logMessage(m);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }

        synchronized PublishDiagnosticsParams await(Predicate<PublishDiagnosticsParams> p) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                for (int i = diagnostics.size() - 1; i >= 0; i--) {
                    if (p.test(diagnostics.get(i))) {
                        return diagnostics.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such diagnostics within " + TIMEOUT_SECONDS + " s; got " + diagnostics);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }

        synchronized MessageParams awaitLog(Predicate<MessageParams> p) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                for (MessageParams m : logs) {
                    if (p.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such log message within " + TIMEOUT_SECONDS + " s; got " + logs);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }
}
