package io.ottl4j.collector.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.extension.httpforwarder.HttpForwarderExtensionFactory;
import io.ottl4j.collector.extension.pprof.PprofExtensionFactory;
import io.ottl4j.collector.extension.zpages.ZPagesExtensionFactory;
import io.ottl4j.collector.testing.Data;
import io.ottl4j.collector.testing.Harness;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zpages, pprof (JFR), http_forwarder and the nop receiver/exporter in a running collector on loopback. */
class SmallComponentsTest {
    @TempDir
    Path dir;

    private static HttpResponse<byte[]> get(int port, String path) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void extensionsServeTheirPagesAndNopComponentsRun() throws Exception {
        List<String> forwarded = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        backend.createContext("/", ex -> {
            try (ex) {
                forwarded.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + new String(ex.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8) + " x-added=" + ex.getRequestHeaders().getFirst("X-Added") + " via=" + ex.getRequestHeaders().getFirst("Via"));
                byte[] b = "from backend".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("X-Backend", "yes");
                ex.sendResponseHeaders(201, b.length);
                ex.getResponseBody().write(b);
            }
        });
        backend.start();
        Path jfr = dir.resolve("continuous.jfr");
        try (Harness h = Harness.start("""
                extensions:
                  zpages: {endpoint: "127.0.0.1:0", transport: tcp, expvar: {enabled: true}}
                  pprof: {endpoint: "127.0.0.1:0", block_profile_fraction: 1, save_to_file: "%s"}
                  http_forwarder:
                    ingress: {endpoint: "127.0.0.1:0", transport: tcp4}
                    egress: {endpoint: "http://127.0.0.1:%d/base", headers: {X-Added: "1"}}
                receivers: {nop: {}, testsource: {}}
                exporters: {nop: {}}
                service:
                  extensions: [zpages, pprof, http_forwarder]
                  pipelines: {traces: {receivers: [nop, testsource], exporters: [nop]}}
                """.formatted(jfr.toString().replace("\\", "/"), backend.getAddress().getPort()))) {
            h.send("testsource", Data.traces("dropped by nop"));
            var ext = h.collector().extensions();

            int z = ((ZPagesExtensionFactory.Pages) ext.get(ComponentId.parse("zpages"))).port();
            assertThat(text(get(z, "/debug/pipelinez"))).contains("nop").contains("exporter");
            assertThat(text(get(z, "/debug/extensionz"))).contains("pprof").contains("http_forwarder");
            assertThat(text(get(z, "/debug/servicez"))).contains("Build version");
            assertThat(text(get(z, "/debug/expvarz"))).contains("\"memstats\"");

            int p = ((PprofExtensionFactory.Pprof) ext.get(ComponentId.parse("pprof"))).port();
            assertThat(text(get(p, "/debug/pprof/goroutine?debug=2"))).contains("\tat ");
            HttpResponse<byte[]> profile = get(p, "/debug/pprof/profile?seconds=1");
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(new String(profile.body(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("FLR"); // the JFR file magic
            assertThat(get(p, "/debug/pprof/nonsense").statusCode()).isEqualTo(404);

            int f = ((HttpForwarderExtensionFactory.Forwarder) ext.get(ComponentId.parse("http_forwarder"))).port();
            try (HttpClient c = HttpClient.newHttpClient()) {
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f + "/path?q=1"))
                        .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(201);
                assertThat(r.body()).isEqualTo("from backend");
                assertThat(r.headers().firstValue("X-Backend")).contains("yes");
            }
            assertThat(forwarded).singleElement().asString().startsWith("POST /base/path?q=1 hello x-added=1 via=1.1 ");
        } finally {
            backend.stop(0);
        }
        assertThat(Files.size(jfr)).isPositive(); // save_to_file written at shutdown
    }

    @Test
    void serverTransportIsTheKeyOfEveryUpstreamServerConfig() throws Exception {
        // confignet's address config (endpoint, transport, dialer) is squashed into confighttp's and configgrpc's servers
        String problems = Harness.problems("""
                extensions:
                  health_check: {endpoint: "127.0.0.1:0", transport: tcp6, dialer: {timeout: 1s}}
                  zpages: {endpoint: /tmp/zpages.sock, transport: unix}
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: /tmp/otlp.sock, transport: unix}
                      http: {endpoint: "127.0.0.1:0", transport: udp}
                exporters: {nop: {}}
                service:
                  extensions: [health_check, zpages]
                  pipelines: {logs: {receivers: [otlp], exporters: [nop]}}
                """);
        assertThat(problems).contains("http::transport: [invalid] transport \"udp\" is not supported by ottl4j (use tcp, tcp4, tcp6 or unix)")
                .doesNotContain("health_check").doesNotContain("zpages").doesNotContain("grpc::");
    }

    @Test
    void configErrors() throws Exception {
        assertThat(Harness.problems("""
                extensions:
                  http_forwarder: {}
                  pprof: {endpoint: "nope", block_profile_fraction: -1}
                receivers: {nop: {}}
                exporters: {nop: {}}
                service:
                  extensions: [http_forwarder, pprof]
                  pipelines: {logs: {receivers: [nop], exporters: [nop]}}
                """)).contains("enter a valid URL for 'egress.endpoint'").contains("must be host:port")
                .contains("block_profile_fraction must be non-negative");
    }
}
