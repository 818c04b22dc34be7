package io.ottl4j.collector.processor.memorylimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import org.junit.jupiter.api.Test;

class MemoryLimiterProcessorTest {
    private final MemoryLimiterProcessorFactory factory = new MemoryLimiterProcessorFactory();

    private ProcessorFactory.Processor start(String yaml, Sink next) throws Exception {
        var p = factory.create(TestComponents.settings(Kind.PROCESSOR, "memory_limiter"), TestComponents.decode(factory, yaml), Signal.TRACES, next);
        p.start(null);
        return p;
    }

    @Test
    void aboveTheSoftLimitDataIsRefusedWithARetryableError() throws Exception {
        Sink next = new Sink();
        var p = start("{check_interval: 10ms, limit_mib: 2, spike_limit_mib: 1}", next); // the test JVM always uses more than 1 MiB
        try {
            // the first check runs on the limiter's own thread: data may pass until it has (no sleep, a bounded wait)
            java.util.concurrent.atomic.AtomicReference<Throwable> refusal = new java.util.concurrent.atomic.AtomicReference<>();
            io.ottl4j.collector.testing.Harness.await(java.time.Duration.ofSeconds(30), () -> {
                try {
                    p.consume(Data.traces("probe"));
                    return false;
                } catch (Exception e) {
                    refusal.set(e);
                    return true;
                }
            });
            assertThat(refusal.get()).isInstanceOfSatisfying(ConsumerException.class, e -> {
                assertThat(e.permanent()).isFalse();
                assertThat(e).hasMessage("data refused due to high memory usage");
            });
            int passedBeforeTheFirstCheck = next.batches().size();
            assertThatThrownBy(() -> p.consume(Data.traces("a"))).isInstanceOf(ConsumerException.class);
            assertThat(next.batches()).hasSize(passedBeforeTheFirstCheck);
        } finally {
            p.shutdown();
        }
    }

    @Test
    void belowTheLimitDataPassesUnchanged() throws Exception {
        Sink next = new Sink();
        var p = start("{check_interval: 10ms, limit_mib: 1000000}", next);
        try {
            var batch = Data.traces("a");
            p.consume(batch);
            assertThat(next.only()).isSameAs(batch);
            assertThat(p.mutatesData()).isFalse();
        } finally {
            p.shutdown();
        }
    }

    @Test
    void validation() {
        assertThat(TestComponents.problems(factory, "{limit_mib: 100}")).singleElement().asString().contains("checkInterval");
        assertThat(TestComponents.problems(factory, "{check_interval: 1s}")).singleElement().asString().contains("memAllocLimit");
        assertThat(TestComponents.problems(factory, "{check_interval: 1s, limit_mib: 100, spike_limit_mib: 100}")).singleElement().asString()
                .contains("memSpikeLimit");
    }
}
