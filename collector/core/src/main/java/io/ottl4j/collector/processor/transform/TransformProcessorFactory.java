package io.ottl4j.collector.processor.transform;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.config.Problems;
import io.ottl4j.collector.processor.internal.OttlConfig;
import io.ottl4j.language.CompiledStatements;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * The {@code transform} processor (ottl-spec §8): OTTL statement groups per signal, run in configuration
 * order on every record of the group's context. A group is {@code {context?, error_mode?, conditions?,
 * statements}}; a list of plain strings is one group whose context is inferred (§8.1). Statements are
 * compiled while the config is decoded, so {@code ottl validate} reports OTTL errors with YAML positions.
 */
public final class TransformProcessorFactory implements ProcessorFactory<TransformProcessorFactory.Config> {
    /** One compiled group. */
    public record Group(ContextKind context, CompiledStatements statements) {
    }

    public record Config(ErrorMode errorMode, Map<Signal, List<Group>> groups) {
    }

    private static final Map<Signal, String> KEYS = Map.of(Signal.TRACES, "trace_statements", Signal.METRICS, "metric_statements",
            Signal.LOGS, "log_statements", Signal.PROFILES, "profile_statements");

    @Override
    public String type() {
        return "transform";
    }

    @Override
    public String description() {
        return "modifies telemetry with OTTL statements";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA,
                Signal.PROFILES, Stability.ALPHA);
    }

    @Override
    public Config decode(Conf c) {
        ErrorMode mode = OttlConfig.errorMode(c, "error_mode", ErrorMode.PROPAGATE); // upstream default
        Map<Signal, List<Group>> groups = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            groups.put(s, decodeGroups(c, KEYS.get(s), s, mode));
        }
        c.bool("flatten_data", false);
        return new Config(mode, groups);
    }

    private static List<Group> decodeGroups(Conf c, String key, Signal signal, ErrorMode mode) {
        List<Group> out = new ArrayList<>();
        ConfigNode n = c.raw(key);
        if (!(n instanceof ConfigNode.ListNode list)) {
            if (n instanceof ConfigNode.MapNode || n instanceof ConfigNode.Scalar) {
                c.error(key, "expected a list of statements or of statement groups");
            }
            return out;
        }
        boolean strings = list.items().stream().allMatch(i -> i instanceof ConfigNode.Scalar);
        boolean maps = list.items().stream().allMatch(i -> i instanceof ConfigNode.MapNode);
        if (!strings && !maps) {
            c.error(key, "cannot mix statements and statement groups in one list");
            return out;
        }
        if (list.items().isEmpty()) {
            return out;
        }
        if (strings) {
            List<OttlConfig.Source> stmts = OttlConfig.sources(c, key);
            var r = OttlConfig.compile(c, key, signal, null, stmts, (k, m) -> OttlConfig.group(k, List.of(), stmts, mode, m));
            if (r != null) {
                out.add(new Group(r.getKey(), r.getValue()));
            }
            return out;
        }
        for (Conf g : c.list(key)) {
            String context = g.has("context") ? g.string("context", "") : null;
            ErrorMode gm = OttlConfig.errorMode(g, "error_mode", mode);
            List<OttlConfig.Source> conds = OttlConfig.sources(g, "conditions");
            List<OttlConfig.Source> stmts = OttlConfig.sources(g, "statements");
            g.finish();
            if (stmts.isEmpty()) {
                g.error("statements", "a statement group needs at least one statement");
                continue;
            }
            List<OttlConfig.Source> all = new ArrayList<>(conds);
            all.addAll(stmts);
            var r = OttlConfig.compile(g, "context", signal, context, all, (k, m) -> OttlConfig.group(k, conds, stmts, gm, m));
            if (r != null) {
                out.add(new Group(r.getKey(), r.getValue()));
            }
        }
        return out;
    }

    /** Compiles a transform config from YAML text (tests, tools). */
    public static Config decodeForTest(ConfigNode node, Problems problems) {
        Conf c = new Conf(node, "processors::transform", problems);
        Config cfg = new TransformProcessorFactory().decode(c);
        c.finish();
        return cfg;
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        List<Group> groups = config.groups().get(signal);
        return new Processor() {
            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                for (Group g : groups) {
                    try {
                        g.statements().execute(batch);
                    } catch (OttlRuntimeException e) {
                        settings.logger().log(Level.FINE, "transform failed", e);
                        throw new Exception("failed processing " + PipelineName.of(signal) + ": " + e.getMessage(), e);
                    }
                }
                next.consume(batch);
            }

            @Override
            public boolean mutatesData() {
                return true;
            }
        };
    }

    private static final class PipelineName {
        static String of(Signal s) {
            return s.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
