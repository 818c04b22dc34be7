package io.ottl4j.collector.fault;

import io.ottl4j.collector.Builtins;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.config.ConfigLoader;
import io.ottl4j.collector.extension.healthcheck.HealthCheckExtensionFactory;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.service.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A collector in its own JVM, for fault tests that must not share the test's heap or threads: {@link #main}
 * starts one from a config file and writes "http grpc health" ports to a file; {@link #start} launches it with
 * the test's class path and a small heap, exiting on OutOfMemoryError as the launcher does.
 */
public final class ChildCollector implements AutoCloseable {
    public static void main(String[] args) throws Exception {
        CollectorConfig cfg = CollectorConfig.from(new ConfigLoader(Map.of()).load(List.of(args[0]), List.of()), Builtins.components(), Set.of());
        Collector c = new Collector(cfg, Set.of(), "fault-test");
        c.start();
        int http = -1;
        int grpc = -1;
        for (Pipelines.Node n : c.pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                http = r.httpPort();
                grpc = r.grpcPort();
            }
        }
        int health = c.extensions().values().stream().filter(e -> e instanceof HealthCheckExtensionFactory.HealthCheck)
                .mapToInt(e -> ((HealthCheckExtensionFactory.HealthCheck) e).port()).findFirst().orElse(-1);
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, http + " " + grpc + " " + health);
        Files.move(tmp, Path.of(args[1]));
        c.awaitTermination();
    }

    private final Process process;
    public final int http;
    public final int grpc;
    public final int health;

    private ChildCollector(Process process, int[] ports) {
        this.process = process;
        this.http = ports[0];
        this.grpc = ports[1];
        this.health = ports[2];
    }

    /** Starts a child collector with {@code yaml} and {@code -Xmx<heapMib>m}; waits (up to 60 s) for its ports. */
    public static ChildCollector start(Path dir, String yaml, int heapMib) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
        Path ports = dir.resolve("ports");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ChildCollector.class.getName(), config.toString(), ports.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ports)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("child collector did not start: " + Files.readString(dir.resolve("child.log")));
            }
            Thread.sleep(50); // polling for a file the child writes, not a timed assertion
        }
        String[] parts = Files.readString(ports).trim().split(" ");
        return new ChildCollector(p, new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("child.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: graceful shutdown
        if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
