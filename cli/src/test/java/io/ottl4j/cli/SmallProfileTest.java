package io.ottl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.boot.LazyJarClassLoader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code OTTL_PROFILE=small}: the collector runs with exactly the JVM options the launcher gives that profile (read
 * from the {@code ottl} script, without the Graal compiler) and OTTL still transforms correctly on Truffle's
 * interpreter, through transform + batch, with every span delivered.
 */
class SmallProfileTest {
    /** Requests of two spans each (one matches the statement), sent one after the other; batches of 16 spans, so several batches and a partial one. */
    private static final int REQUESTS = 40;

    @TempDir
    Path dir;

    /** The {@code profile_opts} of the launcher's {@code small)} case. */
    static List<String> smallProfileOptions() throws Exception {
        String script = Files.readString(Path.of(System.getProperty("ottl.project.dir", ".."), "ottl"));
        Matcher m = Pattern.compile("small\\)\\s*\\n(?:.*\\n)*?\\s*profile_opts=\"([^\"]+)\"").matcher(script);
        assertThat(m.find()).as("the launcher defines the small profile's options").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    /** {@code ottl ARGS} in a JVM with the small profile's options, its output in {@code log}. */
    private static Process startSmall(List<String> options, Path log, String... args) throws Exception {
        return startSmall(options, false, log, args);
    }

    /**
     * The same, with {@code lazy}: class loading as the launcher sets it up for the small profile without the start-up
     * cache: only the boot jar on the JVM's class path, everything else read by {@link LazyJarClassLoader}.
     */
    private static Process startSmall(List<String> options, boolean lazy, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dottl.profile=small",
                "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        command.addAll(options);
        if (lazy) {
            String boot = Path.of(LazyJarClassLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            command.addAll(List.of("-Xlog:cds=off", "-Djava.system.class.loader=" + LazyJarClassLoader.class.getName(),
                    "-D" + LazyJarClassLoader.CLASS_PATH_PROPERTY + "=" + System.getProperty("java.class.path"), "-cp", boot, Main.class.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void theSmallProfileRunsTheSeedStatementOnTheInterpreter() throws Exception {
        List<String> options = smallProfileOptions();
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "-Xmx64m").noneMatch(o -> o.contains("JVMCI"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("out.jsonl");
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, """
                receivers:
                  otlp:
                    protocols:
                      http: {endpoint: "127.0.0.1:%d"}
                processors:
                  batch: {send_batch_size: 16}
                  transform:
                    error_mode: ignore
                    trace_statements:
                      - context: span
                        conditions: ['attributes["code.namespace"] != nil']
                        statements:
                          - set(attributes["resource.name"], Concat([attributes["code.namespace"], attributes["code.function"]], "#"))
                exporters:
                  file: {path: "%s"}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], processors: [transform, batch], exporters: [file]}
                """.formatted(port, out));
        Path log = dir.resolve("log.txt");
        Process p = startSmall(options, true, log, "collector", "--config", config.toString());
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(log) && Files.readString(log).contains("Everything is ready."))) {
                assertThat(p.isAlive() && System.nanoTime() < end).as("the collector starts: %s", Files.exists(log) ? Files.readString(log) : "")
                        .isTrue();
                Thread.sleep(50);
            }
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/eval/mastodon-span.json"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            p.destroy(); // SIGTERM: the file exporter flushes
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String written = Files.readString(out);
        assertThat(written).contains("\"key\":\"resource.name\"");
        assertThat(Pattern.compile("PushUpdateWorker#perform").matcher(written).results().count())
                .as("every matching span was transformed").isEqualTo(REQUESTS);
        assertThat(Pattern.compile("\"spanId\"").matcher(written).results().count())
                .as("every span sent went through transform + batch to the file").isEqualTo(2L * REQUESTS);
    }

    /** The launcher's small profile reads the class path through the lazy loader, and says so in {@code --version}. */
    @Test
    void theLauncherReadsTheSmallProfilesClassPathLazily() throws Exception {
        String script = Files.readString(Path.of(System.getProperty("ottl.project.dir", ".."), "ottl"));
        assertThat(script).contains("-Djava.system.class.loader=" + LazyJarClassLoader.class.getName());
        Path log = dir.resolve("version.log");
        Process p = startSmall(smallProfileOptions(), true, log, "--version");
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("Class loading: jars opened on demand and closed when idle")
                    .doesNotContain("warning");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * The launcher's start-up cache is recorded by a training run of its built-in config (the {@code YAML} here-document
     * of the {@code ottl} script) with {@code --exit-when-ready}: the config must stay valid and the run must end by itself.
     */
    @Test
    void theStartUpCacheTrainingRunStartsAndStopsByItself() throws Exception {
        String script = Files.readString(Path.of(System.getProperty("ottl.project.dir", ".."), "ottl"));
        Matcher m = Pattern.compile("<<'YAML'\\n((?:.*\\n)*?)YAML\\n").matcher(script);
        assertThat(m.find()).as("the launcher holds the training config").isTrue();
        Path config = dir.resolve("training.yaml");
        Files.writeString(config, m.group(1));
        Path log = dir.resolve("training.log");
        Process p = startSmall(smallProfileOptions(), log, "collector", "--config", config.toString(), "--exit-when-ready");
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the training run ends by itself").isTrue();
            assertThat(p.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("Everything is ready.", "Shutdown complete.");
        } finally {
            p.destroyForcibly();
        }
    }
}
