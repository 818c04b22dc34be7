package io.ottl4j.collector.processor.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.collector.component.Kind;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Sink;
import io.ottl4j.collector.testing.TestComponents;
import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every action of collector-spec §3.3 and include/exclude matching, strict and regexp. */
class AttributesProcessorTest {
    private final AttributesProcessorFactory factory = new AttributesProcessorFactory();

    /** Runs the processor on one span per attribute map and returns the maps. */
    private List<AttributeMap> run(String yaml, String service, AttributeMap... attrs) throws Exception {
        Sink next = new Sink();
        var p = factory.create(TestComponents.settings(Kind.PROCESSOR, "attributes"), TestComponents.decode(factory, yaml), Signal.TRACES, next);
        TelemetryBatch<Span> b = TelemetryBatch.traces();
        var sg = Data.spans(b, service, "lib").scopes().get(0);
        for (int i = 0; i < attrs.length; i++) {
            Span s = new Span();
            s.setName("span" + i);
            s.setKind(i % 2 == 0 ? Span.KIND_SERVER : Span.KIND_CLIENT);
            s.attributes().copyFrom(attrs[i]);
            sg.items().add(s);
        }
        p.consume(b);
        return next.only().asTraces().resources().get(0).scopes().get(0).items().stream().map(Span::attributes).toList();
    }

    @Test
    void insertUpdateUpsertFromValueAndFromAttribute() throws Exception {
        var out = run("""
                actions:
                  - {key: env, value: prod, action: insert}
                  - {key: present, value: 42, action: insert}
                  - {key: present, value: updated, action: update}
                  - {key: absent, value: x, action: update}
                  - {key: copied, from_attribute: source, action: upsert}
                  - {key: missing_src, from_attribute: nosuch, action: upsert}
                  - {key: fallback, from_attribute: nosuch, default_value: dflt, action: insert}
                """, "svc", AttributeMap.of("present", "old", "source", 7L, "env", "dev"));
        AttributeMap a = out.get(0);
        assertThat(a.get("env")).isEqualTo("dev");
        assertThat(a.get("present")).isEqualTo("updated");
        assertThat(a.containsKey("absent")).isFalse();
        assertThat(a.get("copied")).isEqualTo(7L);
        assertThat(a.containsKey("missing_src")).isFalse();
        assertThat(a.get("fallback")).isEqualTo("dflt");
    }

    @Test
    void fromContextReadsTheRequestsClientInfoAsUpstream() throws Exception {
        try (io.ottl4j.collector.testing.Harness h = io.ottl4j.collector.testing.Harness.start("""
                receivers: {testsource: {}}
                processors:
                  attributes:
                    actions:
                      - {key: tenant, from_context: metadata.x-tenant, action: insert}
                      - {key: old_style, from_context: x-tenant, action: insert}
                      - {key: peer, from_context: client.address, action: insert}
                      - {key: both, from_context: metadata.x-multi, action: upsert}
                      - {key: absent, from_context: metadata.absent, action: insert}
                      - {key: dflt, from_context: auth.subject, default_value: anonymous, action: insert}
                exporters: {testsink: {}}
                service:
                  pipelines: {traces: {receivers: [testsource], processors: [attributes], exporters: [testsink]}}
                """)) {
            // (a batch processor before it would drop the client info unless its metadata_keys keep it, as upstream's)
            TelemetryBatch<Span> b = Data.traces("s");
            h.send("testsource", b, new io.ottl4j.collector.client.ClientInfo("10.1.2.3",
                    java.util.Map.of("X-Tenant", List.of("acme"), "x-multi", List.of("a", "b"))));
            io.ottl4j.collector.testing.Harness.await(java.time.Duration.ofSeconds(30), () -> !h.batches("testsink").isEmpty());
            AttributeMap a = h.batches("testsink").get(0).asTraces().resources().get(0).scopes().get(0).items().get(0).attributes();
            assertThat(a.get("tenant")).isEqualTo("acme");
            assertThat(a.get("old_style")).isEqualTo("acme");
            assertThat(a.get("peer")).isEqualTo("10.1.2.3");
            assertThat(a.get("both")).isEqualTo("a;b");
            assertThat(a.containsKey("absent")).isFalse();
            assertThat(a.get("dflt")).isEqualTo("anonymous"); // no authenticator data is recorded in ottl4j
        }
    }

    @Test
    void deleteByKeyAndPattern() throws Exception {
        var out = run("""
                actions:
                  - {key: a, action: delete}
                  - {pattern: ^secret\\., action: delete}
                """, "svc", AttributeMap.of("a", 1L, "secret.x", "s", "secret.y", "t", "keep.secret.z", "k"));
        assertThat(out.get(0).keys()).containsExactly("keep.secret.z");
    }

