package io.ottl4j.collector.receiver.otlp.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.ottl4j.collector.client.ClientInfo;
import io.ottl4j.collector.component.Consumer;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.internal.Endpoints;
import io.ottl4j.collector.extension.auth.ServerAuth;
import io.ottl4j.collector.extension.auth.ServerAuthenticator;
import io.ottl4j.collector.internal.Faults;
import io.ottl4j.collector.receiver.otlp.OtlpReceiverFactory;
import io.ottl4j.otlp.OtlpDecodeException;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OTLP/HTTP on Netty: {@code POST} of protobuf or JSON to the per-signal paths, with status codes and
 * bodies per collector-spec §2.3, {@code Content-Encoding} checked against {@code compression_algorithms}
 * and undone by Netty's {@link HttpContentDecompressor}, the size limit applied after decompression, and
 * CORS (§2.5) by Netty's {@link CorsHandler}, configured per request for wildcard origins.
 */
final class HttpServer {
    private static final String JSON = "application/json";
    private static final String PROTO = "application/x-protobuf";
    /** Encodings this build can undo: Netty's decompressor for the zlib family, {@link BodyDecoders} for the rest. */
    private static final List<String> DECODABLE = List.of("", "identity", "gzip", "x-gzip", "deflate", "zlib", "zstd", "snappy",
            "x-snappy-framed", "lz4");
    /** Internal header carrying an encoding that {@link BodyDecoders} undoes after aggregation. */
    private static final String DEFERRED_ENCODING = "x-ottl4j-deferred-encoding";
    /** The request's Content-Encoding, remembered for error messages (the decompressor removes the header). */
    private static final io.netty.util.AttributeKey<String> ENCODING = io.netty.util.AttributeKey.valueOf("ottl4j.content-encoding");

    private final CreateSettings settings;
    private final OtlpReceiverFactory.Http config;
    private final Map<String, Signal> paths = new HashMap<>();
    private final Map<Signal, Consumer> next;
    private final List<Pattern> origins = new ArrayList<>();
    private final boolean anyOrigin;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private EventExecutorGroup handlers;
    private Channel channel;
    /** Accepted connections, closed on stop once in-flight requests are answered. */
    private final io.netty.channel.group.ChannelGroup connections =
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    /** Set on stop: requests still arriving on kept-alive connections get 503 instead of reaching a stopped executor. */
    private volatile boolean stopping;
    /** Requests handed to the handler executors and not yet answered; stop waits for none. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** How long stop waits for in-flight requests before closing their connections anyway. */
    private static final long DRAIN_MILLIS = 10_000;
    private final ServerAuth auth;

    HttpServer(CreateSettings settings, OtlpReceiverFactory.Http config, Map<Signal, Consumer> next) {
        this(settings, config, next, null);
    }

    HttpServer(CreateSettings settings, OtlpReceiverFactory.Http config, Map<Signal, Consumer> next, ServerAuth auth) {
        this.auth = auth;
        this.settings = settings;
        this.config = config;
        this.next = next;
        for (Signal s : Signal.values()) {
            paths.put(config.path(s), s);
        }
        boolean any = false;
        for (String o : config.cors().allowedOrigins()) {
            if (o.equals("*")) {
                any = true;
            }
            StringBuilder re = new StringBuilder();
            for (String part : o.split("\\*", -1)) {
                if (!re.isEmpty()) {
                    re.append(".*");
                }
                re.append(Pattern.quote(part.toLowerCase(Locale.ROOT)));
            }
            origins.add(Pattern.compile(re.toString()));
        }
        this.anyOrigin = any;
    }

