package io.ottl4j.collector.receiver.otlp;

import java.time.Duration;

import io.ottl4j.collector.component.Component;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ReceiverFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.extension.auth.AuthSettings;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.collector.receiver.otlp.internal.OtlpReceiver;
import io.ottl4j.pdata.Signal;
import java.util.List;
import java.util.Map;

/** The {@code otlp} receiver: OTLP over gRPC (grpc-java) and HTTP (Netty), collector-spec §2. */
public final class OtlpReceiverFactory implements ReceiverFactory<OtlpReceiverFactory.Config> {
    /** {@code tls} is null for plain text. */
    public record Grpc(String endpoint, int maxRecvMsgSizeMib, boolean includeMetadata, TlsConfig tls, Keepalive keepalive) {
        public Grpc(String endpoint, int maxRecvMsgSizeMib) {
            this(endpoint, maxRecvMsgSizeMib, false, null, Keepalive.NONE);
        }

        public Grpc(String endpoint, int maxRecvMsgSizeMib, boolean includeMetadata, TlsConfig tls) {
            this(endpoint, maxRecvMsgSizeMib, includeMetadata, tls, Keepalive.NONE);
        }
    }

    /**
     * {@code keepalive.server_parameters} and {@code enforcement_policy} (configgrpc); a null duration is unset
     * (grpc-go's infinity). {@code max_connection_idle} also closes connections that never send a request.
     */
    public record Keepalive(Duration maxConnectionIdle, Duration maxConnectionAge, Duration maxConnectionAgeGrace, Duration time,
            Duration timeout, Duration minTime, boolean permitWithoutStream) {
        public static final Keepalive NONE = new Keepalive(null, null, null, null, null, null, false);
    }

    /**
     * confighttp's server timeouts: {@code read_header_timeout} (default 1m) bounds the wait for a request's
     * headers, {@code read_timeout} (default none) for the whole request, {@code idle_timeout} (default 1m)
     * the wait for the next request on a kept-alive connection; zero means none.
     */
    public record Timeouts(Duration readTimeout, Duration readHeaderTimeout, Duration idleTimeout) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    public record Cors(List<String> allowedOrigins, List<String> allowedHeaders, List<String> exposedHeaders, int maxAge) {
    }

    public record Http(String endpoint, String tracesPath, String metricsPath, String logsPath, long maxRequestBodySize, Cors cors,
            List<String> compressionAlgorithms, Map<String, String> responseHeaders, boolean includeMetadata, TlsConfig tls, Timeouts timeouts) {
        public Http(String endpoint, String tracesPath, String metricsPath, String logsPath, long maxRequestBodySize, Cors cors,
                List<String> compressionAlgorithms, Map<String, String> responseHeaders) {
            this(endpoint, tracesPath, metricsPath, logsPath, maxRequestBodySize, cors, compressionAlgorithms, responseHeaders, false, null,
                    Timeouts.DEFAULT);
        }

        public Http(String endpoint, String tracesPath, String metricsPath, String logsPath, long maxRequestBodySize, Cors cors,
                List<String> compressionAlgorithms, Map<String, String> responseHeaders, boolean includeMetadata, TlsConfig tls) {
            this(endpoint, tracesPath, metricsPath, logsPath, maxRequestBodySize, cors, compressionAlgorithms, responseHeaders, includeMetadata,
                    tls, Timeouts.DEFAULT);
        }

        public String path(Signal s) {
            return switch (s) {
                case TRACES -> tracesPath;
                case METRICS -> metricsPath;
                case LOGS -> logsPath;
                case PROFILES -> "/v1development/profiles"; // fixed upstream (no *_url_path key)
            };
        }
    }

    /** Either protocol may be null (not enabled); the {@code *Auth} IDs name each protocol's authenticator (or are null). */
    public record Config(Grpc grpc, Http http, ComponentId grpcAuth, ComponentId httpAuth) {
        public Config(Grpc grpc, Http http) {
            this(grpc, http, null, null);
        }
    }

    @Override
    public String type() {
        return "otlp";
    }

