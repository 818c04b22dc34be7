package io.ottl4j.collector.extension.zpages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExtensionFactory;
import io.ottl4j.collector.component.Host;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.collector.service.Collector;
import io.ottl4j.collector.service.Pipelines;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code zpages} extension: plain HTML debug pages on {@code endpoint} (default {@code localhost:55679},
 * loopback as upstream): {@code /debug/servicez} (build and start), {@code /debug/pipelinez} (built components),
 * {@code /debug/extensionz}, {@code /debug/featurez} (enabled feature gates), {@code /debug/tracez} (the
 * collector records no traces of its own: the page says so), and {@code /debug/expvarz} (JVM runtime figures
 * as JSON) when {@code expvar.enabled}.
 */
public final class ZPagesExtensionFactory implements ExtensionFactory<ZPagesExtensionFactory.Config> {
    public record Config(String endpoint, boolean expvar, TlsConfig tls) {
    }

    @Override
    public String type() {
        return "zpages";
    }

    @Override
    public String description() {
        return "HTML debug pages: service, pipelines, extensions, feature gates";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.BETA);
    }

    @Override
    public Config decode(Conf c) {
        String endpoint = Endpoints.serverEndpoint(c, "localhost:55679");
        Conf ev = c.child("expvar");
        boolean expvar = ev.bool("enabled", false);
        ev.finish();
        TlsConfig tls = TlsConfig.decodeServer(c);
        for (String k : List.of("cors", "auth", "max_request_body_size", "include_metadata", "response_headers",
                "compression_algorithms", "read_timeout", "read_header_timeout", "write_timeout", "idle_timeout", "keep_alives_enabled")) {
            c.has(k); // server settings of upstream's confighttp that these read-only pages do not need
        }
        return new Config(endpoint, expvar, tls);
    }

    @Override
    public Component create(CreateSettings settings, Config config) {
        return new Pages(settings, config);
    }

    /** The running extension. */
    public static final class Pages implements Component {
        private final CreateSettings settings;
        private final Config config;
        private final Instant started = Instant.now();
        private HttpServer server;
        private Host host;

        Pages(CreateSettings settings, Config config) {
            this.settings = settings;
            this.config = config;
        }

        @Override
        public void start(Host host) throws IOException {
            this.host = host;
            server = Endpoints.httpServer(config.endpoint(), 8, config.tls());
            server.createContext("/debug/servicez", ex -> html(ex, "Service", "<table><tr><td>Build version</td><td>"
                    + esc(settings.buildVersion()) + "</td></tr><tr><td>Start time</td><td>" + started + "</td></tr><tr><td>Java</td><td>"
                    + esc(Runtime.version().toString()) + "</td></tr></table>"));
            server.createContext("/debug/pipelinez", ex -> html(ex, "Pipelines", pipelines()));
            server.createContext("/debug/extensionz", ex -> {
                StringBuilder sb = new StringBuilder("<ul>");
                for (ComponentId id : host.extensions().keySet()) {
                    sb.append("<li>").append(esc(id.toString())).append("</li>");
                }
                html(ex, "Extensions", sb.append("</ul>").toString());
            });
            server.createContext("/debug/featurez", ex -> {
                StringBuilder sb = new StringBuilder("<ul>");
                settings.featureGates().stream().sorted().forEach(g -> sb.append("<li>").append(esc(g)).append(" (enabled)</li>"));
                html(ex, "Feature gates", sb.append("</ul>").toString());
            });
            server.createContext("/debug/tracez", ex -> html(ex, "Traces",
                    "<p>This collector does not trace itself: no spans to show.</p>"));
            if (config.expvar()) {
                server.createContext("/debug/expvarz", this::expvar);
            }
            server.start();
        }

        private String pipelines() {
            Pipelines p = host instanceof Collector c ? c.pipelines() : null;
            if (p == null) {
                return "<p>No pipelines are running.</p>";
            }
            StringBuilder sb = new StringBuilder("<table><tr><th>Component</th><th>Kind</th></tr>");
            for (Pipelines.Node n : p.nodes()) {
                sb.append("<tr><td>").append(esc(n.label())).append("</td><td>").append(n.kind().singular()).append("</td></tr>");
            }
            return sb.append("</table>").toString();
        }

        private void expvar(HttpExchange ex) throws IOException {
            Runtime rt = Runtime.getRuntime();
            String json = "{\"memstats\":{\"HeapAlloc\":" + (rt.totalMemory() - rt.freeMemory()) + ",\"HeapSys\":" + rt.totalMemory()
                    + ",\"HeapMax\":" + rt.maxMemory() + "},\"threads\":" + ManagementFactory.getThreadMXBean().getThreadCount()
                    + ",\"uptime_ms\":" + ManagementFactory.getRuntimeMXBean().getUptime() + "}";
            send(ex, "application/json", json);
        }

        private static void html(HttpExchange ex, String title, String body) throws IOException {
            send(ex, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title
                    + "</h1>" + body + "</body></html>");
        }

        private static void send(HttpExchange ex, String type, String body) throws IOException {
            try (ex) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", type);
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void shutdown() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
