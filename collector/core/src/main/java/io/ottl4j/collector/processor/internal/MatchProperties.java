package io.ottl4j.collector.processor.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.GoFloat;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.Resource;
import io.ottl4j.pdata.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The legacy {@code include}/{@code exclude} match properties (collector-spec §3.3, upstream's
 * internal/filter): {@code strict} or {@code regexp} (RE2, unanchored as Go's {@code MatchString}) matching of
 * services, span names and kinds, log bodies and severities, metric names, attributes, resources and
 * libraries. Within a list: OR; across properties: AND. One implementation serves the {@code attributes}
 * processor and every legacy block of the {@code filter} processor; only the key names differ
 * ({@link Layout}).
 */
public final class MatchProperties {
    /** Which upstream struct the keys come from. */
    public enum Layout {
        /** {@code filterconfig.MatchProperties}: attributes/span processors, {@code filter}'s {@code spans:}. */
        GENERIC,
        /** {@code filter}'s {@code logs.include}/{@code logs.exclude} ({@code LogMatchProperties}). */
        LOGS,
        /** {@code filter}'s {@code metrics.include}/{@code metrics.exclude} ({@code MetricMatchProperties}). */
        METRICS
    }

    private record Str(String text, Pattern regex) {
        boolean matches(String s) {
            return regex != null ? regex.matcher(s).find() : text.equals(s);
        }
    }

    private record Attr(String key, Object value, Pattern regex) {
        boolean matches(AttributeMap m) {
            Object v = m.get(key);
            if (v == null) {
                return false;
            }
            if (value == null) {
                return true;
            }
            if (regex != null) {
                // upstream matches the string form of scalar values; other types never match
                String s = switch (v) {
                    case String x -> x;
                    case Boolean b -> b.toString();
                    case Long l -> l.toString();
                    case Double d -> GoFloat.formatF(d);
                    default -> null;
                };
                return s != null && regex.matcher(s).find();
            }
            return AnyValue.deepEquals(v, value);
        }
    }

    private record Lib(Str name, String version) {
    }

    private static final Set<String> SPAN_KINDS = Set.of("SPAN_KIND_CLIENT", "SPAN_KIND_CONSUMER", "SPAN_KIND_INTERNAL",
            "SPAN_KIND_PRODUCER", "SPAN_KIND_SERVER");
    private static final String[] SEVERITIES = {"", "TRACE", "TRACE2", "TRACE3", "TRACE4", "DEBUG", "DEBUG2", "DEBUG3", "DEBUG4", "INFO",
        "INFO2", "INFO3", "INFO4", "WARN", "WARN2", "WARN3", "WARN4", "ERROR", "ERROR2", "ERROR3", "ERROR4", "FATAL", "FATAL2", "FATAL3",
        "FATAL4"};

    private List<Str> services = List.of();
    private List<Str> spanNames = List.of();
    private List<Str> spanKinds = List.of();
    private List<Str> logBodies = List.of();
    private List<Str> severityTexts = List.of();
    private Integer minSeverity;
    private boolean matchUndefinedSeverity;
    private List<Str> metricNames = List.of();
    private List<Attr> attributes = List.of();
    private List<Attr> resources = List.of();
    private List<Lib> libraries = List.of();

    private MatchProperties() {
    }

    /** Null when {@code key} is absent. */
    public static MatchProperties decode(Conf parent, String key) {
        return decode(parent, key, Layout.GENERIC);
    }

    /** Null when {@code key} is absent. */
    public static MatchProperties decode(Conf parent, String key, Layout layout) {
        if (!parent.has(key)) {
            return null;
        }
        Conf c = parent.child(key);
        String type = c.string("match_type", "");
        boolean regexp = type.equals("regexp");
        if (type.equals("expr") && layout == Layout.METRICS) {
            c.error("match_type", "unsupported", "match_type: expr (expressions in the expr-lang language) is not supported by ottl4j;"
                    + " write the condition in OTTL instead (metrics: {metric: [...]} or metric_conditions)");
        } else if (!regexp && !type.isEmpty() && !type.equals("strict")) {
            c.error("match_type", "unrecognized match_type: '" + type + "', valid types are: [regexp strict]");
        }
        if (c.has("regexp")) {
            Conf re = c.child("regexp"); // RE2/J needs no result cache: the settings are accepted and have no effect
            re.bool("cacheenabled", false);
            re.intValue("cachemaxnumentries", 0);
            re.finish();
        }
        MatchProperties mp = new MatchProperties();
        switch (layout) {
            case GENERIC -> {
                mp.services = strs(c, "services", regexp);
                mp.spanNames = strs(c, "span_names", regexp);
                mp.spanKinds = strs(c, "span_kinds", regexp);
                mp.logBodies = strs(c, "log_bodies", regexp);
                mp.severityTexts = strs(c, "log_severity_texts", regexp);
                mp.severityNumber(c, "log_severity_number");
                mp.metricNames = strs(c, "metric_names", regexp);
                mp.attributes = attrs(c, "attributes", regexp);
                mp.resources = attrs(c, "resources", regexp);
                mp.libraries = libs(c, regexp);
            }
            case LOGS -> {
                mp.resources = attrs(c, "resource_attributes", regexp);
                mp.attributes = attrs(c, "record_attributes", regexp);
                mp.severityTexts = strs(c, "severity_texts", regexp);
                mp.severityNumber(c, "severity_number");
                mp.logBodies = strs(c, "bodies", regexp);
            }
            case METRICS -> {
                mp.metricNames = strs(c, "metric_names", regexp);
                mp.resources = attrs(c, "resource_attributes", regexp);
                if (!c.strings("expressions", List.of()).isEmpty() && !type.equals("expr")) {
                    c.error("expressions", "expressions are only read with match_type: expr");
                }
            }
        }
        c.finish();
        // upstream needs a match type only to build string and attribute-value matchers (severity numbers and bare
        // attribute keys work without one)
        if (type.isEmpty() && mp.needsMatchType()) {
            c.error("match_type", "unrecognized match_type: '', valid types are: [regexp strict]");
        }
        return mp;
    }

    private boolean needsMatchType() {
        return !services.isEmpty() || !spanNames.isEmpty() || !spanKinds.isEmpty() || !logBodies.isEmpty() || !severityTexts.isEmpty()
                || !metricNames.isEmpty() || !libraries.isEmpty() || attributes.stream().anyMatch(a -> a.value() != null)
                || resources.stream().anyMatch(a -> a.value() != null);
    }

    /** Upstream's {@code ValidateForSpans}: reported at {@code key} of {@code parent}. */
    public void validateForSpans(Conf parent, String key) {
        if (!logBodies.isEmpty()) {
            parent.error(key, "log_bodies should not be specified for trace spans");
        } else if (!severityTexts.isEmpty()) {
            parent.error(key, "log_severity_texts should not be specified for trace spans");
        } else if (minSeverity != null) {
            parent.error(key, "log_severity_number should not be specified for trace spans");
        } else if (services.isEmpty() && spanNames.isEmpty() && attributes.isEmpty() && libraries.isEmpty() && resources.isEmpty()
                && spanKinds.isEmpty()) {
            parent.error(key, "at least one of \"attributes\", \"libraries\",  or \"resources\" field must be specified");
        } else {
            for (Str k : spanKinds) {
                if (k.regex() == null && !SPAN_KINDS.contains(k.text())) {
                    parent.error(key, "span_kinds string must match one of the standard span kinds when match_type=strict: "
                            + SPAN_KINDS.stream().sorted().toList().toString().replace(",", ""));
                    break;
                }
            }
        }
    }

    /** Whether nothing is set ({@code LogMatchProperties.isEmpty}: upstream then ignores the block). */
    public boolean isEmpty() {
        return services.isEmpty() && spanNames.isEmpty() && spanKinds.isEmpty() && logBodies.isEmpty() && severityTexts.isEmpty()
                && minSeverity == null && metricNames.isEmpty() && attributes.isEmpty() && resources.isEmpty() && libraries.isEmpty();
    }

    public boolean hasMetricNames() {
        return !metricNames.isEmpty();
    }

    public boolean hasResources() {
        return !resources.isEmpty();
    }

    private void severityNumber(Conf c, String key) {
        if (!c.has(key)) {
            return;
        }
        Conf s = c.child(key);
        ConfigNode n = s.raw("min");
        if (n instanceof ConfigNode.Scalar sc) {
            String t = sc.text().trim().toUpperCase(Locale.ROOT);
            for (int i = 1; i < SEVERITIES.length; i++) {
                if (SEVERITIES[i].equals(t) || Integer.toString(i).equals(t)) {
                    minSeverity = i;
                }
            }
            if (minSeverity == null) {
                s.error("min", "'" + sc.text() + "' is not a valid severity: not a valid severity");
            }
        } else {
            minSeverity = 0; // upstream: an empty min ignores the severity
        }
        matchUndefinedSeverity = s.bool("match_undefined", false);
        s.finish();
    }

    private static Str str(Conf c, String key, String text, boolean regexp) {
        if (!regexp) {
            return new Str(text, null);
        }
        try {
            return new Str(text, Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            c.error(key, "error parsing regexp: " + e.getMessage());
            return new Str(text, null);
        }
    }

    private static List<Str> strs(Conf c, String key, boolean regexp) {
        List<Str> out = new ArrayList<>();
        for (String s : c.strings(key, List.of())) {
            out.add(str(c, key, s, regexp));
        }
        return out;
    }

    private static List<Lib> libs(Conf c, boolean regexp) {
        List<Lib> libs = new ArrayList<>();
        for (Conf l : c.list("libraries")) {
            String name = l.string("name", "");
            libs.add(new Lib(str(l, "name", name, regexp), l.present("version") ? l.string("version", "") : null));
            l.finish();
        }
        return libs;
    }

    private static List<Attr> attrs(Conf c, String key, boolean regexp) {
        List<Attr> out = new ArrayList<>();
        for (Conf a : c.list(key)) {
            String k = a.string("key", "");
            if (k.isEmpty()) {
                a.error("key", "error creating attribute filters: can't have empty key in the list of attributes");
            }
            ConfigNode v = a.raw("value");
            Object value = v == null || v instanceof ConfigNode.NullNode ? null : AnyValue.fromRaw(ConfigNode.toPlain(v));
            Pattern re = null;
            if (regexp && value != null) {
                if (!(value instanceof String s)) {
                    a.error("value", "match_type=regexp for \"" + k + "\" only supports Str");
                } else {
                    try {
                        re = Pattern.compile(s);
                    } catch (PatternSyntaxException e) {
                        a.error("value", "error parsing regexp: " + e.getMessage());
                    }
                }
            }
            a.finish();
            out.add(new Attr(k, value, re));
        }
        return out;
    }

    private static boolean any(List<Str> list, String s) {
        if (list.isEmpty()) {
            return true;
        }
        for (Str x : list) {
            if (x.matches(s == null ? "" : s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(List<Attr> list, AttributeMap m) {
        for (Attr a : list) {
            if (!a.matches(m)) {
                return false;
            }
        }
        return true;
    }

    /** The resource attributes alone (the metrics layout checks them at the resource level). */
    public boolean matchesResource(Resource resource) {
        return all(resources, resource.attributes());
    }

    /** The metric names alone. */
    public boolean matchesMetricName(Metric m) {
        return any(metricNames, m.name());
    }

    private boolean common(Resource resource, InstrumentationScope scope, AttributeMap attrs) {
        if (!services.isEmpty()) {
            Object svc = resource.attributes().get("service.name");
            // upstream matches the value's string form, and a fixed placeholder when the attribute is missing
            if (!any(services, svc == null ? "<nil-service-name>" : AnyValue.asString(svc))) {
                return false;
            }
        }
        if (!all(resources, resource.attributes())) {
            return false;
        }
        if (attrs != null && !all(attributes, attrs)) {
            return false;
        }
        if (!libraries.isEmpty()) {
            boolean ok = false;
            for (Lib l : libraries) {
                if (l.name().matches(scope.name()) && (l.version() == null || l.version().equals(scope.version()))) {
                    ok = true;
                }
            }
            return ok;
        }
        return true;
    }

    public boolean matches(Resource resource, InstrumentationScope scope, Object item) {
        switch (item) {
            case Span s -> {
                return any(spanNames, s.name()) && any(spanKinds, kindName(s.kind())) && common(resource, scope, s.attributes());
            }
            case LogRecord l -> {
                if (!logBodies.isEmpty() && !any(logBodies, AnyValue.asString(l.body()))) {
                    return false;
                }
                if (!any(severityTexts, l.severityText())) {
                    return false;
                }
                if (minSeverity != null && minSeverity > 0) {
                    int n = l.severityNumber();
                    if (n == 0 ? !matchUndefinedSeverity : n < minSeverity) {
                        return false;
                    }
                }
                return common(resource, scope, l.attributes());
            }
            case Metric m -> {
                return any(metricNames, m.name()) && common(resource, scope, null);
            }
            default -> {
                return false;
            }
        }
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case 1 -> "SPAN_KIND_INTERNAL";
            case 2 -> "SPAN_KIND_SERVER";
            case 3 -> "SPAN_KIND_CLIENT";
            case 4 -> "SPAN_KIND_PRODUCER";
            case 5 -> "SPAN_KIND_CONSUMER";
            default -> "SPAN_KIND_UNSPECIFIED";
        };
    }
}