    @Override
    public String description() {
        return "receives OTLP over gRPC and HTTP (protobuf and JSON)";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.STABLE, Signal.METRICS, Stability.STABLE, Signal.LOGS, Stability.STABLE,
                Signal.PROFILES, Stability.DEVELOPMENT);
    }

    @Override
    public Config decode(Conf c) {
        Conf protocols = c.child("protocols");
        Grpc grpc = null;
        Http http = null;
        ComponentId grpcAuth = null;
        ComponentId httpAuth = null;
        if (protocols.present("grpc")) {
            Conf g = protocols.child("grpc");
            String endpoint = Endpoints.serverEndpoint(g, "localhost:4317");
            int max = g.intValue("max_recv_msg_size_mib", 0);
            if (max < 0) {
                g.error("max_recv_msg_size_mib", "must be non-negative");
            }
            boolean includeMetadata = g.bool("include_metadata", false);
            TlsConfig tls = TlsConfig.decodeServer(g);
            grpcAuth = AuthSettings.decode(g);
            Keepalive keepalive = keepalive(g);
            ignore(g, "max_concurrent_streams", "read_buffer_size", "write_buffer_size", "middlewares");
            g.finish();
            grpc = new Grpc(endpoint, max, includeMetadata, tls, keepalive);
        }
        if (protocols.present("http")) {
            Conf h = protocols.child("http");
            String endpoint = Endpoints.serverEndpoint(h, "localhost:4318");
            String traces = urlPath(h.string("traces_url_path", "/v1/traces"));
            String metrics = urlPath(h.string("metrics_url_path", "/v1/metrics"));
            String logs = urlPath(h.string("logs_url_path", "/v1/logs"));
            long max = h.longValue("max_request_body_size", 20L * 1024 * 1024);
            Conf cc = h.child("cors");
            Cors cors = new Cors(cc.strings("allowed_origins", List.of()), cc.strings("allowed_headers", List.of()),
                    cc.strings("exposed_headers", List.of()), cc.intValue("max_age", 0));
            cc.finish();
            List<String> algos = h.strings("compression_algorithms", List.of("", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4", "x-snappy-framed"));
            Map<String, String> responseHeaders = h.mapList("response_headers");
            boolean includeMetadata = h.bool("include_metadata", false);
            TlsConfig tls = TlsConfig.decodeServer(h);
            httpAuth = AuthSettings.decode(h);
            Timeouts timeouts = new Timeouts(h.duration("read_timeout", Timeouts.DEFAULT.readTimeout()),
                    h.duration("read_header_timeout", Timeouts.DEFAULT.readHeaderTimeout()),
                    h.duration("idle_timeout", Timeouts.DEFAULT.idleTimeout()));
            ignore(h, "write_timeout", "keep_alives_enabled", "max_request_body_size_mib", "middlewares");
            h.finish();
            http = new Http(endpoint, traces, metrics, logs, max <= 0 ? 20L * 1024 * 1024 : max, cors, algos, responseHeaders,
                    includeMetadata, tls, timeouts);
        }
        protocols.finish();
        if (grpc == null && http == null) {
            c.error("protocols", "must specify at least one protocol when using the OTLP receiver");
        }
        return new Config(grpc, http, grpcAuth, httpAuth);
    }

    private static Keepalive keepalive(Conf g) {
        if (!g.present("keepalive")) {
            return Keepalive.NONE;
        }
        Conf k = g.child("keepalive");
        Conf sp = k.child("server_parameters");
        Keepalive out = new Keepalive(sp.duration("max_connection_idle", null), sp.duration("max_connection_age", null),
                sp.duration("max_connection_age_grace", null), sp.duration("time", null), sp.duration("timeout", null), null, false);
        sp.finish();
        Conf ep = k.child("enforcement_policy");
        out = new Keepalive(out.maxConnectionIdle(), out.maxConnectionAge(), out.maxConnectionAgeGrace(), out.time(), out.timeout(),
                ep.duration("min_time", null), ep.bool("permit_without_stream", false));
        ep.finish();
        k.finish();
        return out;
    }

    private static String urlPath(String p) {
        return p.startsWith("/") ? p : "/" + p;
    }

    private static void ignore(Conf c, String... keys) {
        for (String k : keys) {
            c.has(k);
        }
    }

    @Override
    public Component create(CreateSettings settings, Config config, Map<Signal, Consumer> next) throws Exception {
        return new OtlpReceiver(settings, config, next);
    }
}
