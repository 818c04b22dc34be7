package io.ottl4j.collector.processor.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.config.ConfigNode;
import io.ottl4j.pdata.AnyValue;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.InstrumentationScope;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.Resource;
import io.ottl4j.pdata.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The legacy {@code include}/{@code exclude} match properties (collector-spec §3.3): {@code strict} or
 * {@code regexp} matching of services, span names and kinds, log bodies and severities, metric names,
 * attributes, resources and libraries. Within a list: OR; across properties: AND.
 */
public final class MatchProperties {
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
                return v instanceof String s && regex.matcher(s).find();
            }
            return AnyValue.deepEquals(v, value);
        }
    }

    private record Lib(Str name, String version) {
    }

    private final List<Str> services;
    private final List<Str> spanNames;
    private final List<Str> spanKinds;
    private final List<Str> logBodies;
    private final List<Str> severityTexts;
    private final Integer minSeverity;
    private final boolean matchUndefinedSeverity;
    private final List<Str> metricNames;
    private final List<Attr> attributes;
    private final List<Attr> resources;
    private final List<Lib> libraries;

    private MatchProperties(List<Str> services, List<Str> spanNames, List<Str> spanKinds, List<Str> logBodies, List<Str> severityTexts,
            Integer minSeverity, boolean matchUndefinedSeverity, List<Str> metricNames, List<Attr> attributes, List<Attr> resources,
            List<Lib> libraries) {
        this.services = services;
        this.spanNames = spanNames;
        this.spanKinds = spanKinds;
        this.logBodies = logBodies;
        this.severityTexts = severityTexts;
        this.minSeverity = minSeverity;
        this.matchUndefinedSeverity = matchUndefinedSeverity;
        this.metricNames = metricNames;
        this.attributes = attributes;
        this.resources = resources;
        this.libraries = libraries;
    }

    /** Null when {@code key} is absent. */
    public static MatchProperties decode(Conf parent, String key) {
        if (!parent.has(key)) {
            return null;
        }
        Conf c = parent.child(key);
        String type = c.string("match_type", "");
        boolean regexp = type.equals("regexp");
        if (!regexp && !type.equals("strict")) {
            c.error("match_type", type.isEmpty() ? "match_type must be set" : "unrecognized match_type: '" + type + "', valid types are: [regexp strict]");
        }
        c.has("regexp");
        List<Str> services = strs(c, "services", regexp);
        List<Str> spanNames = strs(c, "span_names", regexp);
        List<Str> kinds = strs(c, "span_kinds", regexp); // matched like the other string lists, regexp included
        List<Str> bodies = strs(c, "log_bodies", regexp);
        List<Str> sev = strs(c, "log_severity_texts", regexp);
        Integer min = null;
        boolean undefined = false;
        if (c.has("log_severity_number")) {
            Conf s = c.child("log_severity_number");
            min = severity(s, s.raw("min"));
            undefined = s.bool("match_undefined", false);
            s.finish();
        }
        List<Str> metrics = strs(c, "metric_names", regexp);
        List<Attr> attrs = attrs(c, "attributes", regexp);
        List<Attr> res = attrs(c, "resources", regexp);
        List<Lib> libs = new ArrayList<>();
        for (Conf l : c.list("libraries")) {
            String name = l.string("name", "");
            libs.add(new Lib(str(l, "name", name, regexp), l.has("version") ? l.string("version", "") : null));
            l.finish();
        }
        c.has("expressions");
        c.has("bodies");
        c.finish();
        return new MatchProperties(services, spanNames, kinds, bodies, sev, min, undefined, metrics, attrs, res, libs);
    }

    private static Integer severity(Conf s, ConfigNode n) {
        if (n instanceof ConfigNode.Scalar sc) {
            if (sc.value() instanceof Long l) {
                return l.intValue();
            }
            String[] names = {"", "TRACE", "TRACE2", "TRACE3", "TRACE4", "DEBUG", "DEBUG2", "DEBUG3", "DEBUG4", "INFO", "INFO2", "INFO3", "INFO4",
                "WARN", "WARN2", "WARN3", "WARN4", "ERROR", "ERROR2", "ERROR3", "ERROR4", "FATAL", "FATAL2", "FATAL3", "FATAL4"};
            String t = sc.text().toUpperCase(Locale.ROOT);
            for (int i = 1; i < names.length; i++) {
                if (names[i].equals(t)) {
                    return i;
                }
            }
            s.error("min", "invalid severity: " + sc.text());
        }
        return null;
    }

    private static Str str(Conf c, String key, String text, boolean regexp) {
        if (!regexp) {
            return new Str(text, null);
        }
        try {
            return new Str(text, Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            c.error(key, "invalid regexp \"" + text + "\": " + e.getMessage());
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
                    a.error("value", "match_type=regexp is only supported for string attributes");
                } else {
                    try {
                        re = Pattern.compile(s);
                    } catch (PatternSyntaxException e) {
                        a.error("value", "invalid regexp: " + e.getMessage());
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

    private boolean common(Resource resource, InstrumentationScope scope, AttributeMap attrs) {
        if (!services.isEmpty()) {
            Object svc = resource.attributes().get("service.name");
            // upstream matches the value's string form, and a fixed placeholder when the attribute is missing
            if (!any(services, svc == null ? "<nil-service-name>" : AnyValue.asString(svc))) {
                return false;
            }
        }
        for (Attr a : resources) {
            if (!a.matches(resource.attributes())) {
                return false;
            }
        }
        if (attrs != null) {
            for (Attr a : attributes) {
                if (!a.matches(attrs)) {
                    return false;
                }
            }
        }
        if (!libraries.isEmpty()) {
            boolean ok = false;
            for (Lib l : libraries) {
                if (l.name().matches(scope.name()) && (l.version() == null || l.version().equals(scope.version()))) {
                    ok = true;
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(Resource resource, InstrumentationScope scope, Object item) {
        switch (item) {
            case Span s -> {
                if (!any(spanNames, s.name())) {
                    return false;
                }
                if (!any(spanKinds, kindName(s.kind()))) {
                    return false;
                }
                return common(resource, scope, s.attributes());
            }
            case LogRecord l -> {
                if (!logBodies.isEmpty() && !(l.body() instanceof String b && any(logBodies, b))) {
                    return false;
                }
                if (!any(severityTexts, l.severityText())) {
                    return false;
                }
                if (minSeverity != null) {
                    int n = l.severityNumber();
                    if (n == 0 ? !matchUndefinedSeverity : n < minSeverity) {
                        return false;
                    }
                }
                return common(resource, scope, l.attributes());
            }
            case Metric m -> {
                if (!any(metricNames, m.name())) {
                    return false;
                }
                return common(resource, scope, null);
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
