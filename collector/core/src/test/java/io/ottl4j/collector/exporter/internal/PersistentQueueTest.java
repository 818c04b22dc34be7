package io.ottl4j.collector.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.extension.filestorage.FileStorageExtensionFactory;
import io.ottl4j.collector.extension.storage.StorageExtension;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent queue on real file storage: order, capacity, and what a crash (no shutdown) leaves for the next start. */
class PersistentQueueTest {
    private static final Logger LOG = Logger.getLogger("test");
    @TempDir
    Path dir;
    private final List<StorageExtension> open = new ArrayList<>();

    private SendingQueue queue(long capacity) throws Exception {
        FileStorageExtensionFactory f = new FileStorageExtensionFactory();
        StorageExtension s = (StorageExtension) f.create(TestComponents.settings(Kind.EXTENSION, "file_storage"),
                TestComponents.decode(f, "directory: " + dir));
        s.start(null);
        open.add(s);
        return SendingQueue.persistent(s.client(Kind.EXPORTER, ComponentId.parse("otlp"), "traces"), Signal.TRACES, capacity, LOG);
    }

    /** A crash: the storage files are left as they are (the lock is released as the OS would on process exit). */
    private void crash() throws Exception {
        for (StorageExtension s : open) {
            s.shutdown();
        }
        open.clear();
    }

    @AfterEach
    void close() throws Exception {
        crash();
    }

    @Test
    void entriesComeOutInOrderAndFinishedOnesAreGoneAfterRestart() throws Exception {
        SendingQueue q = queue(100);
        for (String n : List.of("a", "b", "c")) {
            assertThat(q.offer(Data.traces(n), 1, false, null)).isTrue();
        }
        SendingQueue.Entry a = q.poll(0);
        assertThat(Data.spanNames(a.batch())).containsExactly("a");
        q.done(a, false);
        crash();
        SendingQueue again = queue(100);
        assertThat(again.size()).isEqualTo(2);
        assertThat(Data.spanNames(again.poll(0).batch())).containsExactly("b");
        assertThat(Data.spanNames(again.poll(0).batch())).containsExactly("c");
        assertThat(again.poll(0)).isNull();
    }

    @Test
    void theClientInfoOfAQueuedRequestSurvivesARestart() throws Exception {
        SendingQueue q = queue(100);
        io.ottl4j.collector.client.ClientInfo acme = new io.ottl4j.collector.client.ClientInfo("10.1.2.3:5555",
                java.util.Map.of("tenant", List.of("acme", "acme-eu"), "x-token", List.of("é".repeat(70_000))));
        io.ottl4j.collector.client.ClientInfo.run(acme, () -> q.offer(Data.traces("a"), 1, false, null));
        q.offer(Data.traces("b"), 1, false, null); // no client info bound
        crash();
        SendingQueue again = queue(100);
        SendingQueue.Entry a = again.poll(0);
        assertThat(a.client()).isEqualTo(acme);
        assertThat(Data.spanNames(a.batch())).containsExactly("a");
        assertThat(again.poll(0).client()).isEqualTo(io.ottl4j.collector.client.ClientInfo.EMPTY);
    }

    @Test
    void whatWasDispatchedButNotFinishedIsDeliveredAgainAfterACrash() throws Exception {
        SendingQueue q = queue(100);
        for (String n : List.of("a", "b", "c")) {
            q.offer(Data.traces(n), 1, false, null);
        }
        q.poll(0); // "a" in a consumer's hands when the process dies
        SendingQueue.Entry b = q.poll(0);
        q.done(b, false); // "b" exported
        crash();
        SendingQueue again = queue(100);
        List<String> names = new ArrayList<>();
        for (SendingQueue.Entry e = again.poll(0); e != null; e = again.poll(0)) {
            names.addAll(Data.spanNames(e.batch()));
            again.done(e, false);
        }
        assertThat(names).containsExactlyInAnyOrder("a", "c");
        assertThat(again.drained()).isTrue();
    }

    @Test
    void capacityCountsSizerUnitsAndKeptEntriesSurviveShutdown() throws Exception {
        SendingQueue q = queue(5);
        assertThat(q.offer(Data.traces("a", "b", "c"), 3, false, null)).isTrue();
        assertThat(q.offer(Data.traces("d", "e", "f"), 3, false, null)).isFalse();
        SendingQueue.Entry e = q.poll(0);
        assertThat(q.offer(Data.traces("d", "e", "f"), 3, false, null)).isTrue();
        q.done(e, true); // cut short by shutdown: kept
        assertThat(q.itemsWaiting()).isEqualTo(3);
        crash();
        SendingQueue again = queue(5);
        assertThat(again.itemsWaiting()).isEqualTo(6);
    }
}
