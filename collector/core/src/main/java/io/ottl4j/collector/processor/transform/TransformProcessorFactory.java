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
import io.ottl4j.pdata.AttributeMap;
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
 * statements, shared_cache?, flatten?}}; a list of plain strings is one group whose context is inferred (§8.1).
 * Statements are compiled while the config is decoded, so {@code ottl validate} reports OTTL errors with YAML
 * positions.
 */
public final class TransformProcessorFactory implements ProcessorFactory<TransformProcessorFactory.Config> {
    /** Upstream's alpha gate for {@code flatten_data} and per-group {@code flatten}. */
    public static final String FLATTEN_LOGS_GATE = "transform.flatten.logs";
    /** Upstream's gate turning the default {@code error_mode} from propagate to ignore. */
    public static final String DEFAULT_IGNORE_GATE = "processor.transform.defaultErrorModeIgnore";

    /**
     * One compiled group. {@code sharedCache}: its records' {@code cache} is one map shared with every other
     * {@code shared_cache} group of the same context; {@code flatten}: each log record gets its own resource and
     * scope while the group runs.
     */
    public record Group(ContextKind context, CompiledStatements statements, boolean sharedCache, boolean flatten) {
    }

    /** {@code flattenData}: every log group runs on flattened logs (upstream's {@code flatten_data}). */
    public record Config(ErrorMode errorMode, Map<Signal, List<Group>> groups, boolean flattenData) {
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
        // upstream's default is propagate until its defaultErrorModeIgnore gate is stable
        ErrorMode def = OttlConfig.featureGate(DEFAULT_IGNORE_GATE) ? ErrorMode.IGNORE : ErrorMode.PROPAGATE;
        ErrorMode mode = OttlConfig.errorMode(c, "error_mode", def);
        Map<Signal, List<Group>> groups = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            groups.put(s, decodeGroups(c, KEYS.get(s), s, mode));
        }
        boolean flattenData = c.bool("flatten_data", false);
        if (flattenData && !OttlConfig.featureGate(FLATTEN_LOGS_GATE)) {
            c.error("flatten_data", "'flatten_data' requires the '" + FLATTEN_LOGS_GATE + "' feature gate to be enabled");
        }
        return new Config(mode, groups, flattenData);
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
            // upstream's words (a list mixes statements and statement groups)
            c.error(key, "configuring multiple configuration styles is not supported, please use only Basic configuration or only Advanced configuration");
            return out;
        }
        if (list.items().isEmpty()) {
            return out;
        }
        if (strings) {
            List<OttlConfig.Source> stmts = OttlConfig.sources(c, key);
            var r = OttlConfig.compile(c, key, signal, null, stmts, (k, m) -> OttlConfig.group(k, List.of(), stmts, mode, m));
            if (r != null) {
                out.add(new Group(r.getKey(), r.getValue(), false, false));
            }
            return out;
        }
        for (Conf g : c.list(key)) {
            String context = g.has("context") ? g.string("context", "") : null;
            ErrorMode gm = OttlConfig.errorMode(g, "error_mode", mode);
            List<OttlConfig.Source> conds = OttlConfig.sources(g, "conditions");
            List<OttlConfig.Source> stmts = OttlConfig.sources(g, "statements");
            boolean sharedCache = g.bool("shared_cache", false);
            boolean flatten = g.bool("flatten", false);
            g.finish();
            if (stmts.isEmpty()) {
                g.error("statements", "a statement group needs at least one statement");
                continue;
            }
            List<OttlConfig.Source> all = new ArrayList<>(conds);
            all.addAll(stmts);
            var r = OttlConfig.compile(g, "context", signal, context, all, (k, m) -> OttlConfig.group(k, conds, stmts, gm, m));
            if (r == null) {
                continue;
            }
            if (flatten && !flattenAllowed(g, r.getKey())) {
                continue;
            }
            out.add(new Group(r.getKey(), r.getValue(), sharedCache, flatten));
        }
        return out;
    }

    /** Upstream: {@code flatten} needs its gate and applies to log context groups only. */
    private static boolean flattenAllowed(Conf g, ContextKind context) {
        if (!OttlConfig.featureGate(FLATTEN_LOGS_GATE)) {
            g.error("flatten", "'flatten' requires the '" + FLATTEN_LOGS_GATE + "' feature gate to be enabled");
            return false;
        }
        if (context != ContextKind.LOG) {
            g.error("flatten", "'flatten' is only supported for log context groups, not " + context);
            return false;
        }
        return true;
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
        boolean flattenAll = config.flattenData() && signal == Signal.LOGS;
        return new Processor() {
            @Override
            public void consume(TelemetryBatch<?> batch) throws Exception {
                // shared_cache maps live for one batch: groups share them, batches (and threads) do not
                Map<ContextKind, AttributeMap> shared = new EnumMap<>(ContextKind.class);
                if (flattenAll) {
                    LogFlattening.flatten(batch.asLogs());
                }
                try {
                    for (Group g : groups) {
                        run(g, batch, g.sharedCache() ? shared.computeIfAbsent(g.context(), k -> new AttributeMap()) : null);
                    }
                } finally {
                    if (flattenAll) {
                        LogFlattening.regroup(batch.asLogs());
                    }
                }
                next.consume(batch);
            }

            private void run(Group g, TelemetryBatch<?> batch, AttributeMap cache) throws Exception {
                boolean flatten = g.flatten() && !flattenAll;
                if (flatten) {
                    LogFlattening.flatten(batch.asLogs());
                }
                try {
                    g.statements().execute(batch, cache);
                } catch (OttlRuntimeException e) {
                    settings.logger().log(Level.FINE, "transform failed", e);
                    throw new Exception("failed processing " + PipelineName.of(signal) + ": " + e.getMessage(), e);
                } finally {
                    if (flatten) {
                        LogFlattening.regroup(batch.asLogs());
                    }
                }
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
