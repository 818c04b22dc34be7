package io.ottl4j.collector.exporter.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ottl4j.collector.datadog.testing.FakeIntake;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.exporter.internal.ExporterHelper.SendException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The payload writer (trace_buffer) and the logs batcher (batch_wait), with stand-in posters and a fake clock. */
class BufferingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger("io.ottl4j.test.datadog.buffering");

    static {
        LOG.setUseParentHandlers(false); // the writer's drop warnings are asserted through counts, not printed
    }

    private static ExporterHelper.Settings helper(Duration maxElapsed) {
        return new ExporterHelper.Settings(Duration.ofSeconds(5),
                new ExporterHelper.Retry(true, Duration.ofMillis(1), 0, 1.5, Duration.ofMillis(5), maxElapsed),
                new ExporterHelper.Queue(false, 1, 10, false));
    }

    private static Senders.Request req(int n) {
        return new Senders.Request("http://unused/" + n, Map.of(), new byte[] {(byte) n}, 10);
    }

    @Test
    void theWriterHoldsAtMostItsCapacityAndRefusesWhenFull() throws Exception {
        CountDownLatch open = new CountDownLatch(1);
        AtomicInteger inPost = new AtomicInteger();
        List<Integer> posted = new CopyOnWriteArrayList<>();
        PayloadWriter w = new PayloadWriter("trace", 3, 4, (r, t) -> {
            inPost.incrementAndGet();
            try {
                open.await();
            } catch (InterruptedException e) {
                throw new SendException("interrupted", false, null, e);
            }
            posted.add((int) r.body()[0]);
        }, helper(Duration.ZERO), LOG, n -> { }, "test-writer");
        for (int i = 0; i < 3; i++) {
            assertThat(w.offer(req(i), Duration.ZERO)).isTrue();
        }
        FakeIntake.await(WAIT, () -> inPost.get() == 3); // three threads for three payloads: every one is in flight
        assertThat(w.offer(req(3), Duration.ZERO)).as("a full buffer refuses, it does not drop").isFalse();
        assertThat(w.offer(req(3), Duration.ofMillis(20))).isFalse();
        assertThat(w.buffered()).isEqualTo(3);
        open.countDown();
        FakeIntake.await(WAIT, () -> posted.size() == 3 && w.buffered() == 0);
        assertThat(w.offer(req(3), Duration.ZERO)).isTrue();
        FakeIntake.await(WAIT, () -> posted.size() == 4);
        assertThat(posted).containsExactlyInAnyOrder(0, 1, 2, 3);
        w.close(WAIT);
        assertThat(w.droppedItems()).isZero();
    }

    @Test
    void theWriterRetriesWithBackOffAndDropsPermanentFailuresWithACount() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> posted = new CopyOnWriteArrayList<>();
        AtomicLong droppedSeen = new AtomicLong();
        PayloadWriter w = new PayloadWriter("trace", 2, 1, (r, t) -> {
            if (r.body()[0] == 9) {
                throw new SendException("HTTP 400", false, null, null);
            }
            if (attempts.incrementAndGet() <= 3) {
                throw new SendException("HTTP 503", true, null, null);
            }
            posted.add((int) r.body()[0]);
        }, helper(Duration.ZERO), LOG, droppedSeen::addAndGet, "test-writer");
        assertThat(w.offer(req(1), Duration.ZERO)).isTrue();
        assertThat(w.offer(req(9), Duration.ZERO)).isTrue();
        FakeIntake.await(WAIT, () -> posted.size() == 1 && w.buffered() == 0);
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(w.droppedItems()).isEqualTo(10);
        assertThat(droppedSeen.get()).isEqualTo(10);
        w.close(WAIT);
    }

    @Test
    void closeDrainsWhatIsHeldAndCountsWhatCannotBeSent() throws Exception {
        List<Integer> posted = new CopyOnWriteArrayList<>();
        CountDownLatch down = new CountDownLatch(1);
        PayloadWriter w = new PayloadWriter("logs", 4, 1, (r, t) -> {
            if (down.getCount() == 0) {
                throw new SendException("HTTP 503", true, null, null);
            }
            posted.add((int) r.body()[0]);
        }, helper(Duration.ZERO), LOG, n -> { }, "test-writer");
        assertThat(w.offer(req(1), Duration.ZERO)).isTrue();
        FakeIntake.await(WAIT, () -> posted.size() == 1);
        down.countDown(); // the intake goes down: the next payloads are retried until shutdown, then given up
        assertThat(w.offer(req(2), Duration.ZERO)).isTrue();
        assertThat(w.offer(req(3), Duration.ZERO)).isTrue();
        w.close(WAIT);
        assertThat(w.droppedItems()).isEqualTo(20);
        assertThat(w.buffered()).isZero();
    }

    /** A writer that records what it posts. */
    private static PayloadWriter recording(List<Senders.Request> into, int capacity) {
        return new PayloadWriter("logs", capacity, 1, (r, t) -> into.add(r), helper(Duration.ZERO), LOG, n -> { }, "test-logs");
    }

    private static DatadogConfig.Logs logsConfig(boolean compress) {
        return new DatadogConfig.Logs("http://intake", compress, 6, Duration.ofSeconds(5));
    }

    private static byte[] item(int i, int pad) {
        return ("{\"message\":\"line " + i + "\",\"pad\":\"" + "x".repeat(pad) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode body(Senders.Request r) throws Exception {
        byte[] b = r.body();
        if ("gzip".equals(r.headers().get("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                b = in.readAllBytes();
            }
        }
        return JSON.readTree(b);
    }

    @Test
    void logsAreCutAtOneThousandItemsAndAfterBatchWait() throws Exception {
        List<Senders.Request> sent = new CopyOnWriteArrayList<>();
        PayloadWriter w = recording(sent, 8);
        AtomicLong now = new AtomicLong(1_000_000_000L);
        LogsBatcher b = new LogsBatcher(logsConfig(true), w, now::get, () -> 1_700_000_000_000L);
        for (int i = 0; i < 2500; i++) {
            assertThat(b.add(item(i, 0))).isTrue();
            if (i == 999) {
                now.addAndGet(Duration.ofSeconds(1).toNanos()); // the next payload opens one second later
            }
        }
        FakeIntake.await(WAIT, () -> sent.size() == 2);
        assertThat(body(sent.get(0))).hasSize(1000);
        assertThat(body(sent.get(0)).get(0).path("message").asText()).isEqualTo("line 0");
        assertThat(body(sent.get(1))).hasSize(1000);
        assertThat(sent.get(0).headers()).containsEntry("Content-Encoding", "gzip").containsEntry("DD-PROTOCOL", "agent-json")
                .containsEntry("dd-current-timestamp", "1700000000000");
        assertThat(sent.get(0).url()).isEqualTo("http://intake/api/v2/logs");
        assertThat(b.pending()).isEqualTo(500);

        // the last 500 opened a batch at t0 + 1 s: not due before t0 + 6 s
        now.addAndGet(Duration.ofMillis(4999).toNanos());
        b.flushIfDue();
        assertThat(b.pending()).isEqualTo(500);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        b.flushIfDue();
        FakeIntake.await(WAIT, () -> sent.size() == 3);
        assertThat(body(sent.get(2))).hasSize(500);
        assertThat(sent.get(2).items()).isEqualTo(500);
        assertThat(b.pending()).isZero();
        w.close(WAIT);
    }

    @Test
    void logsPayloadsStayUnderFiveMegabytesAndUncompressedWhenAsked() throws Exception {
        List<Senders.Request> sent = new CopyOnWriteArrayList<>();
        PayloadWriter w = recording(sent, 8);
        LogsBatcher b = new LogsBatcher(logsConfig(false), w, () -> 0L, () -> 0L);
        for (int i = 0; i < 20; i++) {
            assertThat(b.add(item(i, 600_000))).isTrue(); // ~0.6 MB each: eight fit in 5 MB, the ninth does not
        }
        assertThat(b.flushAll(WAIT)).isTrue();
        FakeIntake.await(WAIT, () -> sent.size() == 3);
        assertThat(sent).allSatisfy(r -> assertThat(r.body().length).isLessThanOrEqualTo(LogsEncoder.MAX_PAYLOAD_BYTES));
        assertThat(sent).extracting(Senders.Request::items).containsExactly(8, 8, 4);
        assertThat(sent.get(0).headers()).doesNotContainKey("Content-Encoding");
        assertThat(body(sent.get(2)).get(3).path("message").asText()).isEqualTo("line 19");
        w.close(WAIT);
    }

    @Test
    void aFullLogsWriterHoldsTheCutPayloadAndRefusesItems() throws Exception {
        CountDownLatch open = new CountDownLatch(1);
        List<Senders.Request> sent = new CopyOnWriteArrayList<>();
        PayloadWriter w = new PayloadWriter("logs", 1, 1, (r, t) -> {
            try {
                open.await();
            } catch (InterruptedException e) {
                throw new SendException("interrupted", false, null, e);
            }
            sent.add(r);
        }, helper(Duration.ZERO), LOG, n -> { }, "test-logs");
        LogsBatcher b = new LogsBatcher(logsConfig(false), w, () -> 0L, () -> 0L);
        for (int i = 0; i < 2000; i++) { // the first 1000 go to the writer (its one place), the next 1000 stay open
            assertThat(b.add(item(i, 0))).isTrue();
        }
        assertThat(b.add(item(2000, 0))).as("cut, but the writer is full: held here").isTrue();
        assertThat(b.add(item(2001, 0))).as("nothing more until the writer takes the held payload").isFalse();
        assertThat(b.pending()).isEqualTo(1001);
        open.countDown();
        assertThat(b.handOff(WAIT)).isTrue();
        assertThat(b.add(item(2001, 0))).isTrue();
        assertThat(b.flushAll(WAIT)).isTrue();
        FakeIntake.await(WAIT, () -> sent.size() == 3);
        assertThat(sent).extracting(Senders.Request::items).containsExactly(1000, 1000, 2);
        w.close(WAIT);
    }
}
