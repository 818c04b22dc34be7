package io.ottl4j.collector.processor.filter;

import static io.ottl4j.collector.testing.Data.spanNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.component.ProcessorFactory;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.LogRecord;
import io.ottl4j.pdata.Metric;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter processor's legacy include/exclude configuration, with upstream's semantics (internal/filter). */
class FilterLegacyMatchTest {
    private final FilterProcessorFactory factory = new FilterProcessorFactory();
    private final Sink next = new Sink();

    private ProcessorFactory.Processor filter(Signal signal, String yaml) throws Exception {
        return factory.create(TestComponents.settings(Kind.PROCESSOR, "filter"), TestComponents.decode(factory, yaml), signal, next);
    }

    @Test
    void spansIncludeRegexpKeepsOnlyMatchingServicesAndExcludeStrictDropsNames() throws Exception {
        var p = filter(Signal.TRACES, """
                spans:
                  include:
                    match_type: regexp
                    services: ["^web-"]
                  exclude:
                    match_type: strict
                    span_names: ["GET /health"]
                """);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        Data.spans(b, "web-frontend", "s", "GET /", "GET /health");
        Data.spans(b, "db", "s", "query");
        p.consume(b);
        assertThat(spanNames(next.only())).containsExactly("GET /");
    }

    @Test
    void spanAttributesMustAllMatchAndRegexpMatchesTheStringFormOfNumbers() throws Exception {
        var p = filter(Signal.TRACES, """
                spans:
                  exclude:
                    match_type: regexp
                    attributes:
                      - {key: http.status_code, value: "^2"}
                      - {key: http.route}
                """);
        TelemetryBatch<Span> b = Data.traces("ok", "ok-no-route", "error");
        List<Span> spans = b.resources().get(0).scopes().get(0).items();
        spans.get(0).attributes().put("http.status_code", 200L);
        spans.get(0).attributes().put("http.route", "/");
        spans.get(1).attributes().put("http.status_code", 204L);
        spans.get(2).attributes().put("http.status_code", 500L);
        spans.get(2).attributes().put("http.route", "/");
        p.consume(b);
        assertThat(spanNames(next.only())).containsExactly("ok-no-route", "error");
    }

    @Test
    void librariesAndSpanKinds() throws Exception {
        var p = filter(Signal.TRACES, """
                spans:
                  exclude:
                    match_type: strict
                    libraries: [{name: scope-a}]
                    span_kinds: [SPAN_KIND_SERVER]
                """);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        ResourceGroup<Span> rg = Data.spans(b, "svc", "scope-a", "server", "internal");
        Data.addScope(rg, "scope-b", "server-b");
        rg.scopes().get(0).items().get(0).setKind(2);
        rg.scopes().get(1).items().get(0).setKind(2);
        p.consume(b);
        assertThat(spanNames(next.only())).containsExactly("internal", "server-b");
    }

    @Test
    void logsIncludeByMinimumSeverityAndExcludeByBodyRegexp() throws Exception {
        var p = filter(Signal.LOGS, """
                logs:
                  include:
                    match_type: strict
                    severity_number: {min: WARN, match_undefined: true}
                  exclude:
                    match_type: regexp
                    bodies: ["connection reset"]
                """);
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        ScopeGroup<LogRecord> sg = b.addResource().addScope();
        Data.log(sg, "debug", 5);
        LogRecord warn = Data.log(sg, "warn", 13);
        LogRecord undefined = Data.log(sg, "no severity", 0);
        Data.log(sg, "error: connection reset by peer", 17);
        p.consume(b);
        assertThat(next.only().asLogs().resources().get(0).scopes().get(0).items()).containsExactly(warn, undefined);
    }

