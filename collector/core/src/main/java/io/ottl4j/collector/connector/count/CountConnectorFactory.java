package io.ottl4j.collector.connector.count;

import io.ottl4j.collector.component.ConnectorFactory;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.PipelineId;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.processor.internal.OttlConfig;
import io.ottl4j.collector.service.internal.Fanout;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code count} connector (collector-spec §3.10): counts spans, span events, metrics, data points and
 * log records into integer delta Sums, one data point per distinct attribute-value set, grouped by input
 * resource. Each section ({@code spans}, {@code spanevents}, {@code metrics}, {@code datapoints},
 * {@code logs}) maps a metric name to {@code {description, conditions, attributes}}; OTTL conditions are
 * ORed (none: count everything); defining a section replaces its default metric.
 */
public final class CountConnectorFactory implements ConnectorFactory<CountConnectorFactory.Config> {
    /** An attribute to group by: looked up on the record, then its scope, then its resource. */
    public record Attribute(String key, Object defaultValue) {
    }

    /** One count metric; {@code conditions} null means every record counts. */
    public record MetricInfo(String name, String description, ContextKind context, CompiledConditions conditions, List<Attribute> attributes) {
    }

    public record Config(List<MetricInfo> metrics) {
        List<MetricInfo> forSignal(Signal s) {
            return metrics.stream().filter(m -> m.context().supports(s)).toList();
        }
    }

    private record Section(String key, ContextKind context, String defaultName, String defaultDescription) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("spans", ContextKind.SPAN, "trace.span.count", "The number of spans observed."),
            new Section("spanevents", ContextKind.SPANEVENT, "trace.span.event.count", "The number of span events observed."),
            new Section("metrics", ContextKind.METRIC, "metric.count", "The number of metrics observed."),
            new Section("datapoints", ContextKind.DATAPOINT, "metric.datapoint.count", "The number of data points observed."),
            new Section("logs", ContextKind.LOG, "log.record.count", "The number of log records observed."),
            new Section("profiles", ContextKind.PROFILE, "profile.count", "The number of profiles observed."));

    @Override
    public String type() {
        return "count";
    }

    @Override
    public String description() {
        return "counts spans, span events, metrics, data points, log records and profiles into metrics";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA,
                Signal.PROFILES, Stability.ALPHA);
    }

    @Override
    public Set<Pair> pairs() {
        return Set.of(new Pair(Signal.TRACES, Signal.METRICS), new Pair(Signal.METRICS, Signal.METRICS), new Pair(Signal.LOGS, Signal.METRICS),
                new Pair(Signal.PROFILES, Signal.METRICS));
    }

    @Override
    public Config decode(Conf c) {
        List<MetricInfo> out = new ArrayList<>();
        for (Section s : SECTIONS) {
            if (!c.present(s.key())) {
                out.add(new MetricInfo(s.defaultName(), s.defaultDescription(), s.context(), null, List.of()));
                continue;
            }
            Conf section = c.child(s.key());
            for (String name : section.keys()) {
                if (name.isEmpty()) {
                    section.error(name, s.key() + ": metric name missing");
                    continue;
                }
                Conf info = section.child(name);
                String description = info.string("description", "");
                List<OttlConfig.Source> conds = OttlConfig.sources(info, "conditions");
                CompiledConditions compiled = null;
                if (!conds.isEmpty()) {
                    var r = OttlConfig.compile(info, "conditions", s.context().signals().get(0), s.context().configName(), conds,
                            (k, m) -> OttlConfig.conditions(k, conds, ErrorMode.PROPAGATE, m));
                    compiled = r == null ? null : r.getValue();
                }
                List<Attribute> attrs = new ArrayList<>();
                for (Conf a : info.list("attributes")) {
                    String key = a.string("key", "");
                    if (key.isEmpty()) {
                        a.error("key", s.key() + " attributes: metric \"" + name + "\": attribute key missing");
                    }
                    attrs.add(new Attribute(key, scalarValue(a.raw("default_value"))));
                    a.finish();
                }
                if (s.context() == ContextKind.METRIC && !attrs.isEmpty()) {
                    info.error("attributes", "metrics attributes not supported: metric \"" + name + "\"");
                }
                info.finish();
                out.add(new MetricInfo(name, description, s.context(), compiled, List.copyOf(attrs)));
            }
        }
        return new Config(List.copyOf(out));
    }

    /** A YAML scalar as an attribute value (ints as long); null when absent. */
    private static Object scalarValue(ConfigNode n) {
        if (!(n instanceof ConfigNode.Scalar s)) {
            return null;
        }
        return switch (s.value()) {
            case Integer i -> i.longValue();
            case Float f -> f.doubleValue();
            case java.math.BigInteger b -> b.longValue();
            case null -> s.text();
            default -> s.value();
        };
    }

    @Override
    public Connector create(CreateSettings settings, Config config, Signal in, Signal out, Map<PipelineId, Consumer> next) {
        return new Counter(config.forSignal(in), Fanout.of(new ArrayList<>(next.values())));
    }
}
