package io.ottl4j.cli.process;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one pipeline's processors on a batch, offline: no receivers, exporters or network. The processors are
 * created from the config as the collector creates them, started, fed the batch and shut down (which flushes
 * the ones that buffer, such as batch); what reaches the end of the chain is the result.
 */
public final class OfflinePipeline {
    private OfflinePipeline() {
    }

    /** The pipeline's output, all batches merged into one (empty when everything was dropped). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TelemetryBatch<?> run(CollectorConfig config, PipelineId id, TelemetryBatch<?> input, Set<String> gates) throws Exception {
        CollectorConfig.Pipeline pipeline = config.service().pipelines().get(id);
        if (pipeline == null) {
            throw new IllegalArgumentException("no pipeline \"" + id + "\" in the configuration (pipelines: "
                    + config.service().pipelines().keySet() + ")");
        }
        if (input.signal() != id.signal()) {
            throw new IllegalArgumentException("the input holds " + PipelineId.signalName(input.signal()) + " but pipeline \"" + id + "\" carries "
                    + PipelineId.signalName(id.signal()));
        }
        List<TelemetryBatch<?>> out = new ArrayList<>();
        Consumer next = batch -> {
            synchronized (out) {
                out.add(batch);
            }
        };
        List<ProcessorFactory.Processor> chain = new ArrayList<>();
        List<CollectorConfig.Ref> refs = pipeline.processors();
        for (int i = refs.size() - 1; i >= 0; i--) {
            ComponentId pid = refs.get(i).id();
            CollectorConfig.Entry e = config.entry(Kind.PROCESSOR, pid);
            ProcessorFactory f = (ProcessorFactory) e.factory();
            ProcessorFactory.Processor p = f.create(new CreateSettings(pid, Kind.PROCESSOR, SelfTelemetry.noop(), gates, "offline"), e.config(),
                    id.signal(), next);
            chain.add(0, p);
            next = p;
        }
        Host host = new Host() {
            @Override
            public Map<ComponentId, Component> extensions() {
                return Map.of();
            }

            @Override
            public void reportFatalError(Throwable error) {
            }
        };
        for (ProcessorFactory.Processor p : chain) {
            p.start(host);
        }
        try {
            next.consume(input);
        } finally {
            for (ProcessorFactory.Processor p : chain) {
                p.shutdown(); // first to last, so what one flushes still passes the next
            }
        }
        TelemetryBatch merged = TelemetryBatch.of(input.signal());
        for (TelemetryBatch<?> b : out) {
            for (ResourceGroup<?> rg : b.resources()) {
                ((List) merged.resources()).add(rg);
            }
        }
        return merged;
    }
}
