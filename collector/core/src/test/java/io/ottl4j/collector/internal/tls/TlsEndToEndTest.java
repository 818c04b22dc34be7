package io.ottl4j.collector.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.collector.testing.Payloads;
import io.ottl4j.collector.testing.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on loopback with certificates made at test time: the OTLP receiver (gRPC and HTTP, server TLS and mTLS)
 * fed by the OpenTelemetry Java SDK and by our own OTLP exporters, and the client-side options
 * (ca_file, client certificates, insecure_skip_verify, min/max_version).
 */
class TlsEndToEndTest {
    @TempDir
    static Path dir;
    static TestCertificates ca;
    static TestCertificates otherCa;
    static TestCertificates.Identity server;
    static TestCertificates.Identity client;

    @BeforeAll
    static void certificates() throws Exception {
        ca = new TestCertificates(dir, "test");
        otherCa = new TestCertificates(dir, "other");
        server = ca.issue("server");
        client = ca.issue("client");
    }

    private static OtlpReceiver receiver(Harness h) {
        for (Pipelines.Node n : h.collector().pipelines().nodes()) {
            if (n.component() instanceof OtlpReceiver r) {
                return r;
            }
        }
        throw new IllegalStateException("no otlp receiver");
    }

    /** A collector with a TLS OTLP receiver (both protocols) feeding testsink; {@code extra} goes into each protocol's tls block. */
    private static Harness back(String extra) throws Exception {
        return backWithTls("{cert_file: %s, key_file: %s%s}".formatted(server.cert(), server.key(), extra));
    }

    /** As {@link #back}, with the whole {@code tls} block given. */
    private static Harness backWithTls(String tls) throws Exception {
        return Harness.start("""
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: "127.0.0.1:0", tls: %1$s}
                      http: {endpoint: "127.0.0.1:0", tls: %1$s}
                exporters: {testsink: {}}
                service: {pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}}
                """.formatted(tls));
    }

    /** Exports one span through {@code exporter} and returns whether the export succeeded. */
    static boolean export(SpanExporter exporter) {
        AtomicReference<CompletableResultCode> result = new AtomicReference<>();
        SpanExporter recording = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                CompletableResultCode r = exporter.export(spans);
                result.set(r);
                return r;
            }

            @Override
            public CompletableResultCode flush() {
                return exporter.flush();
            }

