package io.ottl4j.collector.processor.tailsampling;

import com.google.re2j.PatternSyntaxException;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.processor.internal.OttlConfig;
import io.ottl4j.collector.processor.tailsampling.policy.AlwaysSamplePolicy;
import io.ottl4j.collector.processor.tailsampling.policy.AndPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.BooleanAttributePolicy;
import io.ottl4j.collector.processor.tailsampling.policy.CompositePolicy;
import io.ottl4j.collector.processor.tailsampling.policy.DropPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.LatencyPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.NotPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.NumericAttributePolicy;
import io.ottl4j.collector.processor.tailsampling.policy.OttlConditionPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.PolicyEvaluator;
import io.ottl4j.collector.processor.tailsampling.policy.ProbabilisticPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.RateLimitingPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.SpanCountPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.StatusCodePolicy;
import io.ottl4j.collector.processor.tailsampling.policy.StringAttributePolicy;
import io.ottl4j.collector.processor.tailsampling.policy.TraceFlagsPolicy;
import io.ottl4j.collector.processor.tailsampling.policy.TraceStatePolicy;
import io.ottl4j.language.CompiledConditions;
import io.ottl4j.language.ErrorMode;
import io.ottl4j.pdata.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes {@code policies} entries ({@code {name, type, <type>: {...}}}) into {@link PolicySpec}s, with one
 * precise error per bad key. Sub-policies of {@code and}, {@code drop} and {@code composite} use the same
 * decoder one level down (a composite may not nest another composite, as upstream's config types forbid).
 */
final class PolicyDecoder {
    static final List<String> TYPES = List.of("always_sample", "latency", "numeric_attribute", "probabilistic", "status_code",
            "string_attribute", "rate_limiting", "bytes_limiting", "span_count", "trace_state", "trace_flags", "boolean_attribute",
            "ottl_condition", "and", "not", "drop", "composite");

    private PolicyDecoder() {
    }

    /** The top-level list: names must be non-empty and unique. */
    static List<PolicySpec> decodeAll(Conf c, String key) {
        List<PolicySpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<Conf> items = c.list(key);
        if (items.isEmpty()) {
            c.error(key, "no policies configured: at least one policy is required");
        }
        for (Conf p : items) {
            PolicySpec s = decode(p, 0);
            if (s == null) {
                continue;
            }
            if (!names.add(s.name())) {
                p.error("name", "duplicate policy name \"" + s.name() + "\"");
            }
            out.add(s);
        }
        return out;
    }

    static PolicySpec decode(Conf p, int depth) {
        String name = p.string("name", "");
        String type = p.string("type", "");
        if (name.isEmpty()) {
            p.error("name", "policy name cannot be empty");
        }
        PolicySpec s = switch (type) {
            case "always_sample" -> spec(name, type, (clock, inv) -> new AlwaysSamplePolicy());
            case "latency" -> latency(p, name);
            case "numeric_attribute" -> numeric(p, name);
            case "probabilistic" -> probabilistic(p, name);
            case "status_code" -> statusCode(p, name);
            case "string_attribute" -> string(p, name);
            case "rate_limiting", "bytes_limiting" -> rate(p, name, type);
            case "span_count" -> spanCount(p, name);
            case "trace_state" -> traceState(p, name);
            case "trace_flags" -> spec(name, type, (clock, inv) -> new TraceFlagsPolicy());
            case "boolean_attribute" -> bool(p, name);
            case "ottl_condition" -> ottl(p, name);
            case "and" -> and(p, name, depth);
            case "not" -> not(p, name, depth);
            case "drop" -> drop(p, name, depth);
            case "composite" -> depth > 0 ? unknownType(p, type, "a composite cannot be a sub-policy") : composite(p, name, depth);
            case "" -> {
                p.error("type", "policy \"" + name + "\" has no type (one of " + String.join(", ", TYPES) + ")");
                yield null;
            }
            default -> unknownType(p, type, "use one of " + String.join(", ", TYPES));
        };
        // every other policy type's settings block is an unknown key here
        for (String t : TYPES) {
            if (!t.equals(type)) {
                if (p.has(t)) {
                    p.error(t, "settings for policy type " + t + " on a policy of type " + (type.isEmpty() ? "(none)" : type));
                }
            }
        }
        p.finish();
        return s;
    }

    private static PolicySpec unknownType(Conf p, String type, String hint) {
        p.error("type", "unknown sampling policy type " + type + " (" + hint + ")");
        return null;
    }

    private static PolicySpec spec(String name, String type, PolicySpec.Builder b) {
        return new PolicySpec(name, type, b, false, false);
    }

    private static PolicySpec latency(Conf p, String name) {
        Conf c = p.child("latency");
        long threshold = c.longValue("threshold_ms", 0);
        long upper = c.longValue("upper_threshold_ms", 0);
        c.finish();
        if (upper != 0 && upper < threshold) {
            c.error("upper_threshold_ms", "upper_threshold_ms (" + upper + ") must be greater than threshold_ms (" + threshold + ")");
        }
        return new PolicySpec(name, "latency", (clock, inv) -> new LatencyPolicy(threshold, upper), upper != 0, false);
    }

    private static PolicySpec numeric(Conf p, String name) {
        Conf c = p.child("numeric_attribute");
        String key = c.string("key", "");
        long min = c.longValue("min_value", 0);
        long max = c.longValue("max_value", 0);
        boolean invert = c.bool("invert_match", false);
        c.finish();
        if (key.isEmpty()) {
            c.error("key", "numeric_attribute: key must not be empty");
        }
        if (min == 0 && max == 0) {
            c.error("min_value", "numeric_attribute: min_value and max_value cannot both be 0 (set at least one)");
        } else if (min != 0 && max != 0 && max < min) {
            c.error("max_value", "numeric_attribute: max_value (" + max + ") must be greater than or equal to min_value (" + min + ")");
        }
        return spec(name, "numeric_attribute", (clock, inv) -> new NumericAttributePolicy(key, min, max, invert, inv));
    }

    private static PolicySpec probabilistic(Conf p, String name) {
        Conf c = p.child("probabilistic");
        String salt = c.string("hash_salt", "");
        double pct = c.doubleValue("sampling_percentage", 0);
        c.finish();
        if (Double.isNaN(pct) || Double.isInfinite(pct)) {
            c.error("sampling_percentage", "probabilistic: sampling_percentage must be a finite number");
        }
        return spec(name, "probabilistic", (clock, inv) -> new ProbabilisticPolicy(salt, pct));
    }

    private static PolicySpec statusCode(Conf p, String name) {
        Conf c = p.child("status_code");
        List<String> codes = c.strings("status_codes", List.of());
        c.finish();
        int mask = 0;
        if (codes.isEmpty()) {
            c.error("status_codes", "expected at least one status code to filter on");
        }
        for (String code : codes) {
            switch (code) {
                case "UNSET" -> mask |= 1;
                case "OK" -> mask |= 2;
                case "ERROR" -> mask |= 4;
                default -> c.error("status_codes", "unknown status code \"" + code + "\", supported: OK, ERROR, UNSET");
            }
        }
        int m = mask;
        return spec(name, "status_code", (clock, inv) -> new StatusCodePolicy(m));
    }

    private static PolicySpec string(Conf p, String name) {
        Conf c = p.child("string_attribute");
        String key = c.string("key", "");
        List<String> values = c.strings("values", List.of());
        boolean regex = c.bool("enabled_regex_matching", false);
        int cache = c.intValue("cache_max_size", 128);
        boolean invert = c.bool("invert_match", false);
        c.finish();
        if (key.isEmpty()) {
            c.error("key", "string_attribute: key must not be empty");
        }
        if (values.isEmpty()) {
            c.error("values", "string_attribute: values must not be empty");
        }
        if (regex) {
            for (String v : values) {
                try {
                    com.google.re2j.Pattern.compile(v);
                } catch (PatternSyntaxException e) {
                    c.error("values", "string_attribute: invalid regular expression \"" + v + "\": " + e.getMessage());
                }
            }
        }
        return spec(name, "string_attribute", (clock, inv) -> new StringAttributePolicy(key, values, regex, cache, invert, inv));
    }

    private static PolicySpec rate(Conf p, String name, String type) {
        Conf c = p.child(type);
        boolean bytes = type.equals("bytes_limiting");
        String perKey = bytes ? "bytes_per_second" : "spans_per_second";
        long per = c.longValue(perKey, 0);
        long burst = c.longValue("burst_capacity", 0);
        c.finish();
        if (per <= 0) {
            c.error(perKey, type + ": " + perKey + " must be greater than 0");
        }
        if (burst < 0) {
            c.error("burst_capacity", type + ": burst_capacity must not be negative");
        }
        long b = burst > 0 ? burst : 2 * per;
        return new PolicySpec(name, type, (clock, inv) -> new RateLimitingPolicy(per, b, bytes, clock), true, bytes);
    }

    private static PolicySpec spanCount(Conf p, String name) {
        Conf c = p.child("span_count");
        int min = c.intValue("min_spans", 0);
        int max = c.intValue("max_spans", 0);
        c.finish();
        if (max != 0 && max < min) {
            c.error("max_spans", "span_count: max_spans (" + max + ") must be greater than or equal to min_spans (" + min + ")");
        }
        return new PolicySpec(name, "span_count", (clock, inv) -> new SpanCountPolicy(min, max), max != 0, false);
    }

    private static PolicySpec traceState(Conf p, String name) {
        Conf c = p.child("trace_state");
        String key = c.string("key", "");
        List<String> values = c.strings("values", List.of());
        c.finish();
        if (key.isEmpty()) {
            c.error("key", "trace_state: key must not be empty");
        }
        if (values.isEmpty()) {
            c.error("values", "trace_state: values must not be empty");
        }
        return spec(name, "trace_state", (clock, inv) -> new TraceStatePolicy(key, values));
    }

    private static PolicySpec bool(Conf p, String name) {
        Conf c = p.child("boolean_attribute");
        String key = c.string("key", "");
        boolean value = c.bool("value", false);
        boolean invert = c.bool("invert_match", false);
        c.finish();
        if (key.isEmpty()) {
            c.error("key", "boolean_attribute: key must not be empty");
        }
        return spec(name, "boolean_attribute", (clock, inv) -> new BooleanAttributePolicy(key, value, invert, inv));
    }

    private static PolicySpec ottl(Conf p, String name) {
        Conf c = p.child("ottl_condition");
        ErrorMode mode = OttlConfig.errorMode(c, "error_mode", ErrorMode.PROPAGATE);
        List<OttlConfig.Source> span = OttlConfig.sources(c, "span");
        List<OttlConfig.Source> event = OttlConfig.sources(c, "spanevent");
        c.finish();
        if (span.isEmpty() && event.isEmpty()) {
            c.error("span", "ottl_condition: at least one span or spanevent condition is required");
            return null;
        }
        CompiledConditions sc = compile(c, "span", span, mode);
        CompiledConditions ec = compile(c, "spanevent", event, mode);
        return spec(name, "ottl_condition", (clock, inv) -> new OttlConditionPolicy(sc, ec));
    }

    private static CompiledConditions compile(Conf c, String context, List<OttlConfig.Source> conds, ErrorMode mode) {
        if (conds.isEmpty()) {
            return null;
        }
        var r = OttlConfig.compile(c, context, Signal.TRACES, context, conds, (k, m) -> OttlConfig.conditions(k, conds, mode, m));
        return r == null ? null : r.getValue();
    }

    private static List<PolicySpec> subs(Conf p, String block, String key, int depth) {
        Conf c = p.child(block);
        try {
            return subsOf(c, block, key, depth);
        } finally {
            c.finish();
        }
    }

    private static List<PolicySpec> subsOf(Conf c, String block, String key, int depth) {
        List<PolicySpec> out = new ArrayList<>();
        List<Conf> items = c.list(key);
        for (Conf s : items) {
            PolicySpec spec = decode(s, depth + 1);
            if (spec != null) {
                out.add(spec);
            }
        }
        if (items.isEmpty()) {
            c.error(key, block + ": at least one sub-policy is required in " + key);
        }
        return out;
    }

    private static List<PolicyEvaluator> build(List<PolicySpec> specs, io.ottl4j.collector.processor.tailsampling.policy.NanoClock clock, boolean inv) {
        List<PolicyEvaluator> out = new ArrayList<>();
        for (PolicySpec s : specs) {
            out.add(s.builder().build(clock, inv));
        }
        return out;
    }

    private static boolean anyStateful(List<PolicySpec> specs) {
        return specs.stream().anyMatch(PolicySpec::stateful);
    }

    private static boolean anyBytes(List<PolicySpec> specs) {
        return specs.stream().anyMatch(PolicySpec::needsBytes);
    }

    private static PolicySpec and(Conf p, String name, int depth) {
        List<PolicySpec> subs = subs(p, "and", "and_sub_policy", depth);
        return new PolicySpec(name, "and", (clock, inv) -> new AndPolicy(build(subs, clock, inv)), anyStateful(subs), anyBytes(subs));
    }

    private static PolicySpec drop(Conf p, String name, int depth) {
        List<PolicySpec> subs = subs(p, "drop", "drop_sub_policy", depth);
        return new PolicySpec(name, "drop", (clock, inv) -> new DropPolicy(build(subs, clock, inv)), anyStateful(subs), anyBytes(subs));
    }

    private static PolicySpec not(Conf p, String name, int depth) {
        Conf c = p.child("not");
        Conf sub = c.child("not_sub_policy");
        c.finish();
        PolicySpec s = sub.keys().isEmpty() ? null : decode(sub, depth + 1);
        if (s == null) {
            if (sub.keys().isEmpty()) {
                c.error("not_sub_policy", "not: not_sub_policy is required");
            }
            return null;
        }
        return new PolicySpec(name, "not", (clock, inv) -> new NotPolicy(s.builder().build(clock, inv)), s.stateful(), s.needsBytes());
    }

    private static PolicySpec composite(Conf p, String name, int depth) {
        Conf c = p.child("composite");
        long maxTotal = c.longValue("max_total_spans_per_second", 0);
        List<String> order = c.strings("policy_order", List.of());
        List<PolicySpec> subs = new ArrayList<>();
        for (Conf s : c.list("composite_sub_policy")) {
            PolicySpec spec = decode(s, depth + 1);
            if (spec != null) {
                subs.add(spec);
            }
        }
        Map<String, Double> alloc = new HashMap<>();
        double defaultShare = subs.isEmpty() ? 0 : (double) maxTotal / subs.size();
        for (Conf a : c.list("rate_allocation")) {
            String policy = a.string("policy", "");
            double pct = a.doubleValue("percent", 0);
            a.finish();
            alloc.put(policy, pct > 0 ? pct / 100 * maxTotal : defaultShare);
        }
        c.finish();
        if (maxTotal <= 0) {
            c.error("max_total_spans_per_second", "composite: max_total_spans_per_second must be greater than 0");
        }
        if (subs.isEmpty()) {
            c.error("composite_sub_policy", "composite: at least one sub-policy is required in composite_sub_policy");
        }
        for (String o : order) {
            if (subs.stream().noneMatch(s -> s.name().equals(o))) {
                c.error("policy_order", "composite: policy_order names \"" + o + "\", which is not a composite_sub_policy");
            }
        }
        return new PolicySpec(name, "composite", (clock, inv) -> {
            List<CompositePolicy.Sub> built = new ArrayList<>();
            for (PolicySpec s : subs) {
                built.add(new CompositePolicy.Sub(s.name(), s.builder().build(clock, inv), (long) (double) alloc.getOrDefault(s.name(), 0.0)));
            }
            return new CompositePolicy(built, maxTotal, clock);
        }, true, anyBytes(subs));
    }
}