    void start() throws InterruptedException, java.io.IOException, java.security.GeneralSecurityException {
        SslContext ssl = config.tls() == null ? null : sslContext(config.tls());
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        handlers = new DefaultEventExecutorGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                io.ottl4j.collector.internal.WorkerThreads.factory("otlp-http-" + settings.id()));
        boolean cors = !origins.isEmpty();
        boolean unix = config.endpoint().startsWith(Endpoints.UNIX);
        ServerBootstrap b = new ServerBootstrap().group(boss, workers)
                .channel(unix ? io.netty.channel.socket.nio.NioServerDomainSocketChannel.class : NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        var p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        ConnectionTimeouts timeouts = new ConnectionTimeouts(config.timeouts());
                        p.addLast("timeouts", timeouts);
                        p.addLast("codec", new HttpServerCodec());
                        p.addLast("timeoutMarks", timeouts.marks());
                        if (cors) {
                            p.addLast("corsSelect", new CorsSelector());
                            p.addLast("cors", new CorsHandler(CorsConfigBuilder.forOrigins().build()));
                        }
                        p.addLast("encoding", new EncodingCheck());
                        p.addLast("decompress", new HttpContentDecompressor(0));
                        p.addLast("aggregate", new Aggregator((int) Math.min(Integer.MAX_VALUE, config.maxRequestBodySize())));
                        p.addLast("stopGate", new StopGate());
                        p.addLast("otlp", new OtlpHandler());
                    }
                });
        java.net.SocketAddress addr = unix ? java.net.UnixDomainSocketAddress.of(config.endpoint().substring(Endpoints.UNIX.length()))
                : Endpoints.bindable(config.endpoint());
        channel = b.bind(addr).sync().channel();
    }

    private static SslContext sslContext(TlsConfig tls) throws java.io.IOException, java.security.GeneralSecurityException {
        SslContextBuilder b = SslContextBuilder.forServer(tls.keyManagers()).protocols(tls.protocols()).ciphers(tls.ciphers());
        if (tls.clientCaFileReload() || tls.namedGroups() != null) {
            // JSSE asks the (reloading) trust manager for the CA names at every handshake, and takes curve_preferences
            b.sslProvider(io.netty.handler.ssl.SslProvider.JDK);
        }
        javax.net.ssl.TrustManagerFactory clientCas = tls.clientCaTrustManagers();
        if (clientCas != null) {
            b.trustManager(clientCas).clientAuth(ClientAuth.REQUIRE);
        }
        return io.ottl4j.collector.internal.tls.NettyNamedGroups.limit(b.build(), tls.namedGroups());
    }

    /** The peer address, and the request headers when include_metadata is on. */
    private ClientInfo clientInfo(ChannelHandlerContext ctx, HttpRequest req) {
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress in ? in.getAddress().getHostAddress() : "";
        if (!config.includeMetadata()) {
            return new ClientInfo(address, Map.of());
        }
        Map<String, List<String>> md = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            md.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
        }
        return new ClientInfo(address, md);
    }

    /** The TCP port; -1 on a Unix domain socket. */
    int port() {
        return channel.localAddress() instanceof InetSocketAddress in ? in.getPort() : -1;
    }

    /**
     * Stops in the order that lets every request already taken be answered: no new connections, new requests on
     * open connections refused (503, connection closed), in-flight requests finished while the I/O loops that write
     * their responses run, then the connections, the handler executors (tasks left after the drain still write on
     * live loops) and the loops.
     */
    void stop() {
        stopping = true;
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        if (boss != null) {
            awaitInFlight();
            connections.close().awaitUninterruptibly();
            handlers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
            workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
            boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private void awaitInFlight() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        synchronized (inFlight) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(inFlight, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (inFlight) {
                inFlight.notifyAll();
            }
        }
    }

    /** On the I/O loop, in front of the handler executors: once stopping, answers 503 instead of handing the request on. */
    private final class StopGate extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (stopping && msg instanceof FullHttpRequest req) {
                req.release();
                respondFailure(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, 14, "the collector is shutting down");
                return;
            }
            if (msg instanceof FullHttpRequest) {
                inFlight.incrementAndGet();
            }
            ctx.fireChannelRead(msg);
        }
    }

    private boolean originAllowed(String origin) {
        if (anyOrigin) {
            return true;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        for (Pattern p : origins) {
            if (p.matcher(o).matches()) {
                return true;
            }
        }
        return false;
    }

    private CorsConfig corsConfig(String origin) {
        OtlpReceiverFactory.Cors c = config.cors();
        CorsConfigBuilder b = originAllowed(origin) ? CorsConfigBuilder.forOrigin(origin) : CorsConfigBuilder.forOrigins();
        b.allowCredentials().allowedRequestMethods(HttpMethod.POST);
        List<String> headers = new ArrayList<>(List.of("Accept", "Accept-Language", "Content-Language", "Content-Type", "X-Requested-With"));
        headers.addAll(c.allowedHeaders());
        b.allowedRequestHeaders(headers.toArray(String[]::new));
        if (!c.exposedHeaders().isEmpty()) {
            b.exposeHeaders(c.exposedHeaders().toArray(String[]::new));
        }
        if (c.maxAge() > 0) {
            b.maxAge(c.maxAge());
        }
        return b.build();
    }

    /** Installs a CorsHandler configured for the request's origin, and answers preflights with 204 as rs/cors does. */
    private final class CorsSelector extends ChannelDuplexHandler {
        private boolean preflight;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest req) {
                String origin = req.headers().get(HttpHeaderNames.ORIGIN);
                preflight = req.method().equals(HttpMethod.OPTIONS) && origin != null
                        && req.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
                if (origin != null) {
                    ctx.pipeline().replace("cors", "cors", new CorsHandler(corsConfig(origin)));
                }
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (preflight && msg instanceof HttpResponse resp && resp.status().equals(HttpResponseStatus.OK)) {
                resp.setStatus(HttpResponseStatus.NO_CONTENT);
                resp.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
                preflight = false;
            }
            super.write(ctx, msg, promise);
        }
    }

    /** Rejects a Content-Encoding outside {@code compression_algorithms} (or one this build cannot decode). */
    private final class EncodingCheck extends ChannelInboundHandlerAdapter {
        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest req) {
                discarding = false;
                String enc = req.headers().get(HttpHeaderNames.CONTENT_ENCODING, "").trim().toLowerCase(Locale.ROOT);
                boolean allowed = config.compressionAlgorithms().contains(enc) || enc.equals("identity") && config.compressionAlgorithms().contains("");
                if (!allowed || !DECODABLE.contains(enc)) {
                    discarding = true;
                    String msgText = allowed ? "unsupported Content-Encoding: \"" + enc + "\" is not supported by ottl4j"
                            : "unsupported Content-Encoding: \"" + enc + "\"";
                    respondStatus(ctx, req, contentTypeOf(req), 400, Ingest.INVALID_ARGUMENT, msgText);
                    io.netty.util.ReferenceCountUtil.release(msg);
                    return;
                }
                ctx.channel().attr(ENCODING).set(enc);
                if (enc.equals("zlib")) {
                    req.headers().set(HttpHeaderNames.CONTENT_ENCODING, "deflate");
                }
                if (BodyDecoders.ENCODINGS.contains(enc)) {
                    // aggregated compressed, decoded with a bound in the handler (Netty's decoders differ: its
                    // "snappy" is the framed format only)
                    req.headers().remove(HttpHeaderNames.CONTENT_ENCODING);
                    req.headers().set(DEFERRED_ENCODING, enc);
                } else {
                    req.headers().remove(DEFERRED_ENCODING);
                }
            }
            if (discarding) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Oversized bodies get 413 with a Status body, as upstream's confighttp (http.MaxBytesReader). */
    private final class Aggregator extends HttpObjectAggregator {
        Aggregator(int max) {
            super(max);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            if (oversized instanceof HttpRequest req) {
                HttpUtil.setKeepAlive(req, false); // the rest of the body is not read: close after answering
                respondStatus(ctx, req, contentTypeOf(req), 413, Ingest.INVALID_ARGUMENT,
                        "request body too large: the limit is " + config.maxRequestBodySize() + " bytes (max_request_body_size)");
            }
        }
    }

    /** A decoding error; an empty body from a compressed request means the compression was broken, so say that. */
    private static String decodeError(ChannelHandlerContext ctx, byte[] body, String message) {
        String enc = ctx.channel().attr(ENCODING).get();
        if (body.length == 0 && enc != null && !enc.isEmpty() && !enc.equals("identity")) {
            return "the body is not valid " + enc + " data, although Content-Encoding says " + enc + ": it decompresses to nothing";
        }
        return message;
    }

    private static String contentTypeOf(HttpRequest req) {
        String ct = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        int semi = ct.indexOf(';');
        return (semi >= 0 ? ct.substring(0, semi) : ct).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Runs on the channel's I/O loop and hands each request to one handler executor per connection (so pipelined
     * requests are answered in order), keeping decoding and the pipeline's consumers off the I/O threads. The
     * channel's own events stay on its loop, so closing a connection never needs a handler executor.
     */
    private final class OtlpHandler extends ChannelInboundHandlerAdapter {
        private final io.netty.util.concurrent.EventExecutor executor = handlers.next();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest req)) {
                ctx.fireChannelRead(msg);
                return;
            }
            try {
                executor.execute(() -> {
                    try {
                        channelRead0(ctx, req);
                    } catch (Throwable t) {
                        exceptionCaught(ctx, t);
                    } finally {
                        req.release();
                        finished();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                req.release();
                finished();
                respondFailure(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, Ingest.UNAVAILABLE, "the collector is shutting down");
            }
        }

        private void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (auth != null && !authenticated(req)) {
                respondText(ctx, req, 401, "Unauthorized\n"); // upstream's confighttp answer, whatever the path
                return;
            }
            String uri = req.uri();
            int q = uri.indexOf('?');
            String path = q >= 0 ? uri.substring(0, q) : uri;
            Signal signal = paths.get(path);
            if (signal == null) {
                respondText(ctx, req, 404, "404 page not found\n");
                return;
            }
            if (!req.method().equals(HttpMethod.POST)) {
                respondText(ctx, req, 405, "405 method not allowed, supported: [POST]");
                return;
            }
            String ct = contentTypeOf(req);
            if (!ct.equals(JSON) && !ct.equals(PROTO)) {
                respondText(ctx, req, 415, "415 unsupported media type, supported: [application/json, application/x-protobuf]");
                return;
            }
            Consumer consumer = next.get(signal);
            byte[] body = ByteBufUtil.getBytes(req.content());
            String deferred = req.headers().get(DEFERRED_ENCODING);
            req.headers().remove(DEFERRED_ENCODING);
            if (deferred != null) {
                try {
                    body = BodyDecoders.decode(deferred, body, config.maxRequestBodySize());
                } catch (BodyDecoders.TooLarge e) {
                    HttpUtil.setKeepAlive(req, false);
                    respondStatus(ctx, req, ct, 413, Ingest.INVALID_ARGUMENT, e.getMessage());
                    return;
                } catch (java.io.IOException | RuntimeException e) {
                    respondStatus(ctx, req, ct, 400, Ingest.INVALID_ARGUMENT, "failed to decode the " + deferred + " request body: " + Faults.describe(e));
                    return;
                }
            }
            TelemetryBatch<?> batch;
            try {
                batch = ct.equals(JSON) ? OtlpJson.read(body, signal) : OtlpProto.decode(signal, body);
            } catch (OtlpDecodeException | IllegalStateException | IllegalArgumentException e) {
                respondStatus(ctx, req, ct, 400, Ingest.INVALID_ARGUMENT, decodeError(ctx, body, e.getMessage()));
                return;
            } catch (Throwable t) { // a body the reader cannot take (should not happen: readers are bounded)
                Faults.survive(settings, settings.logger(signal), "decoding a request", 0, t);
                boolean fatal = Faults.fatal(t);
                respondStatus(ctx, req, ct, fatal ? 503 : 400, fatal ? Ingest.UNAVAILABLE : Ingest.INVALID_ARGUMENT, Faults.describe(t));
                return;
            }
            if (consumer == null) {
                // no pipeline of this signal uses the receiver: upstream answers 200 for an empty request only
                if (batch.itemCount() == 0) {
                    respondOk(ctx, req, ct);
                } else {
                    respondStatus(ctx, req, ct, 404, 12, "no " + signal.name().toLowerCase(Locale.ROOT) + " pipeline uses this receiver");
                }
                return;
            }
            Ingest.Result r = Ingest.consume(settings, "http", signal, consumer, batch, clientInfo(ctx, req));
            if (r.code() == Ingest.OK) {
                respondOk(ctx, req, ct);
            } else {
                respondStatus(ctx, req, ct, Ingest.httpStatus(r.code()), r.code(), r.message());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (transientFailure(cause)) {
                // the body could not be held now (direct memory, heap): transient, the client retries
                respondFailure(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, Ingest.UNAVAILABLE, "the request could not be buffered now: " + Faults.describe(cause));
                return;
            }
            readFailure(ctx, cause);
        }

        private void readFailure(ChannelHandlerContext ctx, Throwable cause) {
            // e.g. a corrupt gzip body: answer 400 in JSON (the encoding may be unknown) and close
            String enc = ctx.channel().attr(ENCODING).get();
            String why = enc == null || enc.isEmpty() || enc.equals("identity") ? "failed to read request body: " + cause.getMessage()
                    : "the body is not valid " + enc + " data, although Content-Encoding says " + enc + " (" + cause.getMessage() + ")";
            byte[] body = statusJson(Ingest.INVALID_ARGUMENT, why);
            FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
            HttpUtil.setContentLength(resp, body.length);
            HttpUtil.setKeepAlive(resp, false);
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private boolean authenticated(HttpRequest req) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        try {
            auth.check(headers);
            return true;
        } catch (ServerAuthenticator.AuthenticationException e) {
            return false;
        }
    }

    /** Failures of buffering a body that say nothing about the request: out of (direct) memory. */
    static boolean transientFailure(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError || c instanceof io.netty.util.internal.OutOfDirectMemoryError
                    || c.getMessage() != null && c.getMessage().contains("direct buffer memory")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static void respondFailure(ChannelHandlerContext ctx, HttpResponseStatus status, int code, String message) {
        byte[] body = statusJson(code, message);
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
        HttpUtil.setContentLength(resp, body.length);
        HttpUtil.setKeepAlive(resp, false);
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
    }

    private void respondOk(ChannelHandlerContext ctx, HttpRequest req, String ct) {
        byte[] body = ct.equals(JSON) ? "{\"partialSuccess\":{}}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        respond(ctx, req, 200, ct, body);
    }

    private void respondText(ChannelHandlerContext ctx, HttpRequest req, int status, String text) {
        respond(ctx, req, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private void respondStatus(ChannelHandlerContext ctx, HttpRequest req, String ct, int http, int code, String message) {
        String msg = message == null ? "" : message;
        if (ct.equals(PROTO)) {
            byte[] body = com.google.rpc.Status.newBuilder().setCode(code).setMessage(msg).build().toByteArray();
            respond(ctx, req, http, PROTO, body);
        } else {
            respond(ctx, req, http, JSON, statusJson(code, msg));
        }
    }

    static byte[] statusJson(int code, String message) {
        StringBuilder sb = new StringBuilder("{\"code\":").append(code).append(",\"message\":\"");
        for (char c : message.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append("\",\"details\":[]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest req, int status, String contentType, byte[] body) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        config.responseHeaders().forEach((k, v) -> resp.headers().set(k, v));
        HttpUtil.setContentLength(resp, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(resp, keepAlive);
        var f = ctx.writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
