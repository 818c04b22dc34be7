package io.ottl4j.collector.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.testing.Harness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transport: unix} on the extensions' HTTP servers (health_check, zpages, http_forwarder's ingress): raw HTTP/1.1 on the sockets. */
class UnixSocketServersTest {
    @TempDir
    Path dir;

    private static String request(Path socket, String method, String path, String body) throws IOException {
        return io.ottl4j.collector.testing.UnixHttp.request(socket, method, path, "", body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean healthy(Path socket) {
        try {
            return request(socket, "GET", "/health", "").startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void healthCheckZpagesAndHttpForwarderServeOnTheirSocketPaths() throws Exception {
        List<String> forwarded = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        backend.createContext("/", ex -> {
            try (ex) {
                forwarded.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] b = "from backend".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(201, b.length);
                ex.getResponseBody().write(b);
            }
        });
        backend.start();
        Path health = dir.resolve("health.sock");
        Path zpages = dir.resolve("zpages.sock");
        Path forwarder = dir.resolve("forwarder.sock");
        try (Harness h = Harness.start("""
                extensions:
                  health_check: {transport: unix, endpoint: "%s", path: /health}
                  zpages: {transport: unix, endpoint: "%s"}
                  http_forwarder:
                    ingress: {transport: unix, endpoint: "%s"}
                    egress: {endpoint: "http://127.0.0.1:%d/base"}
                receivers: {nop: {}}
                exporters: {nop: {}}
                service:
                  extensions: [health_check, zpages, http_forwarder]
                  pipelines: {traces: {receivers: [nop], exporters: [nop]}}
                """.formatted(health, zpages, forwarder, backend.getAddress().getPort()))) {
            Harness.await(java.time.Duration.ofSeconds(30), () -> healthy(health));
            assertThat(request(zpages, "GET", "/debug/pipelinez", "")).startsWith("HTTP/1.1 200").contains("nop");
            assertThat(request(zpages, "GET", "/elsewhere", "")).startsWith("HTTP/1.1 404");
            String r = request(forwarder, "POST", "/path?q=1", "hello");
            assertThat(r).startsWith("HTTP/1.1 201").endsWith("from backend");
            assertThat(forwarded).containsExactly("POST /base/path?q=1 hello");
        } finally {
            backend.stop(0);
        }
        // as Go's listeners, closing removes the socket files
        assertThat(health).doesNotExist();
        assertThat(zpages).doesNotExist();
        assertThat(forwarder).doesNotExist();
    }

    /**
     * A loopback TCP port piping each connection to {@code socket}, so that the JDK HTTP client (TCP only) can speak TLS
     * to a server on a Unix domain socket. Closed with the returned server socket.
     */
    private static java.net.ServerSocket bridge(Path socket) throws IOException {
        java.net.ServerSocket tcp = new java.net.ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!tcp.isClosed()) {
                try {
                    java.net.Socket s = tcp.accept();
                    SocketChannel u = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    Thread.ofVirtual().start(() -> pipe(s::getInputStream, () -> java.nio.channels.Channels.newOutputStream(u), s, u));
                    Thread.ofVirtual().start(() -> pipe(() -> java.nio.channels.Channels.newInputStream(u), s::getOutputStream, s, u));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return tcp;
    }

    private interface Source {
        java.io.InputStream open() throws IOException;
    }

    private interface Sink {
        java.io.OutputStream open() throws IOException;
    }

    private static void pipe(Source in, Sink out, java.io.Closeable a, java.io.Closeable b) {
        try (a; b) {
            in.open().transferTo(out.open());
        } catch (IOException e) {
            // the other direction closed the pair
        }
    }

    @Test
    void tlsOnAUnixSocket() throws Exception {
        io.ottl4j.collector.internal.tls.TestCertificates ca = new io.ottl4j.collector.internal.tls.TestCertificates(dir, "unix");
        io.ottl4j.collector.internal.tls.TestCertificates.Identity server = ca.issue("server");
        Path health = dir.resolve("health-tls.sock");
        try (Harness h = Harness.start("""
                extensions:
                  health_check: {transport: unix, endpoint: "%s", tls: {cert_file: %s, key_file: %s}}
                receivers: {nop: {}}
                exporters: {nop: {}}
                service:
                  extensions: [health_check]
                  pipelines: {traces: {receivers: [nop], exporters: [nop]}}
                """.formatted(health, server.cert(), server.key()));
                java.net.ServerSocket tcp = bridge(health)) {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(java.nio.file.Files.newInputStream(ca.caFile())));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            try (java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder().sslContext(ssl).build()) {
                Harness.await(java.time.Duration.ofSeconds(30), () -> {
                    try {
                        return c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://localhost:" + tcp.getLocalPort() + "/"))
                                .timeout(java.time.Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException | InterruptedException e) {
                        return false;
                    }
                });
            }
            // plain text on the TLS socket gets no HTTP answer
            assertThat(request(health, "GET", "/", "")).doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void aUnixTransportNeedsThePath() throws Exception {
        assertThat(Harness.problems("""
                extensions:
                  zpages: {transport: unix}
                receivers: {nop: {}}
                exporters: {nop: {}}
                service:
                  extensions: [zpages]
                  pipelines: {traces: {receivers: [nop], exporters: [nop]}}
                """)).contains("a unix transport needs the socket's path as endpoint");
    }
}
