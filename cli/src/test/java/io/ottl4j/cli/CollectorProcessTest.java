package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ottl collector} as a real process stopped with SIGTERM: every line its shutdown produces ("Starting
 * shutdown...", the debug exporter's output of the batch drained at shutdown, "Shutdown complete.") reaches
 * stderr, every time, and every log line carries the same timestamp format.
 */
class CollectorProcessTest {
    /** zap's ISO 8601 layout, the one of every collector log line. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d{4})\\t(info|warn|error|debug)\\t.*");

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void sigtermWritesEveryLineOfTheShutdown() throws Exception {
        Path err = dir.resolve("stderr.txt");
        int port = freePort();
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, """
                receivers:
                  otlp:
                    protocols:
                      http: {endpoint: "127.0.0.1:%d"}
                processors:
                  batch: {timeout: 1h}
                exporters:
                  debug: {verbosity: detailed}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], processors: [batch], exporters: [debug]}
                """.formatted(port));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "collector",
                "--config", config.toString()).redirectErrorStream(true).redirectOutput(err.toFile()).start();
        try {
            awaitOutput(p, err, "Everything is ready.");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/eval/mastodon-span.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the collector exits after SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(err);
        // the batch (timeout 1h) is only sent by the drain at shutdown, between the two shutdown lines
        assertThat(out).containsSubsequence("Everything is ready.", "Starting shutdown...", "\tinfo\tTraces\t", "Span #0",
                "    Kind           : Consumer", "Shutdown complete.");
        List<String> logLines = out.lines().filter(l -> l.matches("^\\d{4}-.*")).toList();
        assertThat(logLines).hasSizeGreaterThanOrEqualTo(4).allSatisfy(l -> assertThat(l).matches(LOG_LINE));
    }

    private static void awaitOutput(Process p, Path file, String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // bounded, generous: a busy machine starts JVMs slowly
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            if (!p.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("the collector did not start: " + (Files.exists(file) ? Files.readString(file) : ""));
            }
            Thread.sleep(50);
        }
    }

    /** An ephemeral port for the child process (the collector cannot tell its own port back to the test). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
