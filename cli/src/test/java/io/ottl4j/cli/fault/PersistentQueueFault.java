package io.ottl4j.cli.fault;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The persistent-queue fault scenario, as separate processes on loopback:
 * sender → middle collector (otlp http receiver → otlp_grpc exporter with {@code sending_queue::storage}) →
 * backend collector (otlp grpc receiver → file exporter).
 * <ol>
 * <li>the backend is down from the start, for {@code backendDown} and at least until every span is acknowledged;</li>
 * <li>the middle collector is SIGKILLed when half the spans are acknowledged, and restarted (the sender retries
 * each request until acknowledged, as an SDK does);</li>
 * <li>the backend comes up; as soon as spans arrive the middle collector is SIGKILLed again mid-delivery and
 * restarted;</li>
 * <li>the run ends when the backend holds every span ID (or at the deadline); both collectors get SIGTERM.</li>
 * </ol>
 * Figures: acknowledged, received (unique span IDs), lost, duplicates. The test runs a short version;
 * {@code scripts/fault-persistent-queue.sh} runs {@link #main} with 100,000 spans and a 60 s outage.
 */
public final class PersistentQueueFault {
    /** The figures of one run. */
    public record Result(long sent, long acknowledged, long received, long lost, long duplicates, Duration elapsed, int middleKills) {
        @Override
        public String toString() {
            return "sent=" + sent + " acknowledged=" + acknowledged + " received=" + received + " lost=" + lost + " duplicates=" + duplicates
                    + " middle_sigkills=" + middleKills + " elapsed=" + elapsed.toSeconds() + "s";
        }
    }

    private PersistentQueueFault() {
    }

    static Path middleConfig(Path work, int httpPort, int backendPort, String queue) throws IOException {
        Path f = work.resolve("middle.yaml");
        Files.writeString(f, """
                extensions:
                  file_storage/queue:
                    directory: %s
                    create_directory: true
                receivers:
                  otlp:
                    protocols:
                      http:
                        endpoint: 127.0.0.1:%d
                exporters:
                  otlp_grpc:
                    endpoint: 127.0.0.1:%d
                    tls: {insecure: true}
                    retry_on_failure: {initial_interval: 100ms, max_interval: 1s, max_elapsed_time: 0s}
                    sending_queue: %s
                service:
                  extensions: [file_storage/queue]
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [otlp_grpc]}
                """.formatted(work.resolve("queue"), httpPort, backendPort, queue));
        return f;
    }

    static Path backendConfig(Path work, int grpcPort) throws IOException {
        Path f = work.resolve("backend.yaml");
        Files.writeString(f, """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        endpoint: 127.0.0.1:%d
                exporters:
                  file: {path: %s, flush_interval: 100ms}
                service:
                  telemetry: {metrics: {level: none}}
                  pipelines:
                    traces: {receivers: [otlp], exporters: [file]}
                """.formatted(grpcPort, work.resolve("backend.jsonl")));
        return f;
    }

    public static Result run(Path work, int spans, Duration backendDown, Duration deadline, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + deadline.toNanos();
        int httpPort = CollectorProcess.freePort();
        int grpcPort = CollectorProcess.freePort();
        Path middleYaml = middleConfig(work, httpPort, grpcPort, "{storage: file_storage/queue, queue_size: 1000000, num_consumers: 4}");
        Path backendYaml = backendConfig(work, grpcPort);
        Path received = work.resolve("backend.jsonl");
        List<CollectorProcess> all = new ArrayList<>();
        int kills = 0;
        SpanTraffic traffic = new SpanTraffic();
        try {
            CollectorProcess middle = start(all, middleYaml, work.resolve("middle-1.log"), httpPort);
            Thread sender = Thread.ofPlatform().name("fault-sender").start(() -> {
                try {
                    traffic.send(httpPort, spans, 100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await(() -> traffic.acknowledged.get() >= spans / 2, end);
            middle.kill();
            kills++;
            out.println("SIGKILL middle collector with backend down after " + traffic.acknowledged.get() + " spans acknowledged");
            middle = start(all, middleYaml, work.resolve("middle-2.log"), httpPort);
            sender.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            out.println("all " + traffic.acknowledged.get() + " spans acknowledged; backend down for " + backendDown.toSeconds() + " s from the start");
            long upAt = t0 + backendDown.toNanos();
            while (System.nanoTime() < upAt) {
                Thread.sleep(Math.min(1000, Math.max(1, (upAt - System.nanoTime()) / 1_000_000)));
            }
            CollectorProcess backend = start(all, backendYaml, work.resolve("backend.log"), grpcPort);
            out.println("backend up");
            // kill as soon as delivery has visibly begun: the backend drains a restored queue within seconds
            await(() -> SpanTraffic.count(received).unique() > 0, end);
            middle.kill();
            kills++;
            out.println("SIGKILL middle collector mid-delivery at " + SpanTraffic.count(received).unique() + " spans received");
            middle = start(all, middleYaml, work.resolve("middle-3.log"), httpPort);
            await(() -> SpanTraffic.count(received).unique() >= spans, end);
            middle.terminate(Duration.ofSeconds(30));
            backend.terminate(Duration.ofSeconds(30));
            SpanTraffic.Received r = SpanTraffic.count(received);
            return new Result(spans, traffic.acknowledged.get(), r.unique(), traffic.acknowledged.get() - r.unique(), r.duplicates(),
                    Duration.ofNanos(System.nanoTime() - t0), kills);
        } finally {
            for (CollectorProcess p : all) {
                p.close();
            }
        }
    }

    private static CollectorProcess start(List<CollectorProcess> all, Path config, Path log, int port) throws Exception {
        CollectorProcess p = CollectorProcess.start(config, log);
        all.add(p);
        p.awaitListening(port, Duration.ofSeconds(60));
        return p;
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check c, long endNanos) throws Exception {
        while (!c.holds()) {
            if (System.nanoTime() > endNanos) {
                return; // the figures tell what was missing
            }
            Thread.sleep(100);
        }
    }

    /** {@code PersistentQueueFault [spans] [backend-down] [deadline] [work-dir]}: the long run. */
    public static void main(String[] args) throws Exception {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Duration down = args.length > 1 ? Duration.parse("PT" + args[1].toUpperCase(java.util.Locale.ROOT)) : Duration.ofSeconds(60);
        Duration deadline = args.length > 2 ? Duration.parse("PT" + args[2].toUpperCase(java.util.Locale.ROOT)) : Duration.ofMinutes(10);
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("fault-pq");
        Files.createDirectories(work);
        System.out.println("work directory: " + work);
        Result r = run(work, spans, down, deadline, System.out);
        System.out.println(r);
        System.exit(r.lost() == 0 ? 0 : 1);
    }
}
