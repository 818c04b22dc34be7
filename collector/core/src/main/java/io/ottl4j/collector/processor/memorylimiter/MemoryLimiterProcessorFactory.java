package io.ottl4j.collector.processor.memorylimiter;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.ConsumerException;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code memory_limiter} processor (collector-spec §3.2): every {@code check_interval} it measures the
 * used heap; above the soft limit (limit − spike) it refuses data with a non-permanent error (OTLP answers
 * UNAVAILABLE / 503), above the hard limit it also asks for a GC. Percentages are of the JVM's max heap.
 */
public final class MemoryLimiterProcessorFactory implements ProcessorFactory<MemoryLimiterProcessorFactory.Config> {
    public record Config(Duration checkInterval, long limitMib, long spikeLimitMib, int limitPercentage, int spikeLimitPercentage) {
        long hardBytes() {
            long max = Runtime.getRuntime().maxMemory();
            return limitMib > 0 ? limitMib << 20 : max / 100 * limitPercentage;
        }

        long softBytes() {
            long hard = hardBytes();
            long spike = limitMib > 0 ? (spikeLimitMib > 0 ? spikeLimitMib << 20 : hard / 5)
                    : (spikeLimitPercentage > 0 ? Runtime.getRuntime().maxMemory() / 100 * spikeLimitPercentage : hard / 5);
            return hard - spike;
        }
    }

    @Override
    public String type() {
        return "memory_limiter";
    }

    @Override
    public String description() {
        return "refuses data while the heap is above a limit";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        Duration interval = c.duration("check_interval", Duration.ZERO);
        long limit = c.longValue("limit_mib", 0);
        long spike = c.longValue("spike_limit_mib", 0);
        int pct = c.intValue("limit_percentage", 0);
        int spikePct = c.intValue("spike_limit_percentage", 0);
        c.has("min_gc_interval_when_soft_limited");
        c.has("max_gc_interval_when_soft_limited");
        c.has("max_gc_interval_when_hard_limited");
        if (interval.isZero() || interval.isNegative()) {
            c.error("check_interval", "checkInterval must be greater than zero");
        }
        if (limit <= 0 && pct <= 0) {
            c.error("limit_mib", "memAllocLimit or memoryLimitPercentage must be greater than zero");
        }
        if (limit > 0 && spike >= limit) {
            c.error("spike_limit_mib", "memSpikeLimit must be smaller than memAllocLimit");
        }
        if (pct > 100 || spikePct > 100 || pct > 0 && spikePct >= pct) {
            c.error("limit_percentage", "memoryLimitPercentage and memorySpikePercentage must be at most 100, the spike below the limit");
        }
        return new Config(interval, limit, spike, pct, spikePct);
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        return new Processor() {
            private volatile boolean refusing;
            private long lastGc = System.nanoTime() - Long.MAX_VALUE / 2;
            private ScheduledExecutorService timer;

            @Override
            public void start(Host host) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("memory_limiter").unstarted(r));
                long ms = Math.max(1, config.checkInterval().toMillis());
                timer.scheduleAtFixedRate(this::check, 0, ms, TimeUnit.MILLISECONDS);
            }

            private void check() {
                Runtime rt = Runtime.getRuntime();
                long used = rt.totalMemory() - rt.freeMemory();
                long now = System.nanoTime();
                // forced GCs are rate-limited: one per check at a short check_interval stalls every thread in
                // stop-the-world pauses (the receiver could not even answer "refused")
                if (used > config.hardBytes() && now - lastGc >= Math.max(config.checkInterval().toNanos(), 1_000_000_000L)) {
                    lastGc = now;
                    System.gc();
                    used = rt.totalMemory() - rt.freeMemory();
                }
                boolean was = refusing;
                refusing = used > config.softBytes();
                if (refusing != was) {
                    settings.logger().warning(refusing ? "Memory usage is above soft limit. Refusing data." : "Memory usage back within limits. Resuming normal operation.");
                }
            }

            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                if (refusing) {
                    throw new ConsumerException("data refused due to high memory usage", false);
                }
                next.consume(batch);
            }

            @Override
            public void shutdown() {
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
        };
    }
}
