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
            Thread.sleep(100);
            assertThatThrownBy(() -> p.consume(Data.traces("a"))).isInstanceOfSatisfying(ConsumerException.class, e -> {
                assertThat(e.permanent()).isFalse();
                assertThat(e).hasMessage("data refused due to high memory usage");
            });
            assertThat(next.batches()).isEmpty();
        } finally {
            p.shutdown();
        }
    }

    @Test
    void belowTheLimitDataPassesUnchanged() throws Exception {
        Sink next = new Sink();
        var p = start("{check_interval: 10ms, limit_mib: 1000000}", next);
        try {
            Thread.sleep(50);
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
