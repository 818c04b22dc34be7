package io.ottl4j.collector.connector.routing;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code routing} connector (collector-spec §3.10): a table of routes, each an OTTL condition in a
 * context ({@code resource} by default, {@code span}, {@code metric}, {@code datapoint}, {@code log}, or
 * {@code request} for client metadata) with the pipelines it feeds. Each resource or record goes to the
 * first route it matches (upstream removed {@code match_once: false} in v0.120); what matches none goes to
 * {@code default_pipelines}, or is dropped.
 */
public final class RoutingConnectorFactory implements ConnectorFactory<RoutingConnectorFactory.Config> {
    /** One row of the routing table: {@code condition} is null for the request context. */
    public record Route(String context, CompiledConditions condition, RequestCondition request, List<PipelineId> pipelines, String text) {
    }

    public record Config(ErrorMode errorMode, List<PipelineId> defaultPipelines, List<Route> table) {
    }

    /** {@code route()} optionally followed by {@code where <condition>}: the only statement upstream's router accepts. */
    private static final Pattern ROUTE_STATEMENT = Pattern.compile("^\\s*route\\s*\\(\\s*\\)\\s*(?:where\\s+(.+?))?\\s*$", Pattern.DOTALL);

    @Override
    public String type() {
        return "routing";
    }

    @Override
    public String description() {
        return "routes resources or records to pipelines by OTTL conditions or request metadata";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA);
    }

    @Override
    public Set<Pair> pairs() {
        return Set.of(new Pair(Signal.TRACES, Signal.TRACES), new Pair(Signal.METRICS, Signal.METRICS), new Pair(Signal.LOGS, Signal.LOGS));
    }

    @Override
    public Config decode(Conf c) {
        ErrorMode mode = OttlConfig.errorMode(c, "error_mode", ErrorMode.PROPAGATE);
        List<PipelineId> defaults = pipelines(c, "default_pipelines");
        if (c.has("match_once")) {
            c.error("match_once", "match_once was removed from the routing connector in v0.120.0: each item goes to the first route it matches");
        }
        List<Route> table = new ArrayList<>();
        List<Conf> rows = c.list("table");
        if (rows.isEmpty()) {
            c.error("table", "invalid routing table: the routing table is empty");
        }
        for (Conf row : rows) {
            Route r = route(row, mode);
            if (r != null) {
                table.add(r);
            }
            row.finish();
        }
        return new Config(mode, defaults, table);
    }

    private static List<PipelineId> pipelines(Conf c, String key) {
        List<PipelineId> out = new ArrayList<>();
        for (String s : c.strings(key, List.of())) {
            try {
                out.add(PipelineId.parse(s));
            } catch (IllegalArgumentException e) {
                c.error(key, e.getMessage());
            }
        }
        return out;
    }

    private static Route route(Conf row, ErrorMode mode) {
        String context = row.string("context", "resource");
        boolean hasStatement = row.present("statement");
        boolean hasCondition = row.present("condition");
        List<PipelineId> pipelines = pipelines(row, "pipelines");
        boolean ok = true;
        if (!hasStatement && !hasCondition) {
            row.error("condition", "invalid route: no condition or statement provided");
            ok = false;
        } else if (hasStatement && hasCondition) {
            row.error("statement", "invalid route: both condition and statement provided");
            ok = false;
        }
        if (pipelines.isEmpty()) {
            row.error("pipelines", "invalid route: no pipelines defined");
            ok = false;
        }
        String key = hasStatement ? "statement" : "condition";
        String text = ok ? row.string(key, "") : "";
        if (context.equals("request")) {
            if (hasStatement) {
                row.error("statement", "\"request\" context requires a 'condition'");
                return null;
            }
            if (!ok) {
                return null;
            }
            try {
                return new Route(context, null, RequestCondition.parse(text), pipelines, text);
            } catch (IllegalArgumentException e) {
                row.error("condition", e.getMessage());
                return null;
            }
        }
        ContextKind kind = switch (context) {
            case "resource" -> ContextKind.RESOURCE;
            case "span" -> ContextKind.SPAN;
            case "metric" -> ContextKind.METRIC;
            case "datapoint" -> ContextKind.DATAPOINT;
            case "log" -> ContextKind.LOG;
            default -> null;
        };
        if (kind == null) {
            row.error("context", "invalid context: " + context + " (use resource, span, metric, datapoint, log or request)");
            return null;
        }
        if (!ok) {
            return null;
        }
        String condition = text;
        if (hasStatement) {
            Matcher m = ROUTE_STATEMENT.matcher(text);
            if (!m.matches()) {
                row.error("statement", "a routing statement must be route() or route() where <condition>: \"" + text + "\"");
                return null;
            }
            condition = m.group(1) == null ? "true" : m.group(1);
        }
        List<OttlConfig.Source> src = List.of(new OttlConfig.Source(condition, row.locationOf(key), row.pathOf(key)));
        var compiled = OttlConfig.compile(row, key, kind.signals().get(0), kind.configName(), src, (k, m) -> OttlConfig.conditions(k, src, mode, m));
        if (compiled == null) {
            return null;
        }
        return new Route(context, compiled.getValue(), null, pipelines, text);
    }

    @Override
    public Connector create(CreateSettings settings, Config config, Signal in, Signal out, Map<PipelineId, Consumer> next) {
        List<Router.Target> targets = new ArrayList<>();
        for (Route r : config.table()) {
            if (r.condition() != null && !r.condition().context().supports(in)) {
                throw new IllegalArgumentException("routing table: context \"" + r.context() + "\" cannot route " + PipelineId.signalName(in));
            }
            targets.add(new Router.Target(r, consumer(r.pipelines(), next, in)));
        }
        Consumer fallback = config.defaultPipelines().isEmpty() ? null : consumer(config.defaultPipelines(), next, in);
        return new Router(settings, config.errorMode(), in, targets, fallback);
    }

    private static Consumer consumer(List<PipelineId> ids, Map<PipelineId, Consumer> next, Signal in) {
        List<Consumer> list = new ArrayList<>();
        for (PipelineId id : ids) {
            Consumer c = next.get(id);
            if (c == null) {
                throw new IllegalArgumentException("routing: pipeline \"" + id + "\" is not a " + PipelineId.signalName(in)
                        + " pipeline that lists this connector as a receiver");
            }
            list.add(c);
        }
        return Fanout.of(list);
    }
}
