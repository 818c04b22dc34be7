package io.ottl4j.collector.service;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running collector: self-telemetry, extensions, then the pipelines (exporters first). {@link #shutdown}
 * reverses it — extensions told "not ready", receivers stop, processors flush, exporters drain — within a
 * deadline.
 */
public final class Collector implements Host {
    private static final Logger LOG = Logger.getLogger(Collector.class.getName());

    private final CollectorConfig config;
    private final Set<String> featureGates;
    private final String version;
    private final Map<ComponentId, Component> extensions = new LinkedHashMap<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private SelfTelemetry telemetry;
    private Pipelines pipelines;
    private volatile Throwable fatal;

    public Collector(CollectorConfig config, Set<String> featureGates, String version) {
        this.config = config;
        this.featureGates = featureGates;
        this.version = version;
    }

    /** Builds and starts everything; on failure, what was started is stopped again. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void start() throws Exception {
        CollectorConfig.Telemetry t = config.service().telemetry();
        telemetry = SelfTelemetry.create(t.metricsLevel(), t.readers(), t.periodic(), t.resource(), version);
        try {
            for (CollectorConfig.Ref ref : config.service().extensions()) {
                CollectorConfig.Entry e = config.entry(Kind.EXTENSION, ref.id());
                ExtensionFactory f = (ExtensionFactory) e.factory();
                Component c = f.create(new CreateSettings(ref.id(), Kind.EXTENSION, telemetry, featureGates, version), e.config());
                c.start(this);
                extensions.put(ref.id(), c);
            }
            pipelines = Pipelines.build(config, telemetry, featureGates, version);
            pipelines.start(this);
            for (Component c : extensions.values()) {
                if (c instanceof ExtensionFactory.PipelineWatcher w) {
                    w.ready();
                }
            }
            LOG.info("Everything is ready. Begin running and processing data.");
        } catch (Exception e) {
            stopExtensions();
            telemetry.close();
            terminated.countDown();
            throw e;
        }
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    public SelfTelemetry telemetry() {
        return telemetry;
    }

    @Override
    public Map<ComponentId, Component> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    @Override
    public void reportFatalError(Throwable error) {
        LOG.log(Level.SEVERE, "fatal error from a component; shutting down", error);
        fatal = error;
        Thread.ofPlatform().start(() -> shutdown(CollectorConfig.SHUTDOWN_DEADLINE));
    }

    public Throwable fatalError() {
        return fatal;
    }

    /** Stops everything; returns false when the deadline passed before every component stopped. */
    public boolean shutdown(Duration deadline) {
        if (!stopping.compareAndSet(false, true)) {
            try {
                return terminated.await(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        LOG.info("Starting shutdown...");
        for (Component c : extensions.values()) {
            if (c instanceof ExtensionFactory.PipelineWatcher w) {
                w.notReady();
            }
        }
        Thread t = Thread.ofPlatform().name("collector-shutdown").start(() -> io.ottl4j.collector.component.ShutdownBudget.during(deadline, () -> {
            if (pipelines != null) {
                pipelines.shutdown();
            }
        }));
        boolean inTime;
        try {
            inTime = t.join(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inTime = false;
        }
        if (!inTime) {
            LOG.warning("shutdown deadline of " + deadline + " passed; some data may not have been flushed");
        }
        stopExtensions();
        if (telemetry != null) {
            telemetry.close();
        }
        LOG.info("Shutdown complete.");
        terminated.countDown();
        return inTime;
    }

    private void stopExtensions() {
        List<Component> list = new ArrayList<>(extensions.values());
        Collections.reverse(list);
        for (Component c : list) {
            try {
                c.shutdown();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "error stopping extension", e);
            }
        }
    }

    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }
}
