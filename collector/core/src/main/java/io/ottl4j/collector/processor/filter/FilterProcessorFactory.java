package io.ottl4j.collector.processor.filter;

import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.collector.internal.Batches;
import io.ottl4j.collector.processor.internal.MatchProperties;
import io.ottl4j.collector.processor.internal.OttlConfig;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.ContextKind;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.language.OttlRuntimeException;
import io.ottl4j.language.TransformContext;
import io.ottl4j.pdata.DataPoint;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code filter} processor (ottl-spec §9): OTTL conditions, ORed per context; whatever matches is
 * dropped. Evaluated top-down (resource, scope, item, sub-item); a match drops the whole subtree; empty
 * containers are pruned and an empty payload is not forwarded. Both the per-context layout
 * ({@code traces: {span: [...]}}) and the flat {@code *_conditions} lists with inferred contexts are read, and
 * so is upstream's legacy match configuration ({@code spans:}, {@code logs:}/{@code metrics:} {@code include} /
 * {@code exclude}, see {@link LegacyMatch}); the legacy and the OTTL forms of one signal exclude each other.
 */
public final class FilterProcessorFactory implements ProcessorFactory<FilterProcessorFactory.Config> {
    public record Config(ErrorMode errorMode, Map<Signal, Map<ContextKind, List<CompiledConditions>>> conditions,
            Map<Signal, LegacyMatch> legacy) {
    }

    private static final Map<Signal, String> LEGACY = Map.of(Signal.TRACES, "traces", Signal.METRICS, "metrics", Signal.LOGS, "logs",
            Signal.PROFILES, "profiles");
    private static final Map<Signal, String> FLAT = Map.of(Signal.TRACES, "trace_conditions", Signal.METRICS, "metric_conditions",
            Signal.LOGS, "log_conditions", Signal.PROFILES, "profile_conditions");

    @Override
    public String type() {
        return "filter";
    }

