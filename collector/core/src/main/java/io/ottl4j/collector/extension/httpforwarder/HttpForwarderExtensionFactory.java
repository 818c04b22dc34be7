package io.ottl4j.collector.extension.httpforwarder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code http_forwarder} extension: every request on {@code ingress.endpoint} (default {@code localhost:6060})
 * is forwarded to {@code egress.endpoint} with the same method, path, query, headers (plus {@code egress.headers}
 * and a {@code Via} header) and body, and the response is relayed back.
 */
public final class HttpForwarderExtensionFactory implements ExtensionFactory<HttpForwarderExtensionFactory.Config> {
    public record Config(String ingress, String egress, Map<String, String> headers, Duration timeout, TlsConfig ingressTls, TlsConfig egressTls) {
    }

    /** Hop-by-hop headers and those the JDK client sets itself. */
    private static final Set<String> SKIPPED = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
            "transfer-encoding", "upgrade", "host", "content-length", "expect");

    @Override
    public String type() {
        return "http_forwarder";
    }

    @Override
    public List<String> aliases() {
        return List.of("httpforwarder");
    }

    @Override
    public String description() {
        return "forwards HTTP requests to another endpoint";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        Conf in = c.child("ingress");
        String ingress = Endpoints.serverEndpoint(in, "localhost:6060");
        TlsConfig ingressTls = TlsConfig.decodeServer(in);
        for (String k : List.of("cors", "auth", "max_request_body_size", "include_metadata", "response_headers")) {
            in.has(k);
        }
        in.finish();
        Conf out = c.child("egress");
        String egress = out.string("endpoint", "");
        if (egress.isEmpty()) {
            out.error("endpoint", "enter a valid URL for 'egress.endpoint': empty endpoint");
        } else if (!egress.startsWith("http://") && !egress.startsWith("https://")) {
            out.error("endpoint", "enter a valid URL for 'egress.endpoint': \"" + egress + "\" is not an http:// or https:// URL");
        }
        Map<String, String> headers = out.mapList("headers");
        Duration timeout = out.duration("timeout", Duration.ZERO);
        TlsConfig egressTls = out.present("tls") ? TlsConfig.decodeClient(out) : null;
        for (String k : List.of("auth", "compression", "read_buffer_size", "write_buffer_size", "max_idle_conns", "idle_conn_timeout",
                "proxy_url")) {
            out.has(k);
        }
        out.finish();
        return new Config(ingress, egress, headers, timeout, ingressTls, egressTls);
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new Forwarder(config);
    }

    /** The running extension. */
    public static final class Forwarder implements Component {
        private final Config config;
        private HttpServer server;
        private HttpClient client;

        Forwarder(Config config) {
            this.config = config;
        }

        @Override
        public void start(Host host) throws IOException {
            HttpClient.Builder cb = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
            if (config.egressTls() != null) {
                // used for an https:// egress only; the JDK's trust store unless ca_file is set
                try {
                    cb.sslContext(config.egressTls().clientContext()).sslParameters(config.egressTls().clientParameters());
                } catch (java.security.GeneralSecurityException e) {
                    throw new IOException("egress TLS: " + e.getMessage(), e);
                }
            }
            client = cb.build();
            server = Endpoints.httpServer(config.ingress(), 16, config.ingressTls());
            server.createContext("/", this::forward);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        private void forward(HttpExchange ex) throws IOException {
            try (ex) {
                URI in = ex.getRequestURI();
                String base = config.egress().endsWith("/") ? config.egress().substring(0, config.egress().length() - 1) : config.egress();
                URI target = URI.create(base + in.getRawPath() + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery()));
                byte[] body = ex.getRequestBody().readAllBytes();
                HttpRequest.Builder rb = HttpRequest.newBuilder(target).method(ex.getRequestMethod(),
                        body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                ex.getRequestHeaders().forEach((k, vs) -> {
                    if (!SKIPPED.contains(k.toLowerCase(Locale.ROOT))) {
                        vs.forEach(v -> rb.header(k, v));
                    }
                });
                config.headers().forEach(rb::setHeader);
                rb.header("Via", ex.getProtocol().replace("HTTP/", "") + " " + ex.getLocalAddress().getHostString());
                if (!config.timeout().isZero()) {
                    rb.timeout(config.timeout());
                }
                HttpResponse<byte[]> resp;
                try {
                    resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    reply(ex, 502, e.getMessage() == null ? "bad gateway" : e.getMessage());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reply(ex, 502, "interrupted");
                    return;
                }
                resp.headers().map().forEach((k, vs) -> {
                    if (!SKIPPED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                        ex.getResponseHeaders().put(k, vs);
                    }
                });
                byte[] out = resp.body();
                ex.sendResponseHeaders(resp.statusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = ex.getResponseBody()) {
                        os.write(out);
                    }
                }
            }
        }

        private static void reply(HttpExchange ex, int status, String text) throws IOException {
            byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }

        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void shutdown() {
            if (server != null) {
                server.stop(0);
            }
            if (client != null) {
                client.close();
            }
        }
    }
}
