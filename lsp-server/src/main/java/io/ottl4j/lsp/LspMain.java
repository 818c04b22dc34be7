package io.ottl4j.lsp;

import io.ottl4j.lsp.protocol.OttlLanguageServer;
import io.ottl4j.lsp.service.LanguageService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the language server on stdio (the default) or on a loopback TCP port. On stdio, {@code System.out}
 * is the protocol channel, so everything else that would print there is sent to stderr.
 */
public final class LspMain {
    /** How long diagnostics wait after the last keystroke. */
    public static final long DEBOUNCE_MILLIS = 150;

    private LspMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--socket") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            }
        }
        System.exit(port >= 0 ? socket(port) : stdio());
    }

    /** Serves one client on stdin/stdout until it exits; returns the exit status. */
    public static int stdio() throws InterruptedException {
        InputStream in = System.in;
        OutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        System.setOut(new PrintStream(System.err, true));
        return serve(in, out);
    }

    /** Accepts one client on 127.0.0.1:{@code port} (0 picks one, printed to stderr) and serves it. */
    public static int socket(int port) throws IOException, InterruptedException {
        try (ServerSocket ss = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            System.err.println("ottl lsp: listening on 127.0.0.1:" + ss.getLocalPort());
            try (Socket s = ss.accept()) {
                return serve(s.getInputStream(), s.getOutputStream());
            }
        }
    }

    static int serve(InputStream in, OutputStream out) throws InterruptedException {
        int[] status = {1};
        Thread[] main = {Thread.currentThread()};
        OttlLanguageServer server = new OttlLanguageServer(new LanguageService(), DEBOUNCE_MILLIS, () -> {
            status[0] = 0;
            main[0].interrupt();
        });
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException e) {
            return 1;
        } catch (InterruptedException e) {
            return status[0];
        }
        return server.isShutdown() ? 0 : 1;
    }
}
