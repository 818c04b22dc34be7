package io.ottl4j.collector.config;

import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Components;
import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Factory;
import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.telemetry.MetricsLevel;
import io.ottl4j.collector.telemetry.PeriodicReader;
import io.ottl4j.collector.telemetry.PrometheusReader;
import io.ottl4j.pdata.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A decoded, validated collector configuration: every component's config record, and the service section.
 * {@link #from} applies the validation rules of collector-spec §1.3 and reports every problem at once.
 */
public record CollectorConfig(Map<Kind, Map<ComponentId, Entry>> components, Service service) {
    private static final Logger LOG = Logger.getLogger(CollectorConfig.class.getName());
    private static final List<String> TOP_LEVEL = List.of("receivers", "processors", "exporters", "connectors", "extensions", "service");

    /** One configured component. */
    public record Entry(ComponentId id, Factory<?> factory, Object config, Location location) {
    }

    /** A reference to a component from the service section. */
    public record Ref(ComponentId id, Location location) {
    }

    public record Pipeline(PipelineId id, List<Ref> receivers, List<Ref> processors, List<Ref> exporters, Location location) {
    }

    /**
     * {@code service.telemetry}: the metrics level and Prometheus pull readers (empty at level none), the log level
     * ({@code debug|info|warn|error}) and encoding ({@code console|json}), and extra resource attributes (null removes).
     */
    public record Telemetry(MetricsLevel metricsLevel, List<PrometheusReader> readers, List<PeriodicReader> periodic, String logLevel,
            String logEncoding, Map<String, String> resource) {
        public Telemetry(MetricsLevel metricsLevel, List<PrometheusReader> readers, String logLevel, String logEncoding,
                Map<String, String> resource) {
            this(metricsLevel, readers, List.of(), logLevel, logEncoding, resource);
        }

        /** The first reader's {@code host:port}, or "" when no metrics are served. */
        public String metricsAddress() {
            return readers.isEmpty() ? "" : readers.get(0).host() + ":" + readers.get(0).port();
        }
    }

    public record Service(List<Ref> extensions, Map<PipelineId, Pipeline> pipelines, Telemetry telemetry) {
    }

    public Entry entry(Kind kind, ComponentId id) {
        return components.get(kind).get(id);
    }

    /** Decodes and validates. */
    public static CollectorConfig from(ConfigNode.MapNode root, Components registry, Set<String> featureGates) throws ConfigException {
        // OTTL statements compile while components decode: under the collector's feature gates
        return io.ottl4j.collector.processor.internal.OttlConfig.withFeatureGates(featureGates, () -> decode(root, registry, featureGates));
    }

    private static CollectorConfig decode(ConfigNode.MapNode root, Components registry, Set<String> featureGates) throws ConfigException {
        Problems p = new Problems();
        for (Map.Entry<String, ConfigNode> e : root.entries().entrySet()) {
            if (!TOP_LEVEL.contains(e.getKey())) {
                String guess = io.ottl4j.language.internal.binder.Suggestions.closest(e.getKey(), TOP_LEVEL);
                p.add(root.keyLocation(e.getKey()), e.getKey(), "unknown-key", "'' has invalid keys: " + e.getKey()
                        + (guess != null ? " (did you mean " + guess + "?)"
                                : " (top-level keys are receivers, processors, exporters, connectors, extensions, service)"));
            }
        }
        Map<Kind, Map<ComponentId, Entry>> comps = new EnumMap<>(Kind.class);
        Map<Kind, Set<ComponentId>> broken = new EnumMap<>(Kind.class);
        boolean allEmpty = true;
        Set<Kind> declared = java.util.EnumSet.noneOf(Kind.class); // sections with entries, even broken ones
        for (Kind k : Kind.values()) {
            Map<ComponentId, Entry> m = new LinkedHashMap<>();
            comps.put(k, m);
            Set<ComponentId> bad = new HashSet<>();
            broken.put(k, bad);
            ConfigNode section = root.get(k.section());
            if (section == null || section instanceof ConfigNode.NullNode) {
                continue;
            }
            if (!(section instanceof ConfigNode.MapNode sm)) {
                p.add(section.location(), k.section(), "type", "expected a map of component IDs to settings");
                continue;
            }
            allEmpty &= sm.entries().isEmpty();
            if (!sm.entries().isEmpty()) {
                declared.add(k);
            }
            for (Map.Entry<String, ConfigNode> ce : sm.entries().entrySet()) {
                String path = k.section() + "::" + ce.getKey();
                Location loc = sm.keyLocation(ce.getKey());
                ComponentId id;
                try {
                    id = ComponentId.parse(ce.getKey());
                } catch (IllegalArgumentException ex) {
                    p.add(loc, path, "id", ex.getMessage());
                    continue;
                }
                Factory<?> f = registry.find(k, id.type());
                if (f == null) {
                    String removed = Components.removedUpstream(k, id.type());
                    String msg = Components.knownElsewhere(k, id.type())
                            ? "unknown type \"" + id.type() + "\" for id \"" + id + "\": " + Components.notBuilt(k, id.type())
                            : removed != null
                                    ? "unknown type \"" + id.type() + "\" for id \"" + id + "\": the " + id.type() + " " + k.singular()
                                            + " was removed upstream; " + removed
                                    : "unknown type \"" + id.type() + "\" for id \"" + id + "\" (valid values: "
                                            + registry.all(k).stream().map(Factory::type).toList() + ")";
                    p.add(loc, path, "unknown-type", msg);
                    bad.add(id);
                    continue;
                }
                if (!f.type().equals(id.type())) {
                    LOG.warning(() -> k.singular() + " type \"" + id.type() + "\" is deprecated; use \"" + f.type() + "\"");
                }
                Conf conf = new Conf(ce.getValue(), path, p);
                Object cfg = f.decode(conf);
                conf.finish();
                ComponentId canonical = id.withType(f.type());
                if (m.containsKey(canonical)) {
                    p.add(loc, path, "duplicate", "duplicate " + k.singular() + " \"" + id + "\" (also configured as \"" + m.get(canonical).id() + "\")");
                }
                m.put(canonical, new Entry(id, f, cfg, loc));
            }
        }
        // ambiguous IDs: a connector and an exporter/receiver with the same ID
        for (ComponentId cid : comps.get(Kind.CONNECTOR).keySet()) {
            for (Kind other : List.of(Kind.EXPORTER, Kind.RECEIVER)) {
                if (comps.get(other).containsKey(cid)) {
                    Entry ce = comps.get(Kind.CONNECTOR).get(cid);
                    p.add(ce.location(), "connectors::" + cid, "ambiguous-id", "connectors::" + cid + ": ambiguous ID: found both \""
                            + cid + "\" " + other.singular() + " and \"" + cid + "\" connector; change one of them, e.g. to \"" + cid
                            + (cid.name().isEmpty() ? "/connector" : "_connector") + "\"");
                }
            }
        }

        Conf svc = new Conf(root.get("service"), "service", p);
        Location svcLoc = root.get("service") == null ? root.location() : root.get("service").location();
        if (allEmpty && p.isEmpty()) {
            p.add(root.location(), "", "empty", "invalid configuration: empty configuration file");
            p.throwIfAny();
        }
        boolean allowNoPipelines = featureGates.contains("service.AllowNoPipelines");
        if (!allowNoPipelines) {
            // a section whose entries are all broken was reported entry by entry: "none specified" would only repeat it
            if (!declared.contains(Kind.RECEIVER)) {
                p.add(root.location(), "receivers", "no-receivers", "no receiver configuration specified in config");
            }
            if (!declared.contains(Kind.EXPORTER)) {
                p.add(root.location(), "exporters", "no-exporters", "no exporter configuration specified in config");
            }
        }
        List<Ref> extensions = new ArrayList<>();
        for (ConfigNode.Scalar s : svc.scalars("extensions")) {
            try {
                ComponentId id = ComponentId.parse(s.text());
                Factory<?> f = registry.find(Kind.EXTENSION, id.type());
                ComponentId canonical = f == null ? id : id.withType(f.type());
                if (!comps.get(Kind.EXTENSION).containsKey(canonical) && !broken.get(Kind.EXTENSION).contains(id)) {
                    p.add(s.location(), "service::extensions", "undefined-ref", "service::extensions: references extension \"" + id
                            + "\" which is not configured");
                }
                extensions.add(new Ref(canonical, s.location()));
            } catch (IllegalArgumentException ex) {
                p.add(s.location(), "service::extensions", "id", ex.getMessage());
            }
        }
        Map<PipelineId, Pipeline> pipelines = new LinkedHashMap<>();
        Conf pipes = svc.child("pipelines");
        for (String key : pipes.keys()) {
            String path = "service::pipelines::" + key;
            Conf pc = pipes.child(key);
            PipelineId pid;
            try {
                pid = PipelineId.parse(key);
            } catch (IllegalArgumentException ex) {
                p.add(pc.location(), path, "id", ex.getMessage());
                continue;
            }
            if (pid.signal() == Signal.PROFILES && !featureGates.contains(PipelineId.PROFILES_GATE)) {
                p.add(pc.location(), path, "id", "pipeline \"" + key + "\": profiling signal support is at alpha level, gated under the \""
                        + PipelineId.PROFILES_GATE + "\" feature gate");
                continue;
            }
            int[] skipped = {0, 0, 0};
            List<Ref> rs = refs(pc, "receivers", path, p, registry, comps, broken, Kind.RECEIVER, Kind.CONNECTOR, skipped, 0);
            List<Ref> ps = refs(pc, "processors", path, p, registry, comps, broken, Kind.PROCESSOR, null, skipped, 1);
            List<Ref> es = refs(pc, "exporters", path, p, registry, comps, broken, Kind.EXPORTER, Kind.CONNECTOR, skipped, 2);
            pc.finish();
            if (rs.isEmpty() && skipped[0] == 0) {
                p.add(pc.location(), path, "no-receivers", path + ": must have at least one receiver");
            }
            if (es.isEmpty() && skipped[2] == 0) {
                p.add(pc.location(), path, "no-exporters", path + ": must have at least one exporter");
            }
            Set<ComponentId> seen = new HashSet<>();
            for (Ref r : ps) {
                if (!seen.add(r.id())) {
                    p.add(r.location(), path + "::processors", "duplicate", path + ": references processor \"" + r.id() + "\" multiple times");
                }
            }
            pipelines.put(pid, new Pipeline(pid, rs, ps, es, pc.location()));
        }
        if (pipelines.isEmpty() && pipes.keys().isEmpty() && !allowNoPipelines) { // bad pipeline IDs were reported
            p.add(svcLoc, "service::pipelines", "no-pipelines", "service must have at least one pipeline");
        }
        Conf tel = svc.child("telemetry");
        Telemetry telemetry = telemetry(tel);
        svc.finish();

        checkConnectors(comps, pipelines, p);
        p.throwIfAny();
        return new CollectorConfig(comps, new Service(extensions, pipelines, telemetry));
    }

    private static final List<String> LOG_LEVELS = List.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal");

    /** Decodes {@code service.telemetry} as upstream's otelconf-based config (v0.3.0 schema) does, collector-spec §5.1. */
    private static Telemetry telemetry(Conf tel) {
        Conf metrics = tel.child("metrics");
        String levelText = metrics.string("level", "normal");
        MetricsLevel level = MetricsLevel.parse(levelText);
        if (level == null) {
            metrics.error("level", "unknown metrics level \"" + levelText + "\" (valid values: none, basic, normal, detailed)");
            level = MetricsLevel.NORMAL;
        }
        List<PrometheusReader> readers = new ArrayList<>();
        List<PeriodicReader> periodic = new ArrayList<>();
        if (metrics.present("readers")) {
            List<Conf> list = metrics.list("readers");
            for (int i = 0; i < list.size(); i++) {
                Conf r = list.get(i);
                if (r.has("periodic")) {
                    Conf pc = r.child("periodic");
                    PeriodicReader pr = PeriodicReader.decode(pc);
                    pc.finish();
                    if (pr != null) {
                        periodic.add(pr);
                    }
                }
                if (!r.has("pull")) {
                    continue;
                }
                Conf pull = r.child("pull");
                pull.has("producers");
                pull.has("cardinality_limits");
                Conf exporter = pull.child("exporter");
                for (String other : exporter.keys()) {
                    if (!other.equals("prometheus")) {
                        exporter.error(other, "unsupported", "only the prometheus pull exporter is supported by ottl4j, not \"" + other + "\"");
                    }
                }
                if (!exporter.has("prometheus")) {
                    continue;
                }
                Conf prom = exporter.child("prometheus");
                readers.add(new PrometheusReader(prom.string("host", "localhost"), prom.intValue("port", 8888),
                        prom.bool("without_scope_info", true), prom.bool("without_units", true), prom.bool("without_type_suffix", true)));
                if (prom.has("with_resource_constant_labels")) {
                    LOG.warning("service::telemetry::metrics::readers[" + i + "]: with_resource_constant_labels is not supported yet by ottl4j; "
                            + "the resource is in target_info");
                }
                prom.finish();
            }
        } else if (!metrics.has("address")) {
            readers.add(PrometheusReader.of("localhost", 8888));
        }
        if (metrics.has("address")) {
            // removed upstream in v0.129 (feature gate telemetry.disableAddressFieldForInternalTelemetry); older configs still carry it
            String address = metrics.string("address", "");
            LOG.warning("service::telemetry::metrics::address was removed upstream in v0.129; use readers: [{pull: {exporter: {prometheus: "
                    + "{host, port}}}}]. ottl4j still honours it.");
            int colon = address.lastIndexOf(':');
            try {
                String host = colon <= 0 ? "" : address.substring(0, colon);
                readers.add(PrometheusReader.of(host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(address.substring(colon + 1))));
            } catch (NumberFormatException e) {
                metrics.error("address", "invalid address \"" + address + "\": expected host:port");
            }
        }
        if (level != MetricsLevel.NONE && readers.isEmpty() && periodic.isEmpty() && metrics.present("readers")) {
            metrics.error("readers", "collector telemetry metrics reader should exist when metric level is not none");
        }
        if (metrics.has("views")) {
            if (level != MetricsLevel.DETAILED) {
                metrics.error("views", "service::telemetry::metrics::views can only be set when service::telemetry::metrics::level is detailed");
            } else {
                LOG.warning("service::telemetry::metrics::views are not supported yet by ottl4j; ignored");
            }
        }
        if (level == MetricsLevel.NONE) {
            readers.clear();
            periodic.clear();
        }
        Conf logs = tel.child("logs");
        String logLevel = logs.string("level", "info").toLowerCase(java.util.Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            logs.error("level", "unrecognized level: \"" + logLevel + "\" (valid values: debug, info, warn, error)");
        }
        String encoding = logs.string("encoding", "console");
        if (!encoding.equals("console") && !encoding.equals("json")) {
            logs.error("encoding", "no encoder registered for name \"" + encoding + "\" (valid values: console, json)");
        }
        for (String k : List.of("development", "sampling", "output_paths", "error_output_paths", "initial_fields", "disable_caller",
                "disable_stacktrace", "processors", "disable_zap_resource")) {
            logs.has(k);
        }
        Map<String, String> resource = resource(tel.child("resource"));
        tel.has("traces");
        return new Telemetry(level, List.copyOf(readers), List.copyOf(periodic), logLevel, encoding,
                java.util.Collections.unmodifiableMap(resource));
    }

    /**
     * {@code service.telemetry.resource}: the older flat map (null removes), or the current schema's
     * {@code attributes: [{name, value}]} list (with {@code attributes_list} and {@code schema_url}).
     */
    private static Map<String, String> resource(Conf res) {
        Map<String, String> resource = new LinkedHashMap<>();
        if (res.raw("attributes") instanceof ConfigNode.ListNode) {
            for (Conf a : res.list("attributes")) {
                String name = a.string("name", "");
                if (name.isEmpty()) {
                    a.error("name", "a resource attribute needs a name");
                }
                ConfigNode v = a.raw("value");
                resource.put(name, v == null || v instanceof ConfigNode.NullNode ? null : a.string("value", ""));
                a.has("type");
                a.finish();
            }
            for (String pair : res.string("attributes_list", "").split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    resource.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            res.has("schema_url");
            res.has("detectors");
            res.has("detection/development");
            res.finish();
            return resource;
        }
        for (String k : res.keys()) {
            resource.put(k, res.has(k) ? res.string(k, "") : null);
        }
        return resource;
    }

    private static List<Ref> refs(Conf pc, String key, String path, Problems p, Components registry,
            Map<Kind, Map<ComponentId, Entry>> comps, Map<Kind, Set<ComponentId>> broken, Kind kind, Kind orKind, int[] skipped, int slot) {
        List<Ref> out = new ArrayList<>();
        for (ConfigNode.Scalar s : pc.scalars(key)) {
            ComponentId id;
            try {
                id = ComponentId.parse(s.text());
            } catch (IllegalArgumentException ex) {
                p.add(s.location(), path + "::" + key, "id", ex.getMessage());
                skipped[slot]++; // reported: no "must have at least one ..." as a consequence
                continue;
            }
            ComponentId resolved = null;
            for (Kind k : orKind == null ? List.of(kind) : List.of(kind, orKind)) {
                Factory<?> f = registry.find(k, id.type());
                ComponentId c = f == null ? id : id.withType(f.type());
                if (comps.get(k).containsKey(c)) {
                    resolved = c;
                    break;
                }
            }
            if (resolved == null && (broken.get(kind).contains(id) || orKind != null && broken.get(orKind).contains(id))) {
                skipped[slot]++; // already reported as an unknown type
                continue;
            }
            if (resolved == null) {
                List<String> configured = new ArrayList<>();
                for (Kind k : orKind == null ? List.of(kind) : List.of(kind, orKind)) {
                    comps.get(k).keySet().forEach(c -> configured.add(c.toString()));
                    broken.get(k).forEach(c -> configured.add(c.toString()));
                }
                String guess = io.ottl4j.language.internal.binder.Suggestions.closest(id.toString(), configured);
                p.add(s.location(), path + "::" + key, "undefined-ref", path + ": references " + kind.singular() + " \"" + id
                        + "\" which is not configured" + (guess == null ? "" : "; did you mean \"" + guess + "\"?"));
                skipped[slot]++; // reported: no "must have at least one ..." as a consequence
                continue;
            }
            out.add(new Ref(resolved, s.location()));
        }
        return out;
    }

    /** Rule 10 (connector pairing) and rule 11 (cycles through connectors). */
    private static void checkConnectors(Map<Kind, Map<ComponentId, Entry>> comps, Map<PipelineId, Pipeline> pipelines, Problems p) {
        for (Entry ce : comps.get(Kind.CONNECTOR).values()) {
            ComponentId id = ce.id().withType(ce.factory().type());
            ConnectorFactory<?> f = (ConnectorFactory<?>) ce.factory();
            Set<Signal> asExporter = new java.util.TreeSet<>();
            Set<Signal> asReceiver = new java.util.TreeSet<>();
            for (Pipeline pl : pipelines.values()) {
                if (pl.exporters().stream().anyMatch(r -> r.id().equals(id)) && !comps.get(Kind.EXPORTER).containsKey(id)) {
                    asExporter.add(pl.id().signal());
                }
                if (pl.receivers().stream().anyMatch(r -> r.id().equals(id)) && !comps.get(Kind.RECEIVER).containsKey(id)) {
                    asReceiver.add(pl.id().signal());
                }
            }
            if (asExporter.isEmpty() && asReceiver.isEmpty()) {
                continue; // unused
            }
            for (Signal in : asExporter) {
                boolean ok = asReceiver.stream().anyMatch(out -> f.pairs().contains(new ConnectorFactory.Pair(in, out)));
                if (!ok) {
                    p.add(ce.location(), "connectors::" + ce.id(), "connector", "connector \"" + ce.id() + "\" used as exporter in ["
                            + PipelineId.signalName(in) + "] pipeline but not used in any supported receiver pipeline");
                }
            }
            for (Signal out : asReceiver) {
                boolean ok = asExporter.stream().anyMatch(in -> f.pairs().contains(new ConnectorFactory.Pair(in, out)));
                if (!ok) {
                    p.add(ce.location(), "connectors::" + ce.id(), "connector", "connector \"" + ce.id() + "\" used as receiver in ["
                            + PipelineId.signalName(out) + "] pipeline but not used in any supported exporter pipeline");
                }
            }
        }
        // cycles: pipeline A → connector c → pipeline B (when B receives from c)
        Map<PipelineId, List<PipelineId>> edges = new LinkedHashMap<>();
        for (Pipeline a : pipelines.values()) {
            List<PipelineId> next = new ArrayList<>();
            for (Ref e : a.exporters()) {
                if (!comps.get(Kind.CONNECTOR).containsKey(e.id()) || comps.get(Kind.EXPORTER).containsKey(e.id())) {
                    continue;
                }
                for (Pipeline b : pipelines.values()) {
                    if (b.receivers().stream().anyMatch(r -> r.id().equals(e.id()))) {
                        next.add(b.id());
                    }
                }
            }
            edges.put(a.id(), next);
        }
        Set<PipelineId> done = new HashSet<>();
        for (PipelineId start : edges.keySet()) {
            List<PipelineId> stack = new ArrayList<>();
            if (cycle(start, edges, stack, new HashSet<>(), done)) {
                Pipeline pl = pipelines.get(stack.get(stack.size() - 1));
                p.add(pl.location(), "service::pipelines", "cycle", "cycle detected through connectors: "
                        + String.join(" -> ", stack.stream().map(PipelineId::toString).toList()));
                return;
            }
        }
    }

    private static boolean cycle(PipelineId at, Map<PipelineId, List<PipelineId>> edges, List<PipelineId> stack, Set<PipelineId> onStack,
            Set<PipelineId> done) {
        if (onStack.contains(at)) {
            stack.add(at);
            return true;
        }
        if (done.contains(at)) {
            return false;
        }
        stack.add(at);
        onStack.add(at);
        for (PipelineId n : edges.getOrDefault(at, List.of())) {
            if (cycle(n, edges, stack, onStack, done)) {
                return true;
            }
        }
        onStack.remove(at);
        stack.remove(stack.size() - 1);
        done.add(at);
        return false;
    }

    /** Default graceful-shutdown deadline. */
    public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(10);
}
