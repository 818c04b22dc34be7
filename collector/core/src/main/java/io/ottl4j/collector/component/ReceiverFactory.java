package io.ottl4j.collector.component;

import io.ottl4j.pdata.Signal;
import java.util.Map;

/** Receivers: one instance per receiver ID, fed with the next consumer of every signal it serves. */
public interface ReceiverFactory<C> extends Factory<C> {
    @Override
    default Kind kind() {
        return Kind.RECEIVER;
    }

    Component create(CreateSettings settings, C config, Map<Signal, Consumer> next) throws Exception;
}