    @Test
    void hashUsesSha256OverUpstreamsBytesPerType() throws Exception {
        var out = run("""
                actions:
                  - {key: email, action: hash}
                  - {pattern: ^n\\., action: hash}
                """, "svc", AttributeMap.of("email", "a@b.c", "n.int", 1L, "n.bool", true, "n.double", 1.5, "n.map", new AttributeMap()));
        AttributeMap a = out.get(0);
        // sha256("a@b.c"); int 1 = 01 00 00 00 00 00 00 00; true = 01; 1.5 = IEEE bits little-endian
        assertThat(a.get("email")).isEqualTo(sha("a@b.c".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(a.get("n.int")).isEqualTo(sha(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}));
        assertThat(a.get("n.bool")).isEqualTo(sha(new byte[] {1}));
        assertThat(a.get("n.double")).isEqualTo(sha(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F}));
        assertThat(a.get("n.map")).isEqualTo("");
        assertThat(a.get("n.int")).isEqualTo("7c9fa136d4413fa6173637e883b6998d32e1d675f88cddff9dcbcf331820f4b8");
    }

    private static String sha(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void extractPutsEveryNamedGroupAndEmptyForGroupsThatDidNotTakePart() throws Exception {
        var out = run("""
                actions:
                  - {key: http.url, pattern: '^/api/(?P<version>v\\d+)/(?P<resource>\\w+)(?:/(?P<id>\\d+))?', action: extract}
                """, "svc", AttributeMap.of("http.url", "/api/v1/statuses"), AttributeMap.of("http.url", 12L));
        assertThat(out.get(0).get("version")).isEqualTo("v1");
        assertThat(out.get(0).get("resource")).isEqualTo("statuses");
        assertThat(out.get(0).get("id")).isEqualTo("");
        assertThat(out.get(0).get("http.url")).isEqualTo("/api/v1/statuses");
        assertThat(out.get(1).containsKey("version")).isFalse(); // only strings are extracted from
    }

    @Test
    void extractNeedsEveryGroupNamed() {
        assertThat(TestComponents.problems(factory, "actions: [{key: k, pattern: '(a)(?P<b>b)', action: extract}]"))
                .singleElement().asString().contains("subexpression not named");
    }

    @Test
    void convertLikeGo() throws Exception {
        var out = run("""
                actions:
                  - {key: i1, converted_type: int, action: convert}
                  - {key: i2, converted_type: int, action: convert}
                  - {key: i3, converted_type: int, action: convert}
                  - {key: d1, converted_type: double, action: convert}
                  - {key: d2, converted_type: double, action: convert}
                  - {key: s1, converted_type: string, action: convert}
                """, "svc", AttributeMap.of("i1", "42", "i2", " 42", "i3", 3.9, "d1", "1e3", "d2", "1.5d", "s1", true));
        AttributeMap a = out.get(0);
        assertThat(a.get("i1")).isEqualTo(42L);
        assertThat(a.get("i2")).isEqualTo(" 42"); // Go's ParseInt rejects spaces: left as is
        assertThat(a.get("i3")).isEqualTo(3L);
        assertThat(a.get("d1")).isEqualTo(1000.0);
        assertThat(a.get("d2")).isEqualTo("1.5d");
        assertThat(a.get("s1")).isEqualTo("true");
    }

    @Test
    void includeStrictAndExcludeRegexp() throws Exception {
        String yaml = """
                include:
                  match_type: strict
                  services: [svc]
                  attributes: [{key: tenant}]
                exclude:
                  match_type: regexp
                  span_kinds: ['CLIENT$']
                actions:
                  - {key: touched, value: true, action: insert}
                """;
        var out = run(yaml, "svc", AttributeMap.of("tenant", "a"), AttributeMap.of("tenant", "b"), AttributeMap.of("other", 1L));
        assertThat(out.get(0).get("touched")).isEqualTo(true); // server span with tenant
        assertThat(out.get(1).containsKey("touched")).isFalse(); // client span: excluded
        assertThat(out.get(2).containsKey("touched")).isFalse(); // no tenant: not included
        var other = run(yaml, "other-svc", AttributeMap.of("tenant", "a"));
        assertThat(other.get(0).containsKey("touched")).isFalse();
    }

    @Test
    void includeRegexpOnAttributeValuesAndServices() throws Exception {
        var out = run("""
                include:
                  match_type: regexp
                  services: ['^mast']
                  attributes: [{key: http.route, value: '^/api/v\\d/'}]
                actions:
                  - {key: api, value: true, action: upsert}
                """, "mastodon-web", AttributeMap.of("http.route", "/api/v1/x"), AttributeMap.of("http.route", "/health"));
        assertThat(out.get(0).get("api")).isEqualTo(true);
        assertThat(out.get(1).containsKey("api")).isFalse();
    }

    @Test
    void invalidConfigs() {
        assertThat(TestComponents.problems(factory, "actions: [{key: k, action: frobnicate}]")).singleElement().asString().contains("unsupported action");
        assertThat(TestComponents.problems(factory, "actions: [{key: k, action: insert}]")).singleElement().asString().contains("missing value source");
        assertThat(TestComponents.problems(factory, "actions: [{key: k, converted_type: float, action: convert}]")).singleElement().asString()
                .contains("converted_type");
        assertThat(TestComponents.problems(factory, "{}")).singleElement().asString().contains("actions");
    }
}
