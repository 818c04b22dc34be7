package io.ottl4j.collector.processor.batch;

import static io.ottl4j.collector.testing.Data.spanNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchProcessorTest {
    private final BatchProcessorFactory factory = new BatchProcessorFactory();
    private final Sink next = new Sink();
    private ProcessorFactory.Processor proc;

    private ProcessorFactory.Processor start(String yaml) throws Exception {
        proc = factory.create(TestComponents.settings(Kind.PROCESSOR, "batch"), TestComponents.decode(factory, yaml), Signal.TRACES, next);
        proc.start(null);
        return proc;
    }

    @AfterEach
    void stop() throws Exception {
        if (proc != null) {
            proc.shutdown();
        }
    }

    @Test
    void defaultsAndValidation() throws Exception {
        BatchProcessorFactory.Config c = TestComponents.decode(factory, "");
        assertThat(c.sendBatchSize()).isEqualTo(8192);
        assertThat(c.sendBatchMaxSize()).isZero();
        assertThat(c.timeout()).hasMillis(200);
        assertThat(TestComponents.problems(factory, "{send_batch_size: 10, send_batch_max_size: 5}"))
                .singleElement().asString().contains("send_batch_max_size must be greater or equal to send_batch_size");
    }

    @Test
    void sizeTriggerSplitsAtMaxAndKeepsTheRestUntilShutdown() throws Exception {
        start("{send_batch_size: 3, send_batch_max_size: 4, timeout: 1h}");
        TelemetryBatch<Span> in = TelemetryBatch.traces();
        Data.spans(in, "one", "s", "a", "b", "c");
        Data.spans(in, "two", "s", "d", "e");
        proc.consume(in);
        assertThat(next.await(1, 2000)).isTrue();
        // nothing else may follow (1 pending item is below send_batch_size): the count after shutdown proves it
        assertThat(next.batches()).hasSize(1);
        TelemetryBatch<?> first = next.batches().get(0);
        assertThat(spanNames(first)).containsExactly("a", "b", "c", "d");
        assertThat(first.resources()).hasSize(2);
        assertThat(first.resources().get(1).resource().attributes().get("service.name")).isEqualTo("two");

        proc.shutdown(); // drains: the remaining span goes out with its resource
        proc = null;
        assertThat(next.batches()).hasSize(2);
        assertThat(spanNames(next.batches().get(1))).containsExactly("e");
        assertThat(next.batches().get(1).resources().get(0).resource().attributes().get("service.name")).isEqualTo("two");
    }

    @Test
    void oneBigRequestIsCutIntoMaxSizedBatches() throws Exception {
        start("{send_batch_size: 2, send_batch_max_size: 2, timeout: 1h}");
        proc.consume(Data.traces("a", "b", "c", "d", "e"));
        assertThat(next.await(2, 2000)).isTrue();
        assertThat(next.batches()).extracting(Batches::count).containsExactly(2, 2);
        proc.shutdown();
        proc = null;
        assertThat(next.batches()).extracting(Batches::count).containsExactly(2, 2, 1);
        assertThat(next.batches().stream().flatMap(b -> spanNames(b).stream())).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void requestsAreMergedWithoutResourceDeduplication() throws Exception {
        start("{send_batch_size: 4, timeout: 1h}");
        proc.consume(Data.traces("a", "b"));
        proc.consume(Data.traces("c", "d"));
        assertThat(next.await(1, 2000)).isTrue();
        TelemetryBatch<?> out = next.only();
        assertThat(spanNames(out)).containsExactly("a", "b", "c", "d");
        assertThat(out.resources()).hasSize(2); // same resource attributes, still two groups (upstream moves them)
    }

    @Test
    void timeoutFlushesWhateverIsPending() throws Exception {
        start("{send_batch_size: 100, timeout: 100ms}");
        proc.consume(Data.traces("a", "b")); // 2 of 100: only the timer sends them
        assertThat(next.await(1, 3000)).isTrue();
        assertThat(spanNames(next.only())).containsExactly("a", "b");
    }

    @Test
    void zeroTimeoutSendsEveryRequestAtOnce() throws Exception {
        start("{send_batch_size: 100, timeout: 0s}");
        proc.consume(Data.traces("a"));
        assertThat(next.await(1, 2000)).isTrue();
        proc.consume(Data.traces("b"));
        assertThat(next.await(2, 2000)).isTrue();
        assertThat(next.batches()).extracting(Batches::count).containsExactly(1, 1);
    }

    @Test
    void shutdownDrainsEverythingQueuedAndRefusesNewData() throws Exception {
        start("{send_batch_size: 1000, timeout: 1h}");
        for (int i = 0; i < 20; i++) {
            proc.consume(Data.traces("x" + i));
        }
        proc.shutdown();
        assertThat(next.batches().stream().mapToInt(Batches::count).sum()).isEqualTo(20);
        assertThatThrownBy(() -> proc.consume(Data.traces("late"))).hasMessageContaining("shutting down");
        proc = null;
    }

    @Test
    void consumeHandsOverAndReturnsBeforeTheNextConsumerRuns() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Sink slow = new Sink() {
            @Override
            public void consume(TelemetryBatch<?> batch) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.consume(batch);
            }
        };
        proc = factory.create(TestComponents.settings(Kind.PROCESSOR, "batch"), TestComponents.decode(factory, "{timeout: 0s}"), Signal.TRACES, slow);
        proc.start(null);
        proc.consume(Data.traces("a")); // returns although the next consumer is blocked
        assertThat(slow.batches()).isEmpty();
        assertThat(proc.mutatesData()).isTrue();
        release.countDown();
        assertThat(slow.await(1, 2000)).isTrue();
    }
}
