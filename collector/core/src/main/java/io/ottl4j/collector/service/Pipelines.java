package io.ottl4j.collector.service;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.ReceiverFactory;
import io.ottl4j.collector.config.CollectorConfig;
import io.ottl4j.collector.service.internal.Capabilities;
import io.ottl4j.collector.service.internal.Fanout;
import io.ottl4j.collector.telemetry.SelfTelemetry;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pipeline graph. Built downstream-first: for each pipeline (pipelines fed by a connector before the
 * pipelines exporting to it) the exporters and connectors, a fan-out, the processors from last to first and a
 * capabilities node; then one receiver per ID with the fan-out of every pipeline it feeds, per signal. The
 * build order is a reverse topological order, so components start in that order and stop in its reverse
 * (receivers first, exporters last).
 */
public final class Pipelines {
    private static final Logger LOG = Logger.getLogger(Pipelines.class.getName());

    /** A built component with its label, in build order. */
    public record Node(String label, Kind kind, Component component) {
    }

    private final List<Node> nodes;

    private Pipelines(List<Node> nodes) {
        this.nodes = nodes;
    }

    public List<Node> nodes() {
        return nodes;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Pipelines build(CollectorConfig cfg, SelfTelemetry telemetry, Set<String> gates, String version) throws Exception {
        Map<PipelineId, CollectorConfig.Pipeline> pipes = cfg.service().pipelines();
        Map<ComponentId, CollectorConfig.Entry> connectors = cfg.components().get(Kind.CONNECTOR);
        Map<ComponentId, CollectorConfig.Entry> exporters = cfg.components().get(Kind.EXPORTER);
        Map<ComponentId, CollectorConfig.Entry> receivers = cfg.components().get(Kind.RECEIVER);

        List<PipelineId> order = buildOrder(pipes, connectors, exporters);
        List<Node> nodes = new ArrayList<>();
        Map<String, ExporterFactory.Exporter> exporterInstances = new LinkedHashMap<>();
        Map<String, ConnectorFactory.Connector> connectorInstances = new LinkedHashMap<>();
        Map<PipelineId, Consumer> entries = new LinkedHashMap<>();

        for (CollectorConfig.Pipeline p : pipes.values()) {
            if (p.id().signal() == Signal.PROFILES) {
                requireProfiles(cfg, p); // before anything is created
            }
        }
        for (PipelineId pid : order) {
            CollectorConfig.Pipeline p = pipes.get(pid);
            Signal signal = pid.signal();
            List<Consumer> outs = new ArrayList<>();
            for (CollectorConfig.Ref ref : p.exporters()) {
                if (exporters.containsKey(ref.id())) {
                    String key = PipelineId.signalName(signal) + "|" + ref.id();
                    ExporterFactory.Exporter e = exporterInstances.get(key);
                    if (e == null) {
                        CollectorConfig.Entry entry = exporters.get(ref.id());
                        ExporterFactory f = (ExporterFactory) entry.factory();
                        e = f.create(settings(ref.id(), Kind.EXPORTER, telemetry, gates, version), entry.config(), signal);
                        exporterInstances.put(key, e);
                        nodes.add(new Node("exporter " + ref.id() + " (" + PipelineId.signalName(signal) + ")", Kind.EXPORTER, e));
                    }
                    outs.add(e);
                    continue;
                }
                CollectorConfig.Entry entry = connectors.get(ref.id());
                ConnectorFactory f = (ConnectorFactory) entry.factory();
                Map<Signal, Map<PipelineId, Consumer>> byOut = new EnumMap<>(Signal.class);
                for (CollectorConfig.Pipeline q : pipes.values()) {
                    if (q.receivers().stream().anyMatch(r -> r.id().equals(ref.id()))
                            && f.pairs().contains(new ConnectorFactory.Pair(signal, q.id().signal()))) {
                        byOut.computeIfAbsent(q.id().signal(), s -> new LinkedHashMap<>()).put(q.id(), entries.get(q.id()));
                    }
                }
                for (Map.Entry<Signal, Map<PipelineId, Consumer>> o : byOut.entrySet()) {
                    String key = PipelineId.signalName(signal) + ">" + PipelineId.signalName(o.getKey()) + "|" + ref.id();
                    ConnectorFactory.Connector c = connectorInstances.get(key);
                    if (c == null) {
                        c = f.create(settings(ref.id(), Kind.CONNECTOR, telemetry, gates, version), entry.config(), signal, o.getKey(), o.getValue());
                        connectorInstances.put(key, c);
                        nodes.add(new Node("connector " + ref.id() + " (" + PipelineId.signalName(signal) + " -> "
                                + PipelineId.signalName(o.getKey()) + ")", Kind.CONNECTOR, c));
                    }
                    outs.add(c);
                }
            }
            Consumer next = Fanout.of(outs);
            boolean mutates = false;
            List<CollectorConfig.Ref> procs = p.processors();
            for (int i = procs.size() - 1; i >= 0; i--) {
                CollectorConfig.Ref ref = procs.get(i);
                CollectorConfig.Entry entry = cfg.entry(Kind.PROCESSOR, ref.id());
                ProcessorFactory f = (ProcessorFactory) entry.factory();
                ProcessorFactory.Processor proc = f.create(settings(ref.id(), Kind.PROCESSOR, telemetry, gates, version), entry.config(), signal, next);
                nodes.add(new Node("processor " + ref.id() + " (" + pid + ")", Kind.PROCESSOR, proc));
                mutates |= proc.mutatesData();
                next = proc;
            }
            entries.put(pid, new Capabilities(next, mutates));
        }

        // receivers: one per ID, with the fan-out of its pipelines per signal
        Map<ComponentId, Map<Signal, List<Consumer>>> feeds = new LinkedHashMap<>();
        for (CollectorConfig.Pipeline p : pipes.values()) {
            for (CollectorConfig.Ref ref : p.receivers()) {
                if (receivers.containsKey(ref.id())) {
                    feeds.computeIfAbsent(ref.id(), k -> new EnumMap<>(Signal.class))
                            .computeIfAbsent(p.id().signal(), s -> new ArrayList<>()).add(entries.get(p.id()));
                }
            }
        }
        for (Map.Entry<ComponentId, Map<Signal, List<Consumer>>> e : feeds.entrySet()) {
            CollectorConfig.Entry entry = receivers.get(e.getKey());
            ReceiverFactory f = (ReceiverFactory) entry.factory();
            Map<Signal, Consumer> next = new EnumMap<>(Signal.class);
            e.getValue().forEach((s, list) -> next.put(s, Fanout.of(list)));
            Component r = f.create(settings(e.getKey(), Kind.RECEIVER, telemetry, gates, version), entry.config(), next);
            nodes.add(new Node("receiver " + e.getKey(), Kind.RECEIVER, r));
        }
        return new Pipelines(List.copyOf(nodes));
    }

    /**
     * Profiles are a development-stage signal that few components handle: refuse the others by name before any is
     * created, in upstream's words ("telemetry type is not supported"), rather than fail on the first batch.
     */
    private static void requireProfiles(CollectorConfig cfg, CollectorConfig.Pipeline p) {
        for (Kind kind : List.of(Kind.RECEIVER, Kind.PROCESSOR, Kind.EXPORTER)) {
            List<CollectorConfig.Ref> refs = switch (kind) {
                case RECEIVER -> p.receivers();
                case PROCESSOR -> p.processors();
                default -> p.exporters();
            };
            for (CollectorConfig.Ref ref : refs) {
                CollectorConfig.Entry entry = cfg.components().get(kind).get(ref.id());
                if (entry != null && !entry.factory().stability().containsKey(Signal.PROFILES)) {
                    throw new IllegalStateException("failed to create \"" + ref.id() + "\" " + kind.singular() + ", in pipeline \""
                            + p.id() + "\": telemetry type is not supported");
                }
            }
        }
    }

    private static CreateSettings settings(ComponentId id, Kind kind, SelfTelemetry t, Set<String> gates, String version) {
        return new CreateSettings(id, kind, t, gates, version);
    }

    /** Pipelines fed by a connector come before the pipelines that export to it. */
    private static List<PipelineId> buildOrder(Map<PipelineId, CollectorConfig.Pipeline> pipes, Map<ComponentId, CollectorConfig.Entry> connectors,
            Map<ComponentId, CollectorConfig.Entry> exporters) {
        List<PipelineId> out = new ArrayList<>();
        Set<PipelineId> done = new HashSet<>();
        for (PipelineId id : pipes.keySet()) {
            visit(id, pipes, connectors, exporters, done, out);
        }
        return out;
    }

    private static void visit(PipelineId id, Map<PipelineId, CollectorConfig.Pipeline> pipes, Map<ComponentId, CollectorConfig.Entry> connectors,
            Map<ComponentId, CollectorConfig.Entry> exporters, Set<PipelineId> done, List<PipelineId> out) {
        if (!done.add(id)) {
            return;
        }
        for (CollectorConfig.Ref e : pipes.get(id).exporters()) {
            if (connectors.containsKey(e.id()) && !exporters.containsKey(e.id())) {
                for (CollectorConfig.Pipeline q : pipes.values()) {
                    if (q.receivers().stream().anyMatch(r -> r.id().equals(e.id()))) {
                        visit(q.id(), pipes, connectors, exporters, done, out);
                    }
                }
            }
        }
        out.add(id);
    }

    /** Starts every component, exporters first; on failure stops those already started and rethrows. */
    public void start(Host host) throws Exception {
        List<Node> started = new ArrayList<>();
        for (Node n : nodes) {
            try {
                n.component().start(host);
                started.add(n);
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "failed to start " + n.label(), e);
                for (int i = started.size() - 1; i >= 0; i--) {
                    stop(started.get(i));
                }
                throw new Exception("failed to start " + n.label() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Stops every component, receivers first, so that processors and exporters can drain. */
    public void shutdown() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            stop(nodes.get(i));
        }
    }

    private static void stop(Node n) {
        try {
            n.component().shutdown();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "error stopping " + n.label(), e);
        }
    }
}
