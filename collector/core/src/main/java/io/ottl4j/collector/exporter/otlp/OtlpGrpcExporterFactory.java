package io.ottl4j.collector.exporter.otlp;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.internal.tls.TlsConfig;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.component.ComponentId;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.extension.auth.AuthSettings;
import io.ottl4j.collector.extension.auth.ClientAuth;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code otlp_grpc} exporter (alias {@code otlp}): OTLP over gRPC with grpc-java, collector-spec §5.5. */
public final class OtlpGrpcExporterFactory implements ExporterFactory<OtlpGrpcExporterFactory.Config> {
    public record Config(String endpoint, boolean insecure, String compression, Map<String, String> headers, ExporterHelper.Settings helper,
            TlsConfig tls, ComponentId auth, String userAgent) {
        public Config(String endpoint, boolean insecure, String compression, Map<String, String> headers, ExporterHelper.Settings helper,
                TlsConfig tls, ComponentId auth) {
            this(endpoint, insecure, compression, headers, helper, tls, auth, "");
        }

        public Config(String endpoint, boolean insecure, String compression, Map<String, String> headers, ExporterHelper.Settings helper) {
            this(endpoint, insecure, compression, headers, helper, null, null);
        }

        public Config(String endpoint, boolean insecure, String compression, Map<String, String> headers, ExporterHelper.Settings helper,
                TlsConfig tls) {
            this(endpoint, insecure, compression, headers, helper, tls, null);
        }
    }

    /** Requests and responses as bytes (the pdata codec does the protobuf); package-visible for the exporter's tests. */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** The client TLS context: the configured CA (or the JDK's), an optional client certificate for mTLS, skip-verify. */
    private static SslContext sslContext(TlsConfig tls) throws IOException, GeneralSecurityException {
        SslContextBuilder b = (tls.namedGroups() == null ? GrpcSslContexts.forClient()
                // curve_preferences go through JSSE's named groups (see NettyNamedGroups)
                : GrpcSslContexts.configure(SslContextBuilder.forClient(), io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider.JDK))
                .protocols(tls.protocols()).ciphers(tls.ciphers());
        if (tls.insecureSkipVerify()) {
            b.trustManager(TlsConfig.TRUST_ALL);
        } else {
            TrustManagerFactory tmf = tls.clientTrustManagers();
            if (tmf != null) {
                b.trustManager(tmf);
            }
        }
        KeyManagerFactory kmf = tls.keyManagers();
        if (kmf != null) {
            b.keyManager(kmf);
        }
        return io.ottl4j.collector.internal.tls.NettyNamedGroups.limit(b.build(), tls.namedGroups());
    }

    @Override
    public String type() {
        return "otlp_grpc";
    }

    @Override
    public List<String> aliases() {
        return List.of("otlp");
    }

    @Override
    public String description() {
        return "sends OTLP over gRPC";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.STABLE, Signal.METRICS, Stability.STABLE, Signal.LOGS, Stability.STABLE,
                Signal.PROFILES, Stability.ALPHA);
    }

    @Override
    public Config decode(Conf c) {
        return decode(c, true);
    }

    /** Decodes the config; {@code requireEndpoint} false for templates whose endpoint is filled in later (load_balancing). */
    public Config decode(Conf c, boolean requireEndpoint) {
        String endpoint = c.string("endpoint", "");
        if (endpoint.isEmpty() && requireEndpoint) {
            c.error("endpoint", "requires a non-empty \"endpoint\"");
        }
        TlsConfig tls = TlsConfig.decodeClient(c);
        boolean insecure = tls.insecure();
        String compression = c.string("compression", "gzip");
        if (!io.ottl4j.collector.internal.GrpcCompression.CLIENT_TYPES.contains(compression)) {
            // upstream's configgrpc: gzip, snappy and zstd (its other confighttp types fail when the client is made)
            c.error("compression", "unsupported compression type \"" + compression + "\" (gRPC takes gzip, zstd, snappy or none)");
        }
        Map<String, String> headers = c.mapList("headers");
        String userAgent = c.string("user_agent", "");
        for (String k : List.of("balancer_name", "keepalive", "read_buffer_size", "write_buffer_size", "wait_for_ready", "authority")) {
            c.has(k);
        }
        ComponentId auth = AuthSettings.decode(c);
        ExporterHelper.Settings helper = ExporterHelper.decode(c, Duration.ofSeconds(5));
        if (endpoint.startsWith("https://")) {
            endpoint = endpoint.substring(8);
        } else if (endpoint.startsWith("http://")) {
            endpoint = endpoint.substring(7);
            insecure = true;
        }
        return new Config(endpoint, insecure, compression, headers, helper, tls, auth, userAgent);
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) throws IOException, GeneralSecurityException {
        Client client = new Client(config, signal);
        return ClientAuth.wrap(client.auth, ExporterHelper.exporter(settings, config.helper(), signal, client::send, client::close,
                client::connect));
    }

