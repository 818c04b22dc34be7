package io.ottl4j.collector.extension.healthcheck;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The {@code health_check} extension (collector-spec §5.3): {@code GET <path>} answers 200 once the pipelines
 * are ready and 503 before start and after shutdown begins, with the upstream JSON bodies. While any
 * component has reported a permanent or fatal error (upstream's component status, {@link
 * io.ottl4j.collector.component.StatusBoard}) it answers 503 naming the component, so a supervisor restarts
 * the process.
 */
public final class HealthCheckExtensionFactory implements ExtensionFactory<HealthCheckExtensionFactory.Config> {
    public record Config(String endpoint, String path, String healthyBody, String unhealthyBody, TlsConfig tls) {
    }

    @Override
    public String type() {
        return "health_check";
    }

    @Override
    public String description() {
        return "HTTP health endpoint for probes";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.ALPHA);
    }

    @Override
    public Config decode(Conf c) {
        String endpoint = Endpoints.serverEndpoint(c, "localhost:13133");
        String path = c.string("path", "/");
        Conf body = c.child("response_body");
        String healthy = body.string("healthy", null);
        String unhealthy = body.string("unhealthy", null);
        body.finish();
        c.has("check_collector_pipeline");
        TlsConfig tls = TlsConfig.decodeServer(c);
        return new Config(endpoint, path.startsWith("/") ? path : "/" + path, healthy, unhealthy, tls);
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new HealthCheck(config, settings.telemetry() == null ? new io.ottl4j.collector.component.StatusBoard() : settings.telemetry().status());
    }

    /** The running extension. */
    public static final class HealthCheck implements Component, PipelineWatcher {
        private final Config config;
        private final io.ottl4j.collector.component.StatusBoard status;
        private volatile boolean ready;
        private volatile OffsetDateTime upSince;
        private HttpServer server;

        HealthCheck(Config config, io.ottl4j.collector.component.StatusBoard status) {
            this.config = config;
            this.status = status;
        }

        @Override
        public void start(Host host) throws IOException {
            server = Endpoints.httpServer(config.endpoint(), 16, config.tls());
            server.createContext(config.path(), ex -> {
                var failed = status.unhealthy();
                boolean ok = ready && failed.isEmpty();
                String body;
                if (ready && !failed.isEmpty()) {
                    // a component reported a permanent or fatal error: 503 so that a supervisor restarts us
                    var first = failed.entrySet().iterator().next();
                    body = config.unhealthyBody() != null ? config.unhealthyBody()
                            : "{\"status\":\"Server not available\",\"upSince\":\"" + upSince + "\",\"uptime\":\"\",\"component\":\""
                                    + json(first.getKey()) + "\",\"componentStatus\":\"" + first.getValue().status()
                                    + "\",\"error\":\"" + json(String.valueOf(first.getValue().error())) + "\"}";
                } else if (ok) {
                    body = config.healthyBody() != null ? config.healthyBody()
                            : "{\"status\":\"Server available\",\"upSince\":\"" + upSince + "\",\"uptime\":\""
                                    + goDuration(Duration.between(upSince, OffsetDateTime.now())) + "\"}";
                } else {
                    body = config.unhealthyBody() != null ? config.unhealthyBody()
                            : "{\"status\":\"Server not available\",\"upSince\":\"0001-01-01T00:00:00Z\",\"uptime\":\"\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(ok ? 200 : 503, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        public int port() {
            return server.getAddress().getPort();
        }

        private static String json(String s) {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private static String goDuration(Duration d) {
            return String.format(java.util.Locale.ROOT, "%.9fs", d.toNanos() / 1e9);
        }

        @Override
        public void ready() {
            upSince = OffsetDateTime.now();
            ready = true;
        }

        @Override
        public void notReady() {
            ready = false;
        }

        @Override
        public void shutdown() {
            ready = false;
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
