package io.ottl4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Process start to {@code initialize} answered: {@code java ... io.ottl4j.lsp.LspMain} with the
 * flags ./ottl gives {@code ottl lsp} (C1 only, serial GC), one JSON-RPC initialize request written to its stdin, timed until the response
 * header arrives. Baseline: starting a JVM on the same class path that exits at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 8)
@Fork(1)
public class LspStartup {
    /** The baseline's main: returns at once. */
    public static final class Noop {
        public static void main(String[] args) {
        }
    }

    private static List<String> java(String main) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (main.endsWith("LspMain")) {
            cmd.add("-XX:TieredStopAtLevel=1"); // as ./ottl starts `ottl lsp`
            cmd.add("-XX:+UseSerialGC");
        }
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        return cmd;
    }

    @Benchmark
    public int initializeAnswered() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java("io.ottl4j.lsp.LspMain")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}";
            OutputStream out = p.getOutputStream();
            out.write(("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = p.getInputStream();
            int first = in.read(); // the response's first byte
            if (first < 0) {
                throw new IllegalStateException("the server closed stdout without answering");
            }
            return first;
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Benchmark
    public int baselineJvmStart() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(Noop.class.getName())).start();
        return p.waitFor();
    }
}
