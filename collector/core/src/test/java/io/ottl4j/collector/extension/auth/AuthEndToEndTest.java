package io.ottl4j.collector.extension.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code auth:} on the OTLP receiver (basicauth, bearertokenauth as servers) and exporters (oauth2client against
 * a loopback token server, bearertokenauth over gRPC, headers_setter from the client's metadata).
 */
class AuthEndToEndTest {
    private HttpServer server;
    private final List<Map<String, String>> exports = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> tokenAuth = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/token", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                tokenRequests.incrementAndGet();
                tokenAuth.add(ex.getRequestHeaders().getFirst("Authorization") + " " + body);
                byte[] out = ("{\"access_token\":\"tok-" + tokenRequests.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            }
        });
        server.createContext("/v1/traces", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                Map<String, String> h = new java.util.HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                exports.add(h);
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static OtlpReceiver receiver(Harness h) {
        for (Pipelines.Node n : h.collector().pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r;
            }
        }
        throw new IllegalStateException("no otlp receiver");
    }

    private static int post(int port, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(OtlpProto.encode(Data.traces("s"))));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void receiverChecksBasicAuthWithHtpasswdHashes() throws Exception {
        try (Harness h = Harness.start("""
                extensions:
                  basicauth/server:
                    htpasswd:
                      inline: |
                        plain:secret
                        apr:$apr1$abcdefgh$h9FWgUz3n9YxylKLlR5SQ/
                        sha:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=
                receivers:
                  otlp:
                    protocols:
                      http: {endpoint: "127.0.0.1:0", auth: {authenticator: basicauth/server}}
                exporters: {testsink: {}}
                service:
                  extensions: [basicauth/server]
                  pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}
                """)) {
            int port = receiver(h).httpPort();
            assertThat(post(port, null)).isEqualTo(401);
            assertThat(post(port, basic("plain", "wrong"))).isEqualTo(401);
            assertThat(post(port, basic("plain", "secret"))).isEqualTo(200);
            assertThat(post(port, basic("apr", "secret"))).isEqualTo(200);
            assertThat(post(port, basic("sha", "password"))).isEqualTo(200);
            assertThat(h.batches("testsink")).hasSize(3);
        }
    }

    @Test
    void grpcExporterWithBearerTokenReachesAReceiverThatChecksIt() throws Exception {
        try (Harness downstream = Harness.start("""
                extensions:
                  bearertokenauth/server: {tokens: [t-old, t-new]}
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0", auth: {authenticator: bearertokenauth/server}}
                exporters: {testsink: {}}
                service:
                  extensions: [bearertokenauth/server]
                  pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}
                """)) {
            int port = receiver(downstream).grpcPort();
            String upstream = """
                    extensions:
                      bearertokenauth: {token: %s}
                    receivers: {testsource: {}}
                    exporters:
                      otlp_grpc:
                        endpoint: "127.0.0.1:%d"
                        tls: {insecure: true}
                        sending_queue: {enabled: false}
                        retry_on_failure: {enabled: false}
                        auth: {authenticator: bearertokenauth}
                    service:
                      extensions: [bearertokenauth]
                      pipelines: {traces: {receivers: [testsource], exporters: [otlp_grpc]}}
                    """;
            try (Harness good = Harness.start(upstream.formatted("t-new", port))) {
                good.send("testsource", Data.traces("ok"));
            }
            try (Harness bad = Harness.start(upstream.formatted("nope", port))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> bad.send("testsource", Data.traces("no")))
                        .hasMessageContaining("UNAUTHENTICATED");
            }
            assertThat(downstream.batches("testsink")).singleElement().satisfies(b -> assertThat(Data.spanNames(b)).containsExactly("ok"));
        }
    }

    @Test
    void oauth2ClientFetchesAndCachesATokenAndHeadersSetterCopiesClientMetadata() throws Exception {
        try (Harness h = Harness.start("""
                extensions:
                  oauth2client:
                    client_id: agent
                    client_secret: s3cret
                    token_url: %1$s/token
                    scopes: [api.write]
                    endpoint_params: {audience: otel}
                  headers_setter:
                    headers:
                      - {key: X-Tenant, from_context: tenant, default_value: none}
                      - {key: X-Static, value: v, action: insert}
                receivers: {testsource: {}, testsource/h: {}}
                exporters:
                  otlp_http/oauth:
                    traces_endpoint: %1$s/v1/traces
                    sending_queue: {enabled: false}
                    auth: {authenticator: oauth2client}
                  otlp_http/headers:
                    traces_endpoint: %1$s/v1/traces
                    sending_queue: {enabled: false}
                    auth: {authenticator: headers_setter}
                service:
                  extensions: [oauth2client, headers_setter]
                  pipelines:
                    traces/oauth: {receivers: [testsource], exporters: [otlp_http/oauth]}
                    traces/headers: {receivers: [testsource/h], exporters: [otlp_http/headers]}
                """.formatted(base()))) {
            h.send("testsource", Data.traces("a"));
            h.send("testsource", Data.traces("b"));
            assertThat(exports).hasSize(2).allSatisfy(e -> assertThat(e.get("authorization")).isEqualTo("Bearer tok-1"));
            assertThat(tokenRequests.get()).isEqualTo(1);
            assertThat(tokenAuth.get(0)).startsWith(basic("agent", "s3cret")).contains("grant_type=client_credentials")
                    .contains("scope=api.write").contains("audience=otel");

            exports.clear();
            h.send("testsource/h", Data.traces("c"), new ClientInfo("", Map.of("tenant", List.of("acme"))));
            h.send("testsource/h", Data.traces("d"));
            assertThat(exports).extracting(e -> e.get("x-tenant")).containsExactly("acme", "none");
            assertThat(exports).allSatisfy(e -> assertThat(e.get("x-static")).isEqualTo("v"));
        }
    }

    @Test
    void configProblemsAndAnUnknownAuthenticatorAtStart() throws Exception {
        assertThat(Harness.problems("""
                extensions:
                  bearertokenauth: {}
                  basicauth: {}
                  oauth2client: {client_id: x}
                  headers_setter: {headers: [{key: a}]}
                receivers: {testsource: {}}
                exporters: {testsink: {}}
                service:
                  extensions: [bearertokenauth, basicauth, oauth2client, headers_setter]
                  pipelines: {traces: {receivers: [testsource], exporters: [testsink]}}
                """)).contains("a bearer token is needed").contains("at least one of htpasswd")
                .contains("no ClientSecret provided").contains("no TokenURL provided").contains("missing header source");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Harness.start("""
                receivers: {testsource: {}}
                exporters:
                  otlp_http: {endpoint: "http://127.0.0.1:9", auth: {authenticator: oauth2client}}
                service:
                  pipelines: {traces: {receivers: [testsource], exporters: [otlp_http]}}
                """).close()).hasStackTraceContaining("failed to resolve authenticator \"oauth2client\": authenticator not found");
        assertThat(Duration.ZERO).isZero();
    }
}
