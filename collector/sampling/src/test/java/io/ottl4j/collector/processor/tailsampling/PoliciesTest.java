package io.ottl4j.collector.processor.tailsampling;

import static io.ottl4j.collector.processor.tailsampling.TestTraces.batch;
import static io.ottl4j.collector.processor.tailsampling.TestTraces.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.processor.tailsampling.policy.Decision;
import io.ottl4j.collector.processor.tailsampling.policy.PolicyEvaluator;
import io.ottl4j.collector.processor.tailsampling.policy.TraceData;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanEvent;
import io.ottl4j.pdata.Status;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each policy type on hand-built traces, decoded from YAML as a user writes it. */
class PoliciesTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private PolicyEvaluator policy(String yaml) throws Exception {
        return policy(yaml, false);
    }

    private PolicyEvaluator policy(String yaml, boolean disableInvert) throws Exception {
        var cfg = TestComponents.decode(new TailSamplingProcessorFactory(), "policies:\n  - " + yaml.strip().replace("\n", "\n    ") + "\n");
        return cfg.policies().get(0).builder().build(now::get, disableInvert);
    }

    @SafeVarargs
    private static TraceData trace(Consumer<Span>... spans) {
        return TraceData.of(batch(id(7), spans));
    }

    private static TraceData traceWithResource(String key, Object value, Consumer<Span> span) {
        TelemetryBatch<Span> b = batch(id(7), span);
        b.resources().get(0).resource().attributes().put(key, value);
        return TraceData.of(b);
    }

    @Test
    void alwaysSample() throws Exception {
        assertThat(policy("{name: a, type: always_sample}").evaluate(trace(s -> { }))).isEqualTo(Decision.SAMPLED);
    }

    @Test
    void latencyWithAndWithoutUpperBound() throws Exception {
        PolicyEvaluator p = policy("{name: l, type: latency, latency: {threshold_ms: 100}}");
        assertThat(p.evaluate(trace(s -> s.setEndTimeUnixNano(s.startTimeUnixNano() + 99_999_999)))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(p.evaluate(trace(s -> s.setEndTimeUnixNano(s.startTimeUnixNano() + 100_000_000)))).isEqualTo(Decision.SAMPLED);
        // the duration spans the whole trace: two short spans far apart
        assertThat(p.evaluate(trace(s -> { }, s -> {
            s.setStartTimeUnixNano(1_200_000_000L);
            s.setEndTimeUnixNano(1_201_000_000L);
        }))).isEqualTo(Decision.SAMPLED);
        PolicyEvaluator band = policy("{name: l, type: latency, latency: {threshold_ms: 100, upper_threshold_ms: 200}}");
        assertThat(band.evaluate(trace(s -> s.setEndTimeUnixNano(s.startTimeUnixNano() + 100_000_000)))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(band.evaluate(trace(s -> s.setEndTimeUnixNano(s.startTimeUnixNano() + 150_000_000)))).isEqualTo(Decision.SAMPLED);
        assertThat(band.evaluate(trace(s -> s.setEndTimeUnixNano(s.startTimeUnixNano() + 201_000_000)))).isEqualTo(Decision.NOT_SAMPLED);
    }

    @Test
    void numericAttributeOnSpanOrResource() throws Exception {
        PolicyEvaluator p = policy("{name: n, type: numeric_attribute, numeric_attribute: {key: http.status_code, min_value: 400, max_value: 499}}");
        assertThat(p.evaluate(trace(s -> s.attributes().putLong("http.status_code", 404)))).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(trace(s -> s.attributes().putLong("http.status_code", 500)))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(p.evaluate(traceWithResource("http.status_code", 450L, s -> { }))).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(trace(s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator onlyMin = policy("{name: n, type: numeric_attribute, numeric_attribute: {key: k, min_value: 10}}");
        assertThat(onlyMin.evaluate(trace(s -> s.attributes().putLong("k", Long.MAX_VALUE)))).isEqualTo(Decision.SAMPLED);
        PolicyEvaluator inverted = policy("{name: n, type: numeric_attribute, numeric_attribute: {key: k, min_value: 1, max_value: 5, invert_match: true}}");
        assertThat(inverted.evaluate(trace(s -> s.attributes().putLong("k", 3)))).isEqualTo(Decision.INVERT_NOT_SAMPLED);
        assertThat(inverted.evaluate(trace(s -> s.attributes().putLong("k", 9)))).isEqualTo(Decision.INVERT_SAMPLED);
        assertThat(inverted.evaluate(trace(s -> { }))).isEqualTo(Decision.INVERT_SAMPLED);
    }

    @Test
    void statusCode() throws Exception {
        PolicyEvaluator p = policy("{name: e, type: status_code, status_code: {status_codes: [ERROR]}}");
        assertThat(p.evaluate(trace(s -> { }, TestTraces::error))).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(trace(s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator okOrUnset = policy("{name: e, type: status_code, status_code: {status_codes: [OK, UNSET]}}");
        assertThat(okOrUnset.evaluate(trace(TestTraces::error))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(okOrUnset.evaluate(trace(s -> { }))).isEqualTo(Decision.SAMPLED);
        assertThat(okOrUnset.evaluate(trace(s -> {
            Status st = new Status();
            st.setCode(Status.CODE_OK);
            s.setStatus(st);
        }))).isEqualTo(Decision.SAMPLED);
    }

    @Test
    void stringAttributeExactRegexAndInverted() throws Exception {
        PolicyEvaluator exact = policy("{name: s, type: string_attribute, string_attribute: {key: service.name, values: [svc, other]}}");
        assertThat(exact.evaluate(trace(s -> { }))).isEqualTo(Decision.SAMPLED); // from the resource
        PolicyEvaluator onSpan = policy("{name: s, type: string_attribute, string_attribute: {key: http.route, values: [/api]}}");
        assertThat(onSpan.evaluate(trace(s -> s.attributes().putString("http.route", "/api")))).isEqualTo(Decision.SAMPLED);
        assertThat(onSpan.evaluate(trace(s -> s.attributes().putString("http.route", "/api/x")))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(onSpan.evaluate(trace(s -> s.attributes().putLong("http.route", 1)))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator regex = policy("{name: s, type: string_attribute, string_attribute: {key: http.route, values: ['^/api/v[0-9]+'], enabled_regex_matching: true, cache_max_size: 2}}");
        for (int i = 0; i < 3; i++) { // the second and third calls are answered by the cache
            assertThat(regex.evaluate(trace(s -> s.attributes().putString("http.route", "/api/v2/users")))).isEqualTo(Decision.SAMPLED);
            assertThat(regex.evaluate(trace(s -> s.attributes().putString("http.route", "/health")))).isEqualTo(Decision.NOT_SAMPLED);
        }
        // unanchored, as Go's MatchString
        PolicyEvaluator unanchored = policy("{name: s, type: string_attribute, string_attribute: {key: k, values: ['bc'], enabled_regex_matching: true}}");
        assertThat(unanchored.evaluate(trace(s -> s.attributes().putString("k", "abcd")))).isEqualTo(Decision.SAMPLED);
        PolicyEvaluator inverted = policy("{name: s, type: string_attribute, string_attribute: {key: k, values: [x], invert_match: true}}");
        assertThat(inverted.evaluate(trace(s -> s.attributes().putString("k", "x")))).isEqualTo(Decision.INVERT_NOT_SAMPLED);
        assertThat(inverted.evaluate(trace(s -> s.attributes().putString("k", "y")))).isEqualTo(Decision.INVERT_SAMPLED);
        PolicyEvaluator plain = policy("{name: s, type: string_attribute, string_attribute: {key: k, values: [x], invert_match: true}}", true);
        assertThat(plain.evaluate(trace(s -> s.attributes().putString("k", "x")))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(plain.evaluate(trace(s -> s.attributes().putString("k", "y")))).isEqualTo(Decision.SAMPLED);
    }

    @Test
    void booleanAttribute() throws Exception {
        PolicyEvaluator p = policy("{name: b, type: boolean_attribute, boolean_attribute: {key: debug, value: true}}");
        assertThat(p.evaluate(trace(s -> s.attributes().putBool("debug", true)))).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(trace(s -> s.attributes().putBool("debug", false)))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(p.evaluate(trace(s -> s.attributes().putString("debug", "true")))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator inv = policy("{name: b, type: boolean_attribute, boolean_attribute: {key: debug, value: true, invert_match: true}}");
        assertThat(inv.evaluate(trace(s -> s.attributes().putBool("debug", true)))).isEqualTo(Decision.INVERT_NOT_SAMPLED);
    }

    @Test
    void traceStateAndFlags() throws Exception {
        PolicyEvaluator ts = policy("{name: t, type: trace_state, trace_state: {key: vendor, values: [on, yes]}}");
        assertThat(ts.evaluate(trace(s -> s.setTraceState("a=1, vendor=yes")))).isEqualTo(Decision.SAMPLED);
        assertThat(ts.evaluate(trace(s -> s.setTraceState("vendor=no")))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(ts.evaluate(trace(s -> s.setTraceState("garbage")))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator flags = policy("{name: f, type: trace_flags}");
        assertThat(flags.evaluate(trace(s -> s.setFlags(0x101)))).isEqualTo(Decision.SAMPLED);
        assertThat(flags.evaluate(trace(s -> s.setFlags(0x100)))).isEqualTo(Decision.NOT_SAMPLED);
    }

    @Test
    void spanCount() throws Exception {
        PolicyEvaluator p = policy("{name: c, type: span_count, span_count: {min_spans: 2, max_spans: 3}}");
        assertThat(p.evaluate(trace(s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(p.evaluate(trace(s -> { }, s -> { }))).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(trace(s -> { }, s -> { }, s -> { }, s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
    }

    @Test
    void rateLimitingRefillsWithTheClock() throws Exception {
        PolicyEvaluator p = policy("{name: r, type: rate_limiting, rate_limiting: {spans_per_second: 2}}"); // burst 4
        TraceData two = trace(s -> { }, s -> { });
        assertThat(p.evaluate(two)).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(two)).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(two)).isEqualTo(Decision.NOT_SAMPLED);
        now.addAndGet(1_000_000_000L); // one second: two tokens back
        assertThat(p.evaluate(two)).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(two)).isEqualTo(Decision.NOT_SAMPLED);
        TraceData five = trace(s -> { }, s -> { }, s -> { }, s -> { }, s -> { });
        now.addAndGet(60_000_000_000L);
        assertThat(p.evaluate(five)).as("bigger than the burst: never").isEqualTo(Decision.NOT_SAMPLED);
    }

    @Test
    void bytesLimitingCountsProtobufBytes() throws Exception {
        var cfg = TestComponents.decode(new TailSamplingProcessorFactory(), """
                policies: [{name: b, type: bytes_limiting, bytes_limiting: {bytes_per_second: 100, burst_capacity: 150}}]
                """);
        assertThat(cfg.policies().get(0).needsBytes()).isTrue();
        PolicyEvaluator p = cfg.policies().get(0).builder().build(now::get, false);
        TraceData t = trace(s -> { });
        t.addBytes(100);
        assertThat(p.evaluate(t)).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(t)).isEqualTo(Decision.NOT_SAMPLED);
        now.addAndGet(500_000_000L);
        assertThat(p.evaluate(t)).isEqualTo(Decision.SAMPLED);
    }

    @Test
    void ottlConditionOnSpansAndEvents() throws Exception {
        PolicyEvaluator p = policy("""
                {name: o, type: ottl_condition, ottl_condition: {error_mode: ignore,
                  span: ['attributes["http.method"] == "POST"', 'resource.attributes["service.name"] == "nope"'],
                  spanevent: ['name == "exception"']}}
                """);
        assertThat(p.evaluate(trace(s -> s.attributes().putString("http.method", "POST")))).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(trace(s -> s.attributes().putString("http.method", "GET")))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(p.evaluate(trace(s -> {
            SpanEvent e = new SpanEvent();
            e.setName("exception");
            s.events().add(e);
        }))).isEqualTo(Decision.SAMPLED);
        PolicyEvaluator prefixed = policy("{name: o, type: ottl_condition, ottl_condition: {span: ['span.name == \"op\"']}}");
        assertThat(prefixed.evaluate(trace(s -> { }))).isEqualTo(Decision.SAMPLED);
    }

    @Test
    void andNotDrop() throws Exception {
        PolicyEvaluator and = policy("""
                {name: a, type: and, and: {and_sub_policy: [
                  {name: e, type: status_code, status_code: {status_codes: [ERROR]}},
                  {name: s, type: string_attribute, string_attribute: {key: service.name, values: [svc]}}]}}
                """);
        assertThat(and.evaluate(trace(TestTraces::error))).isEqualTo(Decision.SAMPLED);
        assertThat(and.evaluate(trace(s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator not = policy("{name: n, type: not, not: {not_sub_policy: {name: e, type: status_code, status_code: {status_codes: [ERROR]}}}}");
        assertThat(not.evaluate(trace(TestTraces::error))).isEqualTo(Decision.NOT_SAMPLED);
        assertThat(not.evaluate(trace(s -> { }))).isEqualTo(Decision.SAMPLED);
        PolicyEvaluator drop = policy("""
                {name: d, type: drop, drop: {drop_sub_policy: [
                  {name: h, type: string_attribute, string_attribute: {key: http.route, values: [/health]}}]}}
                """);
        assertThat(drop.evaluate(trace(s -> s.attributes().putString("http.route", "/health")))).isEqualTo(Decision.DROPPED);
        assertThat(drop.evaluate(trace(s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
    }

    @Test
    void compositeAllocatesSpansPerSecondInOrder() throws Exception {
        PolicyEvaluator p = policy("""
                {name: c, type: composite, composite: {max_total_spans_per_second: 10, policy_order: [errors, rest],
                  composite_sub_policy: [
                    {name: errors, type: status_code, status_code: {status_codes: [ERROR]}},
                    {name: rest, type: always_sample}],
                  rate_allocation: [{policy: errors, percent: 60}, {policy: rest, percent: 40}]}}
                """);
        TraceData err3 = trace(TestTraces::error, s -> { }, s -> { });
        TraceData ok2 = trace(s -> { }, s -> { });
        assertThat(p.evaluate(err3)).isEqualTo(Decision.SAMPLED); // errors: 3 of 6
        assertThat(err3.compositePolicy()).isEqualTo("errors");
        assertThat(p.evaluate(err3)).isEqualTo(Decision.SAMPLED); // 6 of 6
        assertThat(p.evaluate(err3)).as("errors' allocation is used up; rest does not get a say").isEqualTo(Decision.NOT_SAMPLED);
        assertThat(p.evaluate(ok2)).isEqualTo(Decision.SAMPLED); // rest: 2 of 4
        assertThat(p.evaluate(ok2)).isEqualTo(Decision.SAMPLED); // 4 of 4
        assertThat(p.evaluate(ok2)).isEqualTo(Decision.NOT_SAMPLED);
        now.addAndGet(1_000_000_000L); // a new second resets the counters
        assertThat(p.evaluate(err3)).isEqualTo(Decision.SAMPLED);
        assertThat(p.evaluate(ok2)).isEqualTo(Decision.SAMPLED);
    }

    @Test
    void compositeSubPolicyWithoutAllocationGetsNothing() throws Exception {
        PolicyEvaluator p = policy("""
                {name: c, type: composite, composite: {max_total_spans_per_second: 100,
                  composite_sub_policy: [{name: a, type: always_sample}], rate_allocation: []}}
                """);
        assertThat(p.evaluate(trace(s -> { }))).isEqualTo(Decision.NOT_SAMPLED);
        PolicyEvaluator even = policy("""
                {name: c, type: composite, composite: {max_total_spans_per_second: 100,
                  composite_sub_policy: [{name: a, type: always_sample}, {name: b, type: always_sample}],
                  rate_allocation: [{policy: a, percent: 0}]}}
                """);
        TraceData t50 = TraceData.of(batch(id(1), java.util.stream.IntStream.range(0, 50).<Consumer<Span>>mapToObj(i -> s -> { }).toArray(Consumer[]::new)));
        assertThat(even.evaluate(t50)).as("percent 0: an even share, 100 / 2").isEqualTo(Decision.SAMPLED);
        assertThat(even.evaluate(t50)).isEqualTo(Decision.NOT_SAMPLED);
    }
}