    @Test
    void logsRecordAndResourceAttributesAndSeverityTexts() throws Exception {
        var p = filter(Signal.LOGS, """
                logs:
                  exclude:
                    match_type: strict
                    resource_attributes: [{key: service.name, value: noisy}]
                    record_attributes: [{key: level, value: debug}]
                    severity_texts: [DEBUG]
                """);
        TelemetryBatch<LogRecord> b = TelemetryBatch.logs();
        ResourceGroup<LogRecord> noisy = b.addResource();
        noisy.resource().attributes().put("service.name", "noisy");
        ScopeGroup<LogRecord> sg = noisy.addScope();
        LogRecord drop = Data.log(sg, "a", 5);
        drop.attributes().put("level", "debug");
        drop.setSeverityText("DEBUG");
        LogRecord keep = Data.log(sg, "b", 5);
        keep.attributes().put("level", "debug");
        keep.setSeverityText("INFO");
        p.consume(b);
        assertThat(next.only().asLogs().resources().get(0).scopes().get(0).items()).containsExactly(keep);
    }

    @Test
    void metricsIncludeNamesRegexpAndExcludeResourceAttributes() throws Exception {
        var p = filter(Signal.METRICS, """
                metrics:
                  include:
                    match_type: regexp
                    metric_names: ["^http\\\\.", "^rpc\\\\."]
                  exclude:
                    match_type: strict
                    resource_attributes: [{key: env, value: test}]
                """);
        TelemetryBatch<Metric> b = TelemetryBatch.metrics();
        ScopeGroup<Metric> prod = b.addResource().addScope();
        Metric http = Data.gauge(prod, "http.server.duration", 1);
        Data.gauge(prod, "jvm.memory.used", 1);
        ResourceGroup<Metric> test = b.addResource();
        test.resource().attributes().put("env", "test");
        Data.gauge(test.addScope(), "http.client.duration", 1);
        p.consume(b);
        TelemetryBatch<?> out = next.only();
        assertThat(out.resources()).hasSize(1);
        assertThat(out.asMetrics().resources().get(0).scopes().get(0).items()).containsExactly(http);
    }

    @Test
    void theAttributesProcessorSharesTheMatcher() throws Exception {
        var attributes = new io.ottl4j.collector.processor.attributes.AttributesProcessorFactory();
        var cfg = TestComponents.decode(attributes, """
                include:
                  match_type: regexp
                  services: ["sidekiq"]
                actions: [{key: queue, value: background, action: insert}]
                """);
        var p = attributes.create(TestComponents.settings(Kind.PROCESSOR, "attributes"), cfg, Signal.TRACES, next);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        Data.spans(b, "mastodon-sidekiq", "s", "job");
        Data.spans(b, "mastodon-web", "s", "GET");
        p.consume(b);
        List<? extends ResourceGroup<?>> rs = next.only().resources();
        assertThat(((Span) rs.get(0).scopes().get(0).items().get(0)).attributes().get("queue")).isEqualTo("background");
        assertThat(((Span) rs.get(1).scopes().get(0).items().get(0)).attributes().get("queue")).isNull();
    }

    @Test
    void configErrorsFollowUpstream() {
        assertThat(TestComponents.problems(factory, """
                metrics:
                  include: {match_type: expr, expressions: ['MetricName == "x"']}
                """)).singleElement().asString().contains("match_type: expr").contains("OTTL");
        assertThat(TestComponents.problems(factory, """
                logs:
                  include: {match_type: strict, severity_number: {min: LOUD}}
                """)).singleElement().asString().contains("'LOUD' is not a valid severity");
        assertThat(TestComponents.problems(factory, """
                spans:
                  include: {match_type: strict, log_bodies: [x]}
                """)).singleElement().asString().contains("log_bodies should not be specified for trace spans");
        assertThat(TestComponents.problems(factory, """
                spans:
                  include: {match_type: regexp, span_names: ["("]}
                """)).singleElement().asString().contains("error parsing regexp");
        assertThat(TestComponents.problems(factory, """
                metrics:
                  include: {match_type: strict, metric_names: [a]}
                  metric: ['name == "b"']
                """)).singleElement().asString().contains("at the same time");
        assertThat(TestComponents.problems(factory, """
                spans:
                  include: {match_type: fuzzy, span_names: [a]}
                """)).singleElement().asString().contains("unrecognized match_type");
    }
}
