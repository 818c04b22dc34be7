package io.ottl4j.collector.processor.tailsampling.policy;

import java.time.Instant;

/** Wall-clock time in nanoseconds since the epoch; injectable so tests decide traces without sleeping. */
@FunctionalInterface
public interface NanoClock {
    long nanos();

    NanoClock SYSTEM = () -> {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
}
