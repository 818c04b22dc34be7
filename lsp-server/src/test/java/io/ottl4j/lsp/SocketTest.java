package io.ottl4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** {@code --socket 0}: the server listens on loopback, says where on stderr, and serves one client. */
class SocketTest {
    @Test
    void servesOneClientOnLoopback() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"), LspMain.class.getName(),
                "--socket", "0")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
            int port = -1;
            for (String line; port < 0 && (line = err.readLine()) != null; ) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).isPositive();
            Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                ServerProcess.Recorder client = new ServerProcess.Recorder();
                var launcher = LSPLauncher.createClientLauncher(client, s.getInputStream(), s.getOutputStream());
                launcher.startListening();
                LanguageServer server = launcher.getRemoteProxy();
                InitializeParams ip = new InitializeParams();
                ip.setCapabilities(new ClientCapabilities());
                server.initialize(ip).get(ServerProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                server.initialized(new InitializedParams());
                String uri = ServerProcess.uri("socket.ottl");
                server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "ottl", 1, "# context: span\nset(nmae, \"x\")\n")));
                var d = client.await(x -> x.getUri().equals(uri));
                assertThat(d.getDiagnostics()).hasSize(1);
                assertThat(d.getDiagnostics().get(0).getRange()).isEqualTo(ServerProcess.range(1, 4, 1, 8));
                server.shutdown().get(ServerProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                server.exit();
            }
            assertThat(p.waitFor(ServerProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