            @Override
            public CompletableResultCode shutdown() {
                return exporter.shutdown();
            }
        };
        try (SdkTracerProvider p = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(recording)).build()) {
            p.get("test").spanBuilder("hello").startSpan().end();
            p.forceFlush().join(10, TimeUnit.SECONDS);
        }
        return result.get() != null && result.get().join(10, TimeUnit.SECONDS).isSuccess();
    }

    @Test
    void sdkOverGrpcAndHttpsToATlsReceiver() throws Exception {
        try (Harness h = back("")) {
            OtlpReceiver r = receiver(h);
            assertThat(export(OtlpGrpcSpanExporter.builder().setEndpoint("https://127.0.0.1:" + r.grpcPort()).setTrustedCertificates(ca.caPem())
                    .setTimeout(Duration.ofSeconds(5)).build())).isTrue();
            assertThat(export(OtlpHttpSpanExporter.builder().setEndpoint("https://localhost:" + r.httpPort() + "/v1/traces")
                    .setTrustedCertificates(ca.caPem()).setTimeout(Duration.ofSeconds(5)).build())).isTrue();
            assertThat(Payloads.names(h.batches("testsink"))).containsExactly("hello", "hello");
            // a client that does not trust the CA, and a plain-text client, are turned away
            assertThat(export(OtlpHttpSpanExporter.builder().setEndpoint("https://127.0.0.1:" + r.httpPort() + "/v1/traces")
                    .setTrustedCertificates(otherCa.caPem()).setRetryPolicy(null).setTimeout(Duration.ofMillis(1500)).build())).isFalse();
            assertThat(export(OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + r.httpPort() + "/v1/traces")
                    .setRetryPolicy(null).setTimeout(Duration.ofMillis(1500)).build())).isFalse();
            assertThat(h.batches("testsink")).hasSize(2);
        }
    }

    @Test
    void cipherSuitesLimitTls12AndUnknownNamesAreRejected() throws Exception {
        try (Harness h = back(", max_version: \"1.2\", cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "
                + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305]")) {
            OtlpReceiver r = receiver(h);
            assertThat(export(OtlpHttpSpanExporter.builder().setEndpoint("https://localhost:" + r.httpPort() + "/v1/traces")
                    .setTrustedCertificates(ca.caPem()).setTimeout(Duration.ofSeconds(5)).build())).isTrue();
        }
        assertThat(Harness.problems("""
                receivers:
                  otlp: {protocols: {http: {endpoint: "127.0.0.1:0", tls: {cert_file: a, key_file: b, cipher_suites: [TLS_NOT_A_SUITE]}}}}
                exporters: {testsink: {}}
                service: {pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}}
                """)).contains("invalid TLS cipher suite: \"TLS_NOT_A_SUITE\"");
    }

    @Test
    void mutualTlsRequiresAClientCertificateFromTheClientCa() throws Exception {
        try (Harness h = back(", client_ca_file: " + ca.caFile())) {
            OtlpReceiver r = receiver(h);
            assertThat(export(OtlpGrpcSpanExporter.builder().setEndpoint("https://127.0.0.1:" + r.grpcPort()).setTrustedCertificates(ca.caPem())
                    .setClientTls(client.keyPem(), client.certPem()).setTimeout(Duration.ofSeconds(5)).build())).isTrue();
            assertThat(export(OtlpGrpcSpanExporter.builder().setEndpoint("https://127.0.0.1:" + r.grpcPort()).setTrustedCertificates(ca.caPem())
                    .setRetryPolicy(null).setTimeout(Duration.ofMillis(1500)).build())).isFalse();
            TestCertificates.Identity stranger = otherCa.issue("stranger");
            assertThat(export(OtlpHttpSpanExporter.builder().setEndpoint("https://127.0.0.1:" + r.httpPort() + "/v1/traces")
                    .setTrustedCertificates(ca.caPem()).setClientTls(stranger.keyPem(), stranger.certPem()).setRetryPolicy(null).setTimeout(Duration.ofMillis(1500)).build()))
                    .isFalse();
            assertThat(h.batches("testsink")).hasSize(1);
        }
    }

    /** A collector whose testsource feeds one exporter {@code type} with the given settings. */
    private static Harness front(String type, String settings) throws Exception {
        return Harness.start("""
                receivers: {testsource: {}}
                exporters:
                  %s:
                %s
                    sending_queue: {enabled: false}
                    retry_on_failure: {enabled: false}
                    timeout: 5s
                service: {pipelines: {traces: {receivers: [testsource], exporters: [%1$s]}}}
                """.formatted(type, settings.indent(4)));
    }

    @Test
    void ourExportersWithCaFileClientCertificateAndSkipVerify() throws Exception {
        try (Harness back = back(", client_ca_file: " + ca.caFile())) {
            OtlpReceiver r = receiver(back);
            String mtls = "cert_file: %s\n  key_file: %s".formatted(client.cert(), client.key());
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls:\n  ca_file: %s\n  %s".formatted(r.grpcPort(), ca.caFile(), mtls))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "grpc-mtls"));
            }
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls:\n  ca_file: %s\n  %s".formatted(r.httpPort(), ca.caFile(), mtls))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "http-mtls"));
            }
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls:\n  insecure_skip_verify: true\n  %s".formatted(r.grpcPort(), mtls))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "grpc-skip-verify"));
            }
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls:\n  insecure_skip_verify: true\n  %s".formatted(r.httpPort(), mtls))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "http-skip-verify"));
            }
            // without the CA (JDK trust store only) the server is not trusted
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls:\n  %s".formatted(r.httpPort(), mtls))) {
                assertThatThrownBy(() -> f.send("testsource", Payloads.traces("svc", List.of(), "untrusted"))).isNotNull();
            }
            // without a client certificate the server refuses
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls: {ca_file: %s}".formatted(r.grpcPort(), ca.caFile()))) {
                assertThatThrownBy(() -> f.send("testsource", Payloads.traces("svc", List.of(), "no-client-cert"))).isNotNull();
            }
            assertThat(Payloads.names(back.batches("testsink"))).containsExactly("grpc-mtls", "http-mtls", "grpc-skip-verify", "http-skip-verify");
        }
    }

    /** A PEM as a double-quoted YAML scalar (upstream's cert_pem / key_pem / ca_pem carry the text inline). */
    private static String inline(byte[] pem) {
        return "\"" + new String(pem, java.nio.charset.StandardCharsets.US_ASCII).replace("\n", "\\n") + "\"";
    }

    @Test
    void inlinePemWorksLikeTheFilesOnBothEnds() throws Exception {
        String serverTls = "{cert_pem: %s, key_pem: %s, client_ca_file: %s}".formatted(inline(server.certPem()), inline(server.keyPem()), ca.caFile());
        try (Harness back = backWithTls(serverTls)) {
            OtlpReceiver r = receiver(back);
            String clientTls = "tls:\n  ca_pem: %s\n  cert_pem: %s\n  key_pem: %s".formatted(inline(ca.caPem()), inline(client.certPem()),
                    inline(client.keyPem()));
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\n%s".formatted(r.grpcPort(), clientTls))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "grpc-pem"));
            }
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\n%s".formatted(r.httpPort(), clientTls))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "http-pem"));
            }
            assertThat(Payloads.names(back.batches("testsink"))).containsExactly("grpc-pem", "http-pem");
        }
        assertThat(Harness.problems("""
                receivers: {testsource: {}}
                exporters:
                  otlp: {endpoint: "h:4317", tls: {ca_file: a.pem, ca_pem: "-----BEGIN CERTIFICATE-----"}}
                service: {pipelines: {traces: {receivers: [testsource], exporters: [otlp]}}}
                """)).contains("provide either ca_file or ca_pem, not both");
    }

    /** The subject of the certificate the server at {@code port} presents now (a fresh handshake, nothing verified). */
    private static String servedSubject(int port) throws Exception {
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {TlsConfig.TRUST_ALL}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        }
    }

    @Test
    void reloadIntervalServesTheRotatedCertificate() throws Exception {
        TestCertificates.Identity rotating = ca.issue("before-rotation");
        TestCertificates.Identity next = ca.issue("after-rotation");
        try (Harness h = backWithTls("{cert_file: %s, key_file: %s, reload_interval: 50ms}".formatted(rotating.cert(), rotating.key()))) {
            OtlpReceiver r = receiver(h);
            assertThat(servedSubject(r.httpPort())).isEqualTo("CN=before-rotation");
            // cert-manager style rotation: the key first, then the certificate
            java.nio.file.Files.write(rotating.key(), next.keyPem());
            java.nio.file.Files.write(rotating.cert(), next.certPem());
            Harness.await(Duration.ofSeconds(30), () -> {
                try {
                    return servedSubject(r.httpPort()).equals("CN=after-rotation") && servedSubject(r.grpcPort()).equals("CN=after-rotation");
                } catch (Exception e) {
                    return false;
                }
            });
        }
        assertThat(Harness.problems("""
                receivers: {otlp: {protocols: {http: {endpoint: "127.0.0.1:0", tls: {cert_file: a, key_file: b, reload_interval: -1s}}}}}
                exporters: {testsink: {}}
                service: {pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}}
                """)).contains("reload_interval must be non-negative");
    }

    @Test
    void clientCaFileReloadTrustsTheRewrittenCas() throws Exception {
        java.nio.file.Path cas = dir.resolve("rotating-client-ca.pem");
        java.nio.file.Files.write(cas, otherCa.caPem()); // at first only the other CA: our client certificate is refused
        try (Harness back = back(", client_ca_file: %s, client_ca_file_reload: true".formatted(cas))) {
            OtlpReceiver r = receiver(back);
            String mtls = "endpoint: 127.0.0.1:%d\ntls:\n  ca_file: %s\n  cert_file: %s\n  key_file: %s".formatted(r.grpcPort(), ca.caFile(),
                    client.cert(), client.key());
            try (Harness f = front("otlp", mtls)) {
                assertThatThrownBy(() -> f.send("testsource", Payloads.traces("svc", List.of(), "refused"))).isNotNull();
            }
            java.nio.file.Files.write(cas, ca.caPem());
            // a fresh client per attempt (a refused gRPC channel backs off before it connects again)
            Harness.await(Duration.ofSeconds(30), () -> {
                try (Harness f = front("otlp", mtls)) {
                    f.send("testsource", Payloads.traces("svc", List.of(), "after-reload"));
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
            String httpMtls = "endpoint: https://127.0.0.1:%d\ntls:\n  ca_file: %s\n  cert_file: %s\n  key_file: %s".formatted(r.httpPort(),
                    ca.caFile(), client.cert(), client.key());
            try (Harness f = front("otlphttp", httpMtls)) {
                f.send("testsource", Payloads.traces("svc", List.of(), "http-after-reload"));
            }
            assertThat(Payloads.names(back.batches("testsink"))).containsExactly("after-reload", "http-after-reload");
        }
    }

    /** The CA subjects a client with this tls block trusts. */
    private static List<String> trusted(String tlsYaml) throws Exception {
        io.ottl4j.collector.config.Problems p = new io.ottl4j.collector.config.Problems();
        var c = new io.ottl4j.collector.config.Conf(io.ottl4j.collector.config.YamlReader.read("tls: " + tlsYaml, "t.yaml"), "exporters::x", p);
        TlsConfig t = TlsConfig.decodeClient(c);
        List<String> out = new java.util.ArrayList<>();
        for (var tm : t.clientTrustManagers().getTrustManagers()) {
            for (var cert : ((javax.net.ssl.X509TrustManager) tm).getAcceptedIssuers()) {
                out.add(cert.getSubjectX500Principal().getName());
            }
        }
        return out;
    }

    @Test
    void includeSystemCaCertsPoolAddsTheJdkTrustStoreToTheCaFile() throws Exception {
        List<String> own = trusted("{ca_file: %s}".formatted(ca.caFile()));
        assertThat(own).hasSize(1);
        List<String> both = trusted("{ca_file: %s, include_system_ca_certs_pool: true}".formatted(ca.caFile()));
        assertThat(both).contains(own.get(0)).hasSizeGreaterThan(1); // the JDK ships public CAs
    }

    @Test
    void versionsOutsideTheServersRangeFail() throws Exception {
        try (Harness back = back(", min_version: \"1.3\"")) {
            OtlpReceiver r = receiver(back);
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls: {ca_file: %s, max_version: \"1.2\"}".formatted(r.httpPort(), ca.caFile()))) {
                assertThatThrownBy(() -> f.send("testsource", Payloads.traces("svc", List.of(), "tls12"))).isNotNull();
            }
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls: {ca_file: %s, min_version: \"1.3\"}".formatted(r.grpcPort(), ca.caFile()))) {
                f.send("testsource", Payloads.traces("svc", List.of(), "tls13"));
            }
            assertThat(Payloads.names(back.batches("testsink"))).containsExactly("tls13");
        }
    }

    @Test
    void curvePreferencesMustShareACurveWithThePeerOnEveryTransport() throws Exception {
        try (Harness back = back(", curve_preferences: [P384]")) {
            OtlpReceiver r = receiver(back);
            // our gRPC (shaded Netty) and HTTP (JDK HttpClient) exporters against the receiver's gRPC and HTTP servers
            for (String curves : List.of("[X25519]", "[P521, P384]")) {
                try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls: {ca_file: %s, curve_preferences: %s}".formatted(r.grpcPort(), ca.caFile(), curves))) {
                    send(f, "grpc " + curves);
                }
                try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls: {ca_file: %s, curve_preferences: %s}".formatted(r.httpPort(), ca.caFile(),
                        curves))) {
                    send(f, "http " + curves);
                }
            }
            // a client with the JDK's defaults offers P-384 among others
            assertThat(export(OtlpGrpcSpanExporter.builder().setEndpoint("https://127.0.0.1:" + r.grpcPort()).setTrustedCertificates(ca.caPem())
                    .setTimeout(Duration.ofSeconds(5)).build())).isTrue();
            assertThat(Payloads.names(back.batches("testsink"))).containsExactly("grpc [P521, P384]", "http [P521, P384]", "hello");
        }
        // and the other way round: a client limited to one curve against servers limited to another
        try (Harness back = back(", curve_preferences: [X25519]")) {
            OtlpReceiver r = receiver(back);
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls: {ca_file: %s, curve_preferences: [P256]}".formatted(r.grpcPort(), ca.caFile()))) {
                send(f, "grpc mismatch");
            }
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls: {ca_file: %s, curve_preferences: [P256]}".formatted(r.httpPort(), ca.caFile()))) {
                send(f, "http mismatch");
            }
            try (Harness f = front("otlp", "endpoint: 127.0.0.1:%d\ntls: {ca_file: %s, curve_preferences: [X25519]}".formatted(r.grpcPort(), ca.caFile()))) {
                send(f, "grpc x25519");
            }
            try (Harness f = front("otlphttp", "endpoint: https://127.0.0.1:%d\ntls: {ca_file: %s, curve_preferences: [X25519]}".formatted(r.httpPort(), ca.caFile()))) {
                send(f, "http x25519");
            }
            assertThat(Payloads.names(back.batches("testsink"))).containsExactly("grpc x25519", "http x25519");
        }
    }

    /** Sends one batch named {@code name}; a failed handshake fails the send, which is what the callers check by what arrives. */
    private static void send(Harness f, String name) {
        try {
            f.send("testsource", Payloads.traces("svc", List.of(), name));
        } catch (Exception expected) {
            // the batches that arrived at the back are asserted
        }
    }

    @Test
    void curveNamesAreUpstreamsAndMapToJsseGroups() throws Exception {
        String recv = RECEIVER_TLS.formatted("{cert_file: a, key_file: b, curve_preferences: %s}");
        assertThat(Harness.problems(recv.formatted("[P256, P384, P521, X25519]"))).isEmpty();
        assertThat(Harness.problems(recv.formatted("[secp256r1]")))
                .contains("invalid curve type: secp256r1. Expected values are P256, P384, P521, X25519, X25519MLKEM768");
        boolean hybrid = List.of(javax.net.ssl.SSLContext.getDefault().getSupportedSSLParameters().getNamedGroups()).contains("X25519MLKEM768");
        if (!hybrid) {
            assertThat(Harness.problems(recv.formatted("[X25519MLKEM768]"))).contains("curve X25519MLKEM768 is accepted upstream but this JDK's TLS");
        }
        TlsConfig t = new TlsConfig("", "", "", "", "1.2", "", false, false, "", List.of(), Duration.ZERO, false, false, List.of("X25519", "P256"));
        assertThat(t.clientParameters().getNamedGroups()).containsExactly("x25519", "secp256r1");
        assertThat(new TlsConfig("", "", "", "", "1.2", "", false, false, "").clientParameters().getNamedGroups())
                .isEqualTo(new javax.net.ssl.SSLParameters().getNamedGroups());
    }

    /** Status code of a GET with a client built from a client {@code tls} block; -1 when the connection or handshake fails. */
    private static int httpsGet(String url, TlsConfig client) {
        try (java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder().sslContext(client.clientContext()).sslParameters(client.clientParameters()).build()) {
            return c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static TlsConfig clientTls(String yaml) throws Exception {
        io.ottl4j.collector.config.Problems problems = new io.ottl4j.collector.config.Problems();
        TlsConfig t = TlsConfig.decodeClient(new io.ottl4j.collector.config.Conf(io.ottl4j.collector.config.YamlReader.read("tls: " + yaml, "t.yaml"), "c",
                problems));
        assertThat(problems.list()).isEmpty();
        return t;
    }

    @Test
    void extensionServersServeHttpsWithTheirTlsBlockAndTheForwarderDialsHttps() throws Exception {
        try (Harness back = back("")) {
            int receiverPort = receiver(back).httpPort();
            try (Harness h = Harness.start("""
                    extensions:
                      health_check: {endpoint: "127.0.0.1:0", tls: {cert_file: %1$s, key_file: %2$s, curve_preferences: [P384]}}
                      zpages: {endpoint: "127.0.0.1:0", tls: {cert_file: %1$s, key_file: %2$s, client_ca_file: %3$s}}
                      http_forwarder:
                        ingress: {endpoint: "127.0.0.1:0", tls: {cert_file: %1$s, key_file: %2$s}}
                        egress: {endpoint: "https://localhost:%4$d", tls: {ca_file: %3$s}}
                    receivers: {nop: {}}
                    exporters: {nop: {}}
                    service:
                      extensions: [health_check, zpages, http_forwarder]
                      pipelines: {traces: {receivers: [nop], exporters: [nop]}}
                    """.formatted(server.cert(), server.key(), ca.caFile(), receiverPort))) {
                var ext = h.collector().extensions();
                int health = ((io.ottl4j.collector.extension.healthcheck.HealthCheckExtensionFactory.HealthCheck) ext.get(
                        io.ottl4j.collector.component.ComponentId.parse("health_check"))).port();
                int zpages = ((io.ottl4j.collector.extension.zpages.ZPagesExtensionFactory.Pages) ext.get(
                        io.ottl4j.collector.component.ComponentId.parse("zpages"))).port();
                int forwarder = ((io.ottl4j.collector.extension.httpforwarder.HttpForwarderExtensionFactory.Forwarder) ext.get(
                        io.ottl4j.collector.component.ComponentId.parse("http_forwarder"))).port();
                TlsConfig trusting = clientTls("{ca_file: %s}".formatted(ca.caFile()));
                Harness.await(Duration.ofSeconds(30), () -> httpsGet("https://localhost:" + health + "/", trusting) == 200);
                // curve_preferences on the JDK's HttpsServer too
                assertThat(httpsGet("https://localhost:" + health + "/", clientTls("{ca_file: %s, curve_preferences: [X25519]}".formatted(ca.caFile()))))
                        .isEqualTo(-1);
                assertThat(httpsGet("http://localhost:" + health + "/", trusting)).isEqualTo(-1);
                // zpages asks for a client certificate from client_ca_file
                assertThat(httpsGet("https://localhost:" + zpages + "/debug/servicez", trusting)).isEqualTo(-1);
                assertThat(httpsGet("https://localhost:" + zpages + "/debug/servicez",
                        clientTls("{ca_file: %s, cert_file: %s, key_file: %s}".formatted(ca.caFile(), client.cert(), client.key())))).isEqualTo(200);
                // https in, https out: the forwarder reaches the TLS receiver with its egress CA (405: GET on an OTLP path)
                assertThat(httpsGet("https://localhost:" + forwarder + "/v1/traces", trusting)).isEqualTo(405);
            }
        }
    }

    /** A collector whose OTLP gRPC receiver has the {@code tls} block {@code %s}, for config checks. */
    private static final String RECEIVER_TLS = """
            exporters: {testsink: {}}
            service: {pipelines: {traces: {receivers: [otlp], exporters: [testsink]}}}
            receivers:
              otlp:
                protocols:
                  grpc:
                    tls: %s
            """;

    @Test
    void configErrors() throws Exception {
        String recv = RECEIVER_TLS;
        assertThat(Harness.problems(recv.formatted("{cert_file: a.pem}"))).contains("provide both certificate and key");
        assertThat(Harness.problems(recv.formatted("{}"))).contains("needs both cert_file and key_file");
        assertThat(Harness.problems(recv.formatted("{cert_file: a, key_file: b, min_version: \"1.4\"}"))).contains("invalid TLS min_version");
        assertThat(Harness.problems(recv.formatted("{cert_file: a, key_file: b, min_version: \"1.3\", max_version: \"1.2\"}")))
                .contains("min_version cannot be greater than max_version");
        assertThat(Harness.problems(recv.formatted("{cert_file: a, key_file: b, insecure: true}"))).contains("insecure");
        assertThat(Harness.problems(recv.formatted("{cert_file: a, key_file: b, client_ca_file: c}"))).isEmpty();
    }
}