    /**
     * One gRPC channel to one endpoint and the {@code Export} call of one signal: what an exporter sends through,
     * without a queue (the load_balancing exporter holds one per backend behind its own queue).
     */
    /** The epoll loop of every unix:// client, made on first use; daemon threads, as grpc-java's own shared loops. */
    private static final class UdsLoop {
        static final io.grpc.netty.shaded.io.netty.channel.EventLoopGroup GROUP = new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup(
                1, r -> {
                    Thread t = new Thread(r, "otlp-grpc-uds");
                    t.setDaemon(true);
                    return t;
                });
    }

    public static final class Client {
        private final NettyChannelBuilder builder;
        private final MethodDescriptor<byte[], byte[]> method;
        private final Config config;
        /** The exporter's authenticator (null without auth): with it, every call carries its edit of the headers. */
        private final ClientAuth auth;
        private volatile ManagedChannel channel;

        public Client(Config config, Signal signal) throws IOException, GeneralSecurityException {
            this(config, signal, ClientAuth.of(config.auth()));
        }

        /** A client whose authenticator is resolved by its owner (the load_balancing exporter shares one by all backends). */
        public Client(Config config, Signal signal, ClientAuth auth) throws IOException, GeneralSecurityException {
            this.config = config;
            this.auth = auth;
            NettyChannelBuilder b = NettyChannelBuilder.forTarget(config.endpoint()).maxInboundMessageSize(64 * 1024 * 1024)
                    .compressorRegistry(io.ottl4j.collector.internal.GrpcCompression.compressors());
            if (config.endpoint().startsWith("unix:")) {
                // a unix:// endpoint (upstream's grpc-go dials these): grpc-java's unix resolver gives DomainSocketAddresses,
                // which its epoll transport (Linux) carries
                if (!io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.isAvailable()) {
                    throw new IOException("a unix:// endpoint needs Linux (epoll): " + io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.unavailabilityCause());
                }
                b.channelType(io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel.class,
                        io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress.class).eventLoopGroup(UdsLoop.GROUP);
            }
            if (!config.userAgent().isEmpty()) {
                b.userAgent(config.userAgent()); // grpc-java appends its own version, as grpc-go does
            }
            if (config.insecure()) {
                b.usePlaintext();
            } else if (config.tls() != null) {
                b.sslContext(sslContext(config.tls()));
                if (!config.tls().serverNameOverride().isEmpty()) {
                    b.overrideAuthority(config.tls().serverNameOverride());
                }
            } else {
                b.useTransportSecurity();
            }
            if (!config.headers().isEmpty() && auth == null) {
                Metadata md = new Metadata();
                config.headers().forEach((k, v) -> md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
                b.intercept(MetadataUtils.newAttachHeadersInterceptor(md));
            }
            this.builder = b;
            String service = switch (signal) {
                case TRACES -> "opentelemetry.proto.collector.trace.v1.TraceService";
                case METRICS -> "opentelemetry.proto.collector.metrics.v1.MetricsService";
                case LOGS -> "opentelemetry.proto.collector.logs.v1.LogsService";
                case PROFILES -> "opentelemetry.proto.collector.profiles.v1development.ProfilesService";
            };
            this.method = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(service, "Export")).setRequestMarshaller(BYTES)
                    .setResponseMarshaller(BYTES).build();
        }

        /** Opens the channel (lazily connecting, as grpc-java does). */
        public void connect() {
            channel = builder.build();
        }

        /** One attempt; gRPC codes classified as upstream's exporter does (retryable or permanent). */
        public void send(io.ottl4j.pdata.TelemetryBatch<?> batch, Duration timeout) throws ExporterHelper.SendException {
            CallOptions opts = CallOptions.DEFAULT;
            if (!timeout.isZero()) {
                opts = opts.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!config.compression().isEmpty() && !config.compression().equals("none")) {
                opts = opts.withCompression(config.compression());
            }
            io.grpc.Channel ch = channel;
            if (auth != null) {
                Metadata md = new Metadata();
                try {
                    ClientAuth.headers(auth, config.headers()).forEach((k, v) -> md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
                } catch (IOException e) {
                    throw new ExporterHelper.SendException("failed to authenticate the request: " + e.getMessage(), true, null, e);
                }
                ch = io.grpc.ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(md));
            }
            try {
                ClientCalls.blockingUnaryCall(ch, method, opts, OtlpProto.encode(batch));
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                boolean retryable = switch (code) {
                    case CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS -> true;
                    default -> false;
                };
                String desc = e.getStatus().getDescription();
                if (e.getStatus().getCause() != null) { // e.g. "io exception" alone does not say what failed
                    desc = (desc == null ? "" : desc + ": ") + io.ottl4j.collector.internal.Faults.describe(e.getStatus().getCause());
                }
                throw new ExporterHelper.SendException("rpc error: code = " + code + " desc = " + (desc == null ? "" : desc), retryable, null, e);
            }
        }

        public void close() throws InterruptedException {
            ManagedChannel c = channel;
            if (c != null) {
                c.shutdown().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
