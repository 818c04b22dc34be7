package io.ottl4j.collector.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.connector.forward.ForwardConnectorFactory;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copies only for consumers that mutate; never shares a batch between a mutating and any other consumer. */
class FanoutTest {
    @Test
    void readOnlyConsumersShareTheOriginal() throws Exception {
        Sink a = new Sink();
        Sink b = new Sink();
        Consumer fan = Fanout.of(List.of(a, b));
        TelemetryBatch<?> batch = Data.traces("x");
        fan.consume(batch);
        assertThat(a.only()).isSameAs(batch);
        assertThat(b.only()).isSameAs(batch);
        assertThat(fan.mutatesData()).isFalse();
    }

    @Test
    void aMutatingConsumerBesideReadOnlyOnesGetsACopy() throws Exception {
        Sink ro = new Sink();
        Sink mu = new Sink(true);
        Consumer fan = Fanout.of(List.of(mu, ro));
        TelemetryBatch<?> batch = Data.traces("x", "y");
        fan.consume(batch);
        assertThat(ro.only()).isSameAs(batch);
        assertThat(mu.only()).isNotSameAs(batch);
        assertThat(mu.only().resources().get(0)).isNotSameAs(batch.resources().get(0));
        assertThat(Data.spanNames(mu.only())).containsExactly("x", "y");
        assertThat(fan.mutatesData()).isFalse();
    }

    @Test
    void whenAllMutateOnlyTheLastGetsTheOriginalAndTheFanoutSaysItMutates() throws Exception {
        Sink m1 = new Sink(true);
        Sink m2 = new Sink(true);
        Sink m3 = new Sink(true);
        Consumer fan = Fanout.of(List.of(m1, m2, m3));
        TelemetryBatch<?> batch = Data.traces("x");
        fan.consume(batch);
        assertThat(m1.only()).isNotSameAs(batch);
        assertThat(m2.only()).isNotSameAs(batch).isNotSameAs(m1.only());
        assertThat(m3.only()).isSameAs(batch);
        assertThat(fan.mutatesData()).isTrue();
    }

    @Test
    void aSingleConsumerIsNotWrapped() {
        Sink only = new Sink(true);
        assertThat(Fanout.of(List.of(only))).isSameAs(only);
    }

    @Test
    void everyConsumerIsCalledAndTheFirstErrorIsRethrown() {
        Sink after = new Sink();
        Consumer failing1 = b -> {
            throw new IllegalStateException("first");
        };
        Consumer failing2 = b -> {
            throw new IllegalStateException("second");
        };
        Consumer fan = Fanout.of(List.of(failing1, failing2, after));
        assertThatThrownBy(() -> fan.consume(Data.traces("x"))).hasMessage("first");
        assertThat(after.batches()).hasSize(1);
    }

    /**
     * A forward connector feeding a pipeline that mutates hands its input to that pipeline, so the exporters
     * fan-out in front of it must give it a copy rather than share the batch with a (possibly queued) exporter.
     */
    @Test
    void aForwardConnectorIntoAMutatingPipelineGetsItsOwnCopy() throws Exception {
        Sink downstream = new Sink(true);
        ForwardConnectorFactory f = new ForwardConnectorFactory();
        ConnectorFactory.Connector forward = f.create(TestComponents.settings(Kind.CONNECTOR, "forward"), new ForwardConnectorFactory.Config(),
                Signal.TRACES, Signal.TRACES, Map.of(PipelineId.parse("traces/out"), new Capabilities(downstream, true)));
        assertThat(forward.mutatesData()).isTrue();
        Sink exporter = new Sink();
        TelemetryBatch<?> batch = Data.traces("x");
        Fanout.of(List.of(forward, exporter)).consume(batch);
        assertThat(exporter.only()).isSameAs(batch);
        assertThat(downstream.only()).isNotSameAs(batch);

        ConnectorFactory.Connector readOnly = f.create(TestComponents.settings(Kind.CONNECTOR, "forward"), new ForwardConnectorFactory.Config(),
                Signal.TRACES, Signal.TRACES, Map.of(PipelineId.parse("traces/out"), new Capabilities(new Sink(), false)));
        assertThat(readOnly.mutatesData()).isFalse();
    }
}
