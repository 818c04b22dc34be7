package io.ottl4j.collector.receiver.otlp.internal;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.ottl4j.collector.extension.auth.ServerAuth;
import io.ottl4j.collector.extension.auth.ServerAuthenticator;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.collector.receiver.otlp.OtlpReceiverFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.collector.internal.Faults;
import io.ottl4j.otlp.OtlpDecodeException;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC: the three {@code Export} methods with byte-array marshallers, so requests go straight from
 * the wire to the pdata codec (no intermediate protobuf objects kept).
 */
final class GrpcServer {
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                // an uncompressed message comes as a stream that knows its length: read it into an array of that
                // size, where readAllBytes gathers 8 KiB chunks and copies them again (twice the request's bytes
                // allocated, the largest allocation per span of a receiving collector)
                if (stream instanceof io.grpc.KnownLength) {
                    int n = stream.available();
                    byte[] bytes = new byte[n];
                    int read = stream.readNBytes(bytes, 0, n);
                    int next = read == n ? stream.read() : -1;
                    if (read == n && next < 0) {
                        return bytes;
                    }
                    // not what the stream announced: keep every byte anyway
                    byte[] rest = stream.readAllBytes();
                    int extra = next < 0 ? 0 : 1;
                    byte[] all = java.util.Arrays.copyOf(bytes, read + extra + rest.length);
                    if (extra == 1) {
                        all[read] = (byte) next;
                    }
                    System.arraycopy(rest, 0, all, read + extra, rest.length);
                    return all;
                }
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (io.grpc.StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                    // a message (e.g. a gzip bomb) that decompresses beyond max_recv_msg_size: grpc-java raises
                    // this while the request is parsed, where it would surface as UNKNOWN; the handler answers
                    // RESOURCE_EXHAUSTED as grpc-go does
                    return TOO_LARGE;
                }
                throw e;
            }
        }
    };

    /** Marker request (compared by identity) of a message larger than the limit after decompression. */
    static final byte[] TOO_LARGE = new byte[0];

    private final Server server;
    private final java.util.concurrent.ExecutorService executor;

    /** The caller's address and (with include_metadata) its metadata, captured by {@link #CLIENT_INTERCEPTOR}. */
    private static final Context.Key<ClientInfo> CLIENT = Context.key("ottl4j-client-info");

    /** The epoll loops of a Unix domain socket server (null on TCP), shut down with it. */
    private io.grpc.netty.shaded.io.netty.channel.EventLoopGroup[] udsGroups;

    GrpcServer(CreateSettings settings, OtlpReceiverFactory.Grpc config, Map<Signal, Consumer> next) throws IOException, GeneralSecurityException {
        this(settings, config, next, null);
    }

    GrpcServer(CreateSettings settings, OtlpReceiverFactory.Grpc config, Map<Signal, Consumer> next, ServerAuth auth)
            throws IOException, GeneralSecurityException {
        NettyServerBuilder b;
        if (config.endpoint().startsWith(Endpoints.UNIX)) {
            // Unix domain sockets: grpc-java serves them on its bundled epoll transport (Linux)
            if (!io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.isAvailable()) {
                throw new IOException("gRPC on a Unix domain socket needs Linux (epoll): "
                        + io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.unavailabilityCause());
            }
            udsGroups = new io.grpc.netty.shaded.io.netty.channel.EventLoopGroup[] {
                    new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup(1),
                    new io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup()};
            b = NettyServerBuilder.forAddress(new io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress(
                    config.endpoint().substring(Endpoints.UNIX.length())))
                    .channelType(io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel.class)
                    .bossEventLoopGroup(udsGroups[0]).workerEventLoopGroup(udsGroups[1]);
        } else {
            b = NettyServerBuilder.forAddress(Endpoints.bindable(config.endpoint()));
        }
        int maxRecvMib = config.maxRecvMsgSizeMib();
        b.maxInboundMessageSize(maxRecvMib > 0 ? maxRecvMib * 1024 * 1024 : 4 * 1024 * 1024);
        if (config.tls() != null) {
            b.sslContext(sslContext(config.tls()));
        }
        keepalive(b, config.keepalive());
        b.decompressorRegistry(io.ottl4j.collector.internal.GrpcCompression.decompressors());
        // calls run on threads with a stack sized for upstream's nesting limits (see WorkerThreads)
        executor = java.util.concurrent.Executors.newCachedThreadPool(io.ottl4j.collector.internal.WorkerThreads.factory("otlp-grpc-" + settings.id()));
        b.executor(executor);
        int maxBytes = maxRecvMib > 0 ? maxRecvMib * 1024 * 1024 : 4 * 1024 * 1024;
        ServerInterceptor clientInfo = clientInterceptor(config.includeMetadata());
        for (Map.Entry<Signal, Consumer> e : next.entrySet()) {
            ServerServiceDefinition svc = ServerInterceptors.intercept(service(settings, e.getKey(), e.getValue(), maxBytes), clientInfo);
            b.addService(auth == null ? svc : ServerInterceptors.intercept(svc, authInterceptor(auth)));
        }
        // signals without a pipeline still answer, as upstream: UNIMPLEMENTED from the missing service
        this.server = b.build();
    }

    private static SslContext sslContext(TlsConfig tls) throws IOException, GeneralSecurityException {
        SslContextBuilder b = (tls.clientCaFileReload() || tls.namedGroups() != null
                // BoringSSL takes the CA names it asks clients for once, when the context is built; JSSE asks the trust
                // manager at every handshake, so the reloaded CAs are also the ones requested; JSSE takes curve_preferences
                ? GrpcSslContexts.configure(SslContextBuilder.forServer(tls.keyManagers()), io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider.JDK)
                : GrpcSslContexts.configure(SslContextBuilder.forServer(tls.keyManagers()))).protocols(tls.protocols()).ciphers(tls.ciphers());
        TrustManagerFactory clientCas = tls.clientCaTrustManagers();
        if (clientCas != null) {
            b.trustManager(clientCas).clientAuth(ClientAuth.REQUIRE);
        }
        return io.ottl4j.collector.internal.tls.NettyNamedGroups.limit(b.build(), tls.namedGroups());
    }

    /** Rejects unauthenticated calls with UNAUTHENTICATED before they reach the service. */
    private static ServerInterceptor authInterceptor(ServerAuth auth) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                Map<String, List<String>> md = new LinkedHashMap<>();
                for (String key : headers.keys()) {
                    if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                        Iterable<String> values = headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
                        if (values != null) {
                            values.forEach(v -> md.computeIfAbsent(key.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(v));
                        }
                    }
                }
                try {
                    auth.check(md);
                } catch (ServerAuthenticator.AuthenticationException e) {
                    call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
                return next.startCall(call, headers);
            }
        };
    }

    /** Puts the peer address, and the request metadata when asked to, into the call's gRPC context. */
    private static ServerInterceptor clientInterceptor(boolean includeMetadata) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                String address = remote instanceof InetSocketAddress in ? in.getAddress().getHostAddress() : "";
                Map<String, List<String>> md = new LinkedHashMap<>();
                if (includeMetadata) {
                    for (String key : headers.keys()) {
                        if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                            continue;
                        }
                        Iterable<String> values = headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
                        if (values != null) {
                            values.forEach(v -> md.computeIfAbsent(key, k -> new ArrayList<>()).add(v));
                        }
                    }
                }
                Context ctx = Context.current().withValue(CLIENT, new ClientInfo(address, md));
                return Contexts.interceptCall(ctx, call, headers, next);
            }
        };
    }

    static String serviceName(Signal s) {
        return switch (s) {
            case TRACES -> "opentelemetry.proto.collector.trace.v1.TraceService";
            case METRICS -> "opentelemetry.proto.collector.metrics.v1.MetricsService";
            case LOGS -> "opentelemetry.proto.collector.logs.v1.LogsService";
            case PROFILES -> "opentelemetry.proto.collector.profiles.v1development.ProfilesService";
        };
    }

    static MethodDescriptor<byte[], byte[]> method(Signal s) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName(s), "Export"))
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    /** keepalive.server_parameters / enforcement_policy onto grpc-java's equivalents. */
    private static void keepalive(NettyServerBuilder b, OtlpReceiverFactory.Keepalive k) {
        if (k.maxConnectionIdle() != null && k.maxConnectionIdle().isPositive()) {
            b.maxConnectionIdle(k.maxConnectionIdle().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (k.maxConnectionAge() != null && k.maxConnectionAge().isPositive()) {
            b.maxConnectionAge(k.maxConnectionAge().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (k.maxConnectionAgeGrace() != null && k.maxConnectionAgeGrace().isPositive()) {
            b.maxConnectionAgeGrace(k.maxConnectionAgeGrace().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (k.time() != null && k.time().isPositive()) {
            b.keepAliveTime(k.time().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (k.timeout() != null && k.timeout().isPositive()) {
            b.keepAliveTimeout(k.timeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (k.minTime() != null && k.minTime().isPositive()) {
            b.permitKeepAliveTime(k.minTime().toNanos(), TimeUnit.NANOSECONDS);
        }
        b.permitKeepAliveWithoutCalls(k.permitWithoutStream());
    }

    private static ServerServiceDefinition service(CreateSettings settings, Signal signal, Consumer next, int maxBytes) {
        return ServerServiceDefinition.builder(serviceName(signal)).addMethod(method(signal), ServerCalls.asyncUnaryCall((req, obs) -> {
            if (req == TOO_LARGE) {
                obs.onError(Status.RESOURCE_EXHAUSTED.withDescription("grpc: received message after decompression larger than max ("
                        + maxBytes + " bytes)").asRuntimeException());
                return;
            }
            TelemetryBatch<?> batch;
            try {
                batch = OtlpProto.decode(signal, req);
            } catch (OtlpDecodeException e) {
                // grpc-go fails the unmarshalling of a request with INTERNAL before the receiver sees it
                obs.onError(Status.INTERNAL.withDescription("grpc: error unmarshalling request: " + e.getMessage()).asRuntimeException());
                return;
            } catch (Throwable t) {
                Faults.survive(settings, settings.logger(signal), "decoding a request", 0, t);
                obs.onError((Faults.fatal(t) ? Status.UNAVAILABLE : Status.INTERNAL).withDescription(Faults.describe(t)).asRuntimeException());
                return;
            }
            Ingest.Result r = Ingest.consume(settings, "grpc", signal, next, batch, CLIENT.get());
            if (r.code() == Ingest.OK) {
                obs.onNext(new byte[0]);
                obs.onCompleted();
            } else {
                obs.onError(Status.fromCodeValue(r.code()).withDescription(r.message()).asRuntimeException());
            }
        })).build();
    }

    void start() throws IOException {
        server.start();
    }

    /** The TCP port; -1 on a Unix domain socket. */
    int port() {
        return server.getListenSockets().stream().anyMatch(a -> a instanceof InetSocketAddress) ? server.getPort() : -1;
    }

    void stop() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
        executor.shutdown();
        if (udsGroups != null) {
            for (var g : udsGroups) {
                g.shutdownGracefully(0, 5, TimeUnit.SECONDS);
            }
        }
    }
}
