package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ottl lsp} as a process: answers initialize on stdout (nothing else is written there) and exits 0 on exit. */
class LspCommandTest {
    private static void send(OutputStream out, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static String read(InputStream in) throws Exception {
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("stdout closed after: " + header);
            }
            header.append((char) c);
        }
        assertThat(header.toString()).startsWith("Content-Length: ");
        int n = Integer.parseInt(header.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    @Test
    void speaksLspOnStdio() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "lsp"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"capabilities\":{}}}");
            String init = read(p.getInputStream());
            assertThat(init).contains("\"id\":1").contains("\"capabilities\"").contains("\"hoverProvider\":true").contains("ottl-lsp");
            send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            assertThat(read(p.getInputStream())).contains("\"id\":2");
            send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