    @Override
    public String description() {
        return "drops telemetry matching OTTL conditions";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        ErrorMode mode = OttlConfig.errorMode(c, "error_mode", ErrorMode.PROPAGATE); // upstream default
        Map<Signal, Map<ContextKind, List<CompiledConditions>>> all = new EnumMap<>(Signal.class);
        Map<Signal, LegacyMatch> matches = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            Map<ContextKind, List<CompiledConditions>> bySignal = new EnumMap<>(ContextKind.class);
            all.put(s, bySignal);
            Conf legacy = c.child(LEGACY.get(s));
            LegacyMatch match = s == Signal.PROFILES ? null : legacyMatch(c, legacy, s); // profiles have OTTL conditions only
            if (match != null) {
                matches.put(s, match);
            }
            boolean hasOttl = false;
            for (String key : legacy.keys()) {
                if (key.equals("include") || key.equals("exclude") || s == Signal.METRICS && key.equals("regexp")) {
                    continue; // read by legacyMatch
                }
                hasOttl = true;
                List<OttlConfig.Source> conds = OttlConfig.sources(legacy, key);
                if (conds.isEmpty()) {
                    continue;
                }
                var r = OttlConfig.compile(legacy, key, s, key, conds, (k, m) -> OttlConfig.conditions(k, conds, mode, m));
                if (r != null) {
                    bySignal.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue());
                }
            }
            legacy.finish();
            if (hasOttl && match != null) {
                String block = s == Signal.TRACES ? "the span settings \"spans.include\", \"spans.exclude\""
                        : "the settings \"" + LEGACY.get(s) + ".include\", \"" + LEGACY.get(s) + ".exclude\"";
                c.error(LEGACY.get(s), "cannot use OTTL conditions in \"" + LEGACY.get(s) + "\" and " + block + " at the same time");
            }
            ConfigNode flat = c.raw(FLAT.get(s));
            if (flat instanceof ConfigNode.ListNode && (hasOttl || match != null && s != Signal.TRACES)) {
                c.error(FLAT.get(s), "cannot use context inferred conditions \"" + FLAT.get(s) + "\" and the settings in \""
                        + LEGACY.get(s) + "\" at the same time");
            }
            if (flat instanceof ConfigNode.ListNode list) {
                if (list.items().stream().allMatch(i -> i instanceof ConfigNode.Scalar)) {
                    List<OttlConfig.Source> conds = OttlConfig.sources(c, FLAT.get(s));
                    for (OttlConfig.Source one : conds) {
                        List<OttlConfig.Source> single = List.of(one);
                        var r = OttlConfig.compile(c, FLAT.get(s), s, null, single, (k, m) -> OttlConfig.conditions(k, single, mode, m));
                        if (r != null) {
                            bySignal.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue());
                        }
                    }
                } else {
                    for (Conf g : c.list(FLAT.get(s))) {
                        String context = g.has("context") ? g.string("context", "") : null;
                        ErrorMode gm = OttlConfig.errorMode(g, "error_mode", mode);
                        List<OttlConfig.Source> conds = OttlConfig.sources(g, "conditions");
                        g.finish();
                        if (conds.isEmpty()) {
                            continue;
                        }
                        var r = OttlConfig.compile(g, "context", s, context, conds, (k, m) -> OttlConfig.conditions(k, conds, gm, m));
                        if (r != null) {
                            bySignal.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue());
                        }
                    }
                }
            } else if (flat != null && !(flat instanceof ConfigNode.NullNode)) {
                c.error(FLAT.get(s), "expected a list of conditions");
            }
        }
        return new Config(mode, all, matches);
    }

    /** The legacy match configuration of one signal: {@code spans:} for traces, {@code include}/{@code exclude} otherwise. */
    private static LegacyMatch legacyMatch(Conf c, Conf block, Signal s) {
        if (s == Signal.TRACES) {
            if (!c.has("spans")) {
                return null;
            }
            Conf spans = c.child("spans");
            MatchProperties include = MatchProperties.decode(spans, "include");
            MatchProperties exclude = MatchProperties.decode(spans, "exclude");
            if (include != null) {
                include.validateForSpans(spans, "include");
            }
            if (exclude != null) {
                exclude.validateForSpans(spans, "exclude");
            }
            spans.finish();
            return LegacyMatch.of(include, exclude, false);
        }
        MatchProperties.Layout layout = s == Signal.LOGS ? MatchProperties.Layout.LOGS : MatchProperties.Layout.METRICS;
        MatchProperties include = MatchProperties.decode(block, "include", layout);
        MatchProperties exclude = MatchProperties.decode(block, "exclude", layout);
        if (s == Signal.METRICS && block.has("regexp")) {
            Conf re = block.child("regexp"); // result cache settings: RE2/J needs none
            re.bool("cacheenabled", false);
            re.intValue("cachemaxnumentries", 0);
            re.finish();
        }
        if (s == Signal.LOGS) { // upstream ignores a logs block that sets nothing
            include = include == null || include.isEmpty() ? null : include;
            exclude = exclude == null || exclude.isEmpty() ? null : exclude;
        }
        return LegacyMatch.of(include, exclude, s == Signal.METRICS);
    }

    @Override
    public Processor create(CreateSettings settings, Config config, Signal signal, Consumer next) {
        Map<ContextKind, List<CompiledConditions>> conds = config.conditions().get(signal);
        LegacyMatch legacy = config.legacy().get(signal);
        return new Processor() {
            private Exception error;

            private boolean match(ContextKind k, TransformContext ctx) {
                List<CompiledConditions> list = conds.get(k);
                if (list == null) {
                    return false;
                }
                for (CompiledConditions c : list) {
                    try {
                        if (c.test(ctx)) {
                            return true;
                        }
                    } catch (OttlRuntimeException e) {
                        if (error == null) {
                            error = e; // propagate: keep the item, report at the end
                        }
                    }
                }
                return false;
            }

            @Override
            public synchronized void consume(TelemetryBatch<?> batch) throws Exception {
                error = null;
                filter(batch);
                Batches.prune(batch);
                if (error != null) {
                    throw new Exception("failed processing " + signal.name().toLowerCase() + ": " + error.getMessage(), error);
                }
                if (batch.isEmpty()) {
                    return; // everything dropped: nothing to forward
                }
                next.consume(batch);
            }

            private void filter(TelemetryBatch<?> batch) {
                Iterator<? extends ResourceGroup<?>> rit = batch.resources().iterator();
                while (rit.hasNext()) {
                    ResourceGroup<?> rg = rit.next();
                    if (legacy != null && legacy.skipResource(rg.resource())) {
                        rit.remove();
                        continue;
                    }
                    if (match(ContextKind.RESOURCE, TransformContext.ofResource(rg))) {
                        rit.remove();
                        continue;
                    }
                    Iterator<? extends ScopeGroup<?>> sit = rg.scopes().iterator();
                    while (sit.hasNext()) {
                        ScopeGroup<?> sg = sit.next();
                        if (match(ContextKind.SCOPE, TransformContext.ofScope(rg, sg))) {
                            sit.remove();
                            continue;
                        }
                        Iterator<?> it = sg.items().iterator();
                        while (it.hasNext()) {
                            Object item = it.next();
                            if (legacy != null && legacy.skipItem(rg.resource(), sg.scope(), item)) {
                                it.remove();
                                continue;
                            }
                            switch (item) {
                                case Span span -> {
                                    if (match(ContextKind.SPAN, TransformContext.ofSpan(rg, sg, span))) {
                                        it.remove();
                                    } else if (conds.containsKey(ContextKind.SPANEVENT)) {
                                        List<SpanEvent> events = span.events();
                                        for (int e = 0; e < events.size(); e++) {
                                            if (match(ContextKind.SPANEVENT, TransformContext.ofSpanEvent(rg, sg, span, events.get(e), e))) {
                                                events.remove(e--);
                                            }
                                        }
                                    }
                                }
                                case Metric metric -> {
                                    if (match(ContextKind.METRIC, TransformContext.ofMetric(rg, sg, metric))) {
                                        it.remove();
                                    } else if (conds.containsKey(ContextKind.DATAPOINT) && !metric.dataPoints().isEmpty()) {
                                        List<DataPoint> points = metric.dataPoints();
                                        points.removeIf(p -> match(ContextKind.DATAPOINT, TransformContext.ofDataPoint(rg, sg, metric, p)));
                                        if (points.isEmpty()) {
                                            it.remove();
                                        }
                                    }
                                }
                                case LogRecord log -> {
                                    if (match(ContextKind.LOG, TransformContext.ofLog(rg, sg, log))) {
                                        it.remove();
                                    }
                                }
                                case Profile profile -> {
                                    if (match(ContextKind.PROFILE, TransformContext.ofProfile(rg, sg, profile))) {
                                        it.remove();
                                    }
                                }
                                default -> { }
                            }
                        }
                    }
                }
            }

            @Override
            public boolean mutatesData() {
                return true;
            }
        };
    }
}
