package io.ottl4j.benchmarks;

import io.ottl4j.pdata.AttributeMap;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.Span;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.Random;

/**
 * Realistic spans of a Rails app (Mastodon): HTTP server spans, Sidekiq jobs and DB calls, with the
 * attribute counts seen in practice (10-20 per span); about 70% carry code.namespace/code.function.
 */
final class SpanFixtures {
    private SpanFixtures() {
    }

    static TelemetryBatch<Span> traces(int spans, long seed) {
        return traces(spans, seed, false);
    }

    /**
     * As {@link #traces(int, long)}, but with {@code unique} every string value and span name differs from every
     * other one (a suffix per span): the worst case for the codec's shared-value caches.
     */
    static TelemetryBatch<Span> traces(int spans, long seed, boolean unique) {
        Random rnd = new Random(seed);
        TelemetryBatch<Span> batch = TelemetryBatch.traces();
        ResourceGroup<Span> rg = new ResourceGroup<>();
        AttributeMap ra = rg.resource().attributes();
        ra.put("service.name", "mastodon-web");
        ra.put("k8s.node.name", "node-7");
        ra.put("k8s.namespace.name", "mastodon-social");
        ra.put("k8s.pod.name", "mastodon-web-5f7d9c6b8-x2x7q");
        ra.put("host.arch", "amd64");
        batch.resources().add(rg);
        ScopeGroup<Span> sg = new ScopeGroup<>();
        sg.scope().setName("OpenTelemetry::Instrumentation::Rack");
        sg.scope().setVersion("0.24.0");
        rg.scopes().add(sg);
        String[] namespaces = {"Api::V1::StatusesController", "Api::V1::TimelinesController", "ActivityPub::ProcessingWorker",
            "PushUpdateWorker", "Api::V1::AccountsController"};
        String[] functions = {"index", "show", "create", "perform", "update"};
        for (int i = 0; i < spans; i++) {
            Span s = new Span();
            byte[] t = new byte[16];
            byte[] sp = new byte[8];
            rnd.nextBytes(t);
            rnd.nextBytes(sp);
            s.setTraceId(TraceId.fromBytes(t));
            s.setSpanId(SpanId.fromBytes(sp));
            s.setName("GET /api/v1/timelines/home");
            s.setKind(2);
            s.setStartTimeUnixNano(1_700_000_000_000_000_000L + i * 1000L);
            s.setEndTimeUnixNano(1_700_000_000_000_000_000L + i * 1000L + 25_000_000L);
            AttributeMap a = s.attributes();
            if (unique) {
                String u = "-" + seed + "-" + i;
                s.setName(s.name() + u);
                a.put("http.request.method", "GET" + u);
                a.put("http.route", "/api/v1/timelines/home" + u);
                a.put("url.scheme", "https" + u);
                a.put("url.path", "/api/v1/timelines/home" + u);
                a.put("server.address", "mastodon.social" + u);
                a.put("http.response.status_code", 200L);
                a.put("user_agent.original", "Mastodon/4.3 (Android)" + u);
                a.put("network.protocol.version", "1.1" + u);
                a.put("client.address", "10.0.3.17" + u);
                a.put("thread.id", 4711L);
                a.put("code.namespace", namespaces[rnd.nextInt(namespaces.length)] + u);
                a.put("code.function", functions[rnd.nextInt(functions.length)] + u);
                a.put("db.system", "postgresql" + u);
                sg.items().add(s);
                continue;
            }
            a.put("http.request.method", "GET");
            a.put("http.route", "/api/v1/timelines/home");
            a.put("url.scheme", "https");
            a.put("url.path", "/api/v1/timelines/home");
            a.put("server.address", "mastodon.social");
            a.put("http.response.status_code", 200L);
            a.put("user_agent.original", "Mastodon/4.3 (Android)");
            a.put("network.protocol.version", "1.1");
            a.put("client.address", "10.0.3.17");
            a.put("thread.id", 4711L);
            if (rnd.nextInt(10) < 7) {
                a.put("code.namespace", namespaces[rnd.nextInt(namespaces.length)]);
                a.put("code.function", functions[rnd.nextInt(functions.length)]);
            }
            a.put("db.system", "postgresql");
            sg.items().add(s);
        }
        return batch;
    }
}
