package io.ottl4j.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persistent queues across SIGKILL and SIGTERM, with real collector processes on loopback (bounded: 20,000
 * spans, deadline 90 s; the long run with 100,000 spans and a 60 s outage is scripts/fault-persistent-queue.sh).
 */
class PersistentQueueFaultTest {
    @TempDir
    Path work;

    @Test
    void backendOutageAndTwoSigkillsOfTheMiddleCollectorLoseNoAcknowledgedSpan() throws Exception {
        PersistentQueueFault.Result r = PersistentQueueFault.run(work, 20_000, Duration.ZERO, Duration.ofSeconds(90),
                new PrintStream(OutputStream.nullOutputStream()));
        System.out.println("persistent queue fault run: " + r);
        assertThat(r.acknowledged()).as(r.toString()).isEqualTo(20_000);
        assertThat(r.lost()).as(r.toString()).isZero();
        assertThat(r.received()).as(r.toString()).isEqualTo(20_000);
    }

    @Test
    void sigtermWithTheBackendDownKeepsWhatAPersistentQueueHoldsAndReportsWhatAMemoryQueueDrops() throws Exception {
        int httpPort = CollectorProcess.freePort();
        int grpcPort = CollectorProcess.freePort();
        SpanTraffic traffic = new SpanTraffic();

        // in-memory queue: SIGTERM with the backend down drops the spans, and says how many
        Path memory = PersistentQueueFault.middleConfig(work, httpPort, grpcPort, "{queue_size: 10000}");
        try (CollectorProcess middle = CollectorProcess.start(memory, work.resolve("memory.log"))) {
            middle.awaitListening(httpPort, Duration.ofSeconds(60));
            traffic.send(httpPort, 3_000, 100);
            assertThat(middle.terminate(Duration.ofSeconds(30))).isNotEqualTo(-1); // exited by itself (0 or 143)
            assertThat(middle.log()).contains("Dropping data at shutdown: dropped 3000 spans");
        }

        // persistent queue: SIGTERM keeps them; the next start delivers them
        Path persistent = PersistentQueueFault.middleConfig(work, httpPort, grpcPort, "{storage: file_storage/queue}");
        try (CollectorProcess middle = CollectorProcess.start(persistent, work.resolve("persistent-1.log"))) {
            middle.awaitListening(httpPort, Duration.ofSeconds(60));
            traffic.send(httpPort, 3_000, 100);
            assertThat(middle.terminate(Duration.ofSeconds(30))).isNotEqualTo(-1); // exited by itself (0 or 143)
            assertThat(middle.log()).contains("3000 spans stay in the persistent queue");
        }
        Path backendYaml = PersistentQueueFault.backendConfig(work, grpcPort);
        try (CollectorProcess backend = CollectorProcess.start(backendYaml, work.resolve("backend.log"))) {
            backend.awaitListening(grpcPort, Duration.ofSeconds(60));
            try (CollectorProcess middle = CollectorProcess.start(persistent, work.resolve("persistent-2.log"))) {
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (SpanTraffic.count(work.resolve("backend.jsonl")).unique() < 3_000 && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                assertThat(SpanTraffic.count(work.resolve("backend.jsonl")).unique()).isEqualTo(3_000);
                assertThat(middle.log()).contains("from the persistent queue");
            }
        }
    }
}
