package io.ottl4j.collector.processor.tailsampling;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.processor.tailsampling.internal.SpanSizer;
import io.ottl4j.collector.processor.tailsampling.internal.TailSamplingTelemetry;
import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import io.ottl4j.collector.processor.tailsampling.policy.NanoClock;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.collector.telemetry.MetricsLevel;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code tail_sampling} processor. {@code consume} splits a batch by trace ID and files each trace's
 * spans into its shard (late spans of decided traces are forwarded or dropped at once); a tick every second
 * decides the traces whose {@code decision_wait} has passed and forwards the sampled ones. Like upstream it
 * never returns an error to the sender: failures of the next consumer are logged.
 *
 * <p>Time comes from a {@link NanoClock} and ticks from {@link #tick()}, so tests drive decisions without
 * sleeping; {@link #start} schedules the one-second ticker unless the instance was built for manual ticks.
 */
public final class TailSamplingProcessor implements ProcessorFactory.Processor {
    static final String GATE_RECORD_POLICY = "processor.tailsamplingprocessor.recordpolicy";
    static final String GATE_DISABLE_INVERT = "processor.tailsamplingprocessor.disableinvertdecisions";
    static final String GATE_COUNT_SPANS = "processor.tailsamplingprocessor.metricstatcountspanssampled";

    private final CreateSettings settings;
    private final TailSamplingProcessorFactory.Config config;
    private final Consumer next;
    private final NanoClock clock;
    private final boolean autoTick;
    private final Logger log;
    private final DecisionMaker decider;
    private final Shard[] shards;
    private final boolean recordPolicy;
    private final boolean needBytes;
    private final boolean spanIngest;
    private final long afterRootTicks;
    private ScheduledExecutorService ticker;
    private volatile boolean stopping;

    TailSamplingProcessor(CreateSettings settings, TailSamplingProcessorFactory.Config config, Consumer next, NanoClock clock, boolean autoTick) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        this.clock = clock;
        this.autoTick = autoTick;
        this.log = settings.logger(Signal.TRACES);
        this.recordPolicy = settings.featureGates().contains(GATE_RECORD_POLICY);
        this.decider = new DecisionMaker(config.policies(), clock, settings.featureGates().contains(GATE_DISABLE_INVERT), config.sampleOnFirstMatch());
        this.needBytes = config.maximumTraceSizeBytes() > 0 || config.policies().stream().anyMatch(PolicySpec::needsBytes);
        this.spanIngest = config.strategy() == TailSamplingProcessorFactory.Strategy.SPAN_INGEST;
        int n = config.numShards();
        int buckets = (int) Math.max(1, config.decisionWait().toSeconds());
        this.afterRootTicks = config.decisionWaitAfterRootReceived().toSeconds();
        this.shards = new Shard[n];
        boolean metrics = settings.telemetry().level() != MetricsLevel.NONE;
        for (int i = 0; i < n; i++) {
            Shard s = new Shard(i, ceilDiv(config.numTraces(), n), buckets, (int) Math.min(Integer.MAX_VALUE / 2, config.expectedNewTracesPerSec() * buckets / n),
                    ceilDiv(config.sampledCacheSize(), n), ceilDiv(config.nonSampledCacheSize(), n));
            s.telemetry = new TailSamplingTelemetry(settings.telemetry().meter(), metrics, settings.featureGates().contains(GATE_COUNT_SPANS),
                    decider.names(), i, () -> size(s));
            shards[i] = s;
        }
    }

    private static int ceilDiv(long a, int b) {
        return (int) Math.min(Integer.MAX_VALUE, (a + b - 1) / b);
    }

    private static long size(Shard s) {
        s.lock.lock();
        try {
            return s.traces.size();
        } finally {
            s.lock.unlock();
        }
    }

    /** Traces in memory across shards (pending and decided-but-remembered). */
    public int tracesInMemory() {
        int n = 0;
        for (Shard s : shards) {
            n += (int) size(s);
        }
        return n;
    }

    @Override
    public boolean mutatesData() {
        return true; // it keeps the spans it is given and shares their resource and scope groups
    }

    @Override
    public void start(Host host) {
        if (autoTick) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("tail_sampling-" + settings.id()).unstarted(r));
            ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (Throwable t) {
            log.log(Level.WARNING, "tail_sampling decision tick failed", t);
        }
    }

    @Override
    public void consume(TelemetryBatch<?> batch) {
        TelemetryBatch<Span> traces = batch.asTraces();
        int count = traces.itemCount();
        settings.telemetry().processor(settings.id(), Signal.TRACES, "incoming", count);
        HashMap<TraceId, Incoming> byTrace = new HashMap<>();
        Incoming last = null;
        for (ResourceGroup<Span> rg : traces.resources()) {
            for (ScopeGroup<Span> sg : rg.scopes()) {
                for (Span span : sg.items()) {
                    TraceId id = span.traceId();
                    Incoming in = last != null && last.id.equals(id) ? last : byTrace.computeIfAbsent(id, Incoming::new);
                    in.add(rg, sg, span, needBytes ? SpanSizer.span(span) : 0);
                    last = in;
                }
                // the spans now live in their traces' chunks; the scope group keeps only the scope, so a
                // buffered trace does not hold every other span of the batch in memory
                sg.items().clear();
            }
        }
        Release out = new Release();
        for (Incoming in : byTrace.values()) {
            Shard shard = shards[shardOf(in.id)];
            try {
                ingest(shard, in, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "tail_sampling failed to process a trace; its spans are dropped", e);
            }
        }
        forward(out);
    }

    /**
     * The shard from the top bits of a Fibonacci-mixed hash: each shard's HashMap indexes its buckets by the low
     * bits of {@code h ^ h >>> 16}, so choosing the shard from those same bits (as a modulo by a power of two
     * would) leaves every shard's map using a fraction of its buckets, with long, treeified chains.
     */
    static int shardOf(TraceId id, int shards) {
        if (shards == 1) {
            return 0;
        }
        int mixed = id.hashCode() * 0x9E3779B9;
        return (int) (((mixed >>> 16) * (long) shards) >>> 16);
    }

    private int shardOf(TraceId id) {
        return shardOf(id, shards.length);
    }

    private void ingest(Shard s, Incoming in, Release out) throws InterruptedException {
        long now = clock.nanos();
        s.lock.lock();
        try {
            if (s.sampled.contains(in.id)) {
                out.add(in.chunks, recordPolicy ? new Object[] {"tailsampling.cached_decision", Boolean.TRUE} : null);
                s.telemetry.earlyRelease(true, in.spans);
                return;
            }
            if (s.notSampled.contains(in.id)) {
                s.telemetry.earlyRelease(false, in.spans);
                return;
            }
            Shard.Entry e = s.traces.get(in.id);
            if (e == null) {
                if (!s.makeRoom(config.blockOnOverflow(), now, () -> stopping)) {
                    return;
                }
                e = new Shard.Entry(new TraceData(in.id, now), 0);
                s.schedule(e, s.tick + s.bucketCount());
                s.traces.put(in.id, e);
                s.telemetry.newTrace();
            }
            if (e.decision != Decision.PENDING) {
                s.telemetry.lateSpan((now - e.decidedNanos) / 1_000_000_000L);
                if (e.decision.samples()) {
                    out.add(in.chunks, scopeAttributes(e.data));
                }
                return;
            }
            for (TraceData.Chunk c : in.chunks) {
                e.data.add(c, 0);
            }
            e.data.addBytes(in.bytes);
            if (in.root && afterRootTicks > 0 && s.tick + afterRootTicks < e.dueTick) {
                s.schedule(e, s.tick + afterRootTicks);
            }
            if (config.maximumTraceSizeBytes() > 0 && e.data.byteSize() > config.maximumTraceSizeBytes()) {
                s.telemetry.droppedTooLarge();
                finish(s, e, Decision.NOT_SAMPLED, now, out);
                return;
            }
            if (spanIngest) {
                Decision d = decider.decideEarly(e.data, s.telemetry);
                if (d != Decision.PENDING) {
                    s.telemetry.finalDecision(d);
                    finish(s, e, d, now, out);
                }
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** Records a final decision: releases or drops the spans, then caches or remembers the decision. */
    private void finish(Shard s, Shard.Entry e, Decision d, long now, Release out) {
        e.decision = d == Decision.DROPPED ? Decision.NOT_SAMPLED : d;
        e.decidedNanos = now;
        List<TraceData.Chunk> chunks = e.data.release();
        boolean keep = e.decision.samples();
        if (keep) {
            out.add(chunks, scopeAttributes(e.data));
        }
        if (keep ? s.sampled.enabled() : s.notSampled.enabled()) {
            s.traces.remove(e.data.traceId());
            (keep ? s.sampled : s.notSampled).put(e.data.traceId());
            s.telemetry.removal((now - e.data.arrivalNanos()) / 1_000_000_000L);
        }
        s.signalSpace();
    }

    private Object[] scopeAttributes(TraceData t) {
        if (!recordPolicy || t.sampledBy() == null) {
            return null;
        }
        return t.compositePolicy() == null ? new Object[] {"tailsampling.policy", t.sampledBy()}
                : new Object[] {"tailsampling.policy", t.sampledBy(), "tailsampling.composite_policy", t.compositePolicy()};
    }

    /** One decision tick: decides, in every shard, the traces whose wait is over, and forwards the kept ones. */
    public void tick() {
        for (Shard s : shards) {
            long started = System.nanoTime();
            Release out = new Release();
            s.lock.lock();
            try {
                long now = clock.nanos();
                for (Shard.Entry e : s.advance()) {
                    decideNow(s, e, now, out);
                }
            } finally {
                s.lock.unlock();
            }
            s.telemetry.timer((System.nanoTime() - started) / 1_000_000);
            forward(out);
        }
    }

    private void decideNow(Shard s, Shard.Entry e, long now, Release out) {
        Decision d;
        if (spanIngest) {
            d = Decision.NOT_SAMPLED; // the wait is over without a final verdict
        } else {
            try {
                d = decider.decide(e.data, s.telemetry);
            } catch (Throwable t) {
                log.log(Level.WARNING, "tail_sampling decision failed; trace not sampled", t);
                d = Decision.NOT_SAMPLED;
            }
        }
        s.telemetry.finalDecision(d);
        finish(s, e, d, now, out);
    }

    private void forward(Release out) {
        if (out.spans() == 0) {
            return;
        }
        try {
            next.consume(out.batch());
            settings.telemetry().processor(settings.id(), Signal.TRACES, "outgoing", out.spans());
        } catch (Exception e) {
            log.log(Level.WARNING, "tail_sampling failed to forward " + out.spans() + " sampled spans", e);
        }
    }

    @Override
    public void shutdown() {
        stopping = true;
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Shard s : shards) {
            Release out = new Release();
            s.lock.lock();
            try {
                s.signalSpace();
                if (!config.dropPendingTracesOnShutdown()) {
                    long now = clock.nanos();
                    for (Shard.Entry e : s.pending()) {
                        decideNow(s, e, now, out);
                    }
                }
                s.traces.clear();
            } finally {
                s.lock.unlock();
            }
            forward(out);
            s.telemetry.close();
        }
    }

    /** The spans of one trace in an incoming batch. */
    private static final class Incoming {
        final TraceId id;
        final ArrayList<TraceData.Chunk> chunks = new ArrayList<>(2);
        int spans;
        long bytes;
        boolean root;

        Incoming(TraceId id) {
            this.id = id;
        }

        void add(ResourceGroup<Span> rg, ScopeGroup<Span> sg, Span span, int size) {
            TraceData.Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (last == null || last.scope() != sg) {
                last = new TraceData.Chunk(rg, sg, new ArrayList<>(4));
                chunks.add(last);
            }
            last.spans().add(span);
            spans++;
            bytes += size;
            root |= span.parentSpanId().isEmpty();
        }
    }
}
