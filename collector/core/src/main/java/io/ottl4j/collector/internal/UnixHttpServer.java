package io.ottl4j.collector.internal;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The JDK's {@link HttpServer} API on a Unix domain socket ({@code transport: unix}), for the small HTTP servers of the
 * extensions: the JDK's own server binds only TCP addresses. Netty reads HTTP/1.1 from the socket; each request, whole,
 * goes to the handler of the longest matching context on the executor (virtual threads by default), and the response
 * is sent, whole, when the exchange or its body is closed. The socket file is removed on stop, as Go's listener does.
 */
public final class UnixHttpServer extends HttpServer {
    private static final int MAX_REQUEST = 256 << 20;
    private static final InetSocketAddress NO_INET = InetSocketAddress.createUnresolved("localhost", 0);
    private final Path path;
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private Executor executor;
    private ExecutorService ownExecutor;

    /**
     * Binds {@code path} now (as {@link HttpServer#create(InetSocketAddress, int)} binds); requests wait for {@link #start}.
     * With {@code ssl} (and its parameters) every connection is TLS.
     */
    public UnixHttpServer(Path path, javax.net.ssl.SSLContext ssl, javax.net.ssl.SSLParameters sslParameters) throws IOException {
        this.path = path;
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerDomainSocketChannel.class).childHandler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (ssl != null) {
                    javax.net.ssl.SSLEngine engine = ssl.createSSLEngine();
                    engine.setUseClientMode(false);
                    engine.setSSLParameters(sslParameters);
                    ch.pipeline().addLast(new io.netty.handler.ssl.SslHandler(engine));
                }
                ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST), new Dispatch());
            }
        });
        try {
            channel = b.bind(UnixDomainSocketAddress.of(path)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            throw new IOException("cannot listen on the Unix domain socket " + path + ": " + e.getMessage(), e);
        }
        channel.config().setAutoRead(false);
    }

    @Override
    public void bind(InetSocketAddress addr, int backlog) {
        throw new UnsupportedOperationException("bound to the Unix domain socket " + path);
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            ownExecutor = Executors.newVirtualThreadPerTaskExecutor();
            executor = ownExecutor;
        }
        channel.config().setAutoRead(true);
        channel.read();
    }

    @Override
    public synchronized void setExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized Executor getExecutor() {
        return executor;
    }

    @Override
    public void stop(int delay) {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, Math.max(0, delay), java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the socket file stays; a later bind reports it
        }
    }

    @Override
    public HttpContext createContext(String p, HttpHandler handler) {
        Context c = new Context(p, handler);
        if (contexts.putIfAbsent(p, c) != null) {
            throw new IllegalArgumentException("context already exists: " + p);
        }
        return c;
    }

    @Override
    public HttpContext createContext(String p) {
        return createContext(p, null);
    }

    @Override
    public void removeContext(String p) {
        if (contexts.remove(p) == null) {
            throw new IllegalArgumentException("no context " + p);
        }
    }

    @Override
    public void removeContext(HttpContext context) {
        contexts.remove(context.getPath(), context);
    }

    /** Not an internet address: the socket is a file; port 0. */
    @Override
    public InetSocketAddress getAddress() {
        return NO_INET;
    }

    /** The context whose path is the longest prefix of the request path, as the JDK's server chooses. */
    private Context match(String requestPath) {
        Context best = null;
        for (Context c : contexts.values()) {
            if (requestPath.startsWith(c.path) && c.handler != null && (best == null || c.path.length() > best.path.length())) {
                best = c;
            }
        }
        return best;
    }

    private final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            URI uri = URI.create(req.uri());
            Context c = match(uri.getRawPath() == null ? "/" : uri.getRawPath());
            Exchange ex = new Exchange(ctx, req, uri, ByteBufUtil.getBytes(req.content()), c);
            if (c == null) {
                ex.respond(404, "No context found for request\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return;
            }
            executor.execute(() -> {
                try {
                    c.handler.handle(ex);
                } catch (Throwable t) {
                    ex.respond(500, new byte[0]);
                } finally {
                    ex.close();
                }
            });
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private final class Context extends HttpContext {
        private final String path;
        private HttpHandler handler;
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private final List<Filter> filters = new ArrayList<>();
        private Authenticator authenticator;

        Context(String path, HttpHandler handler) {
            this.path = path;
            this.handler = handler;
        }

        @Override
        public HttpHandler getHandler() {
            return handler;
        }

        @Override
        public void setHandler(HttpHandler h) {
            handler = h;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public HttpServer getServer() {
            return UnixHttpServer.this;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public List<Filter> getFilters() {
            return filters;
        }

        @Override
        public Authenticator setAuthenticator(Authenticator auth) {
            Authenticator old = authenticator;
            authenticator = auth;
            return old;
        }

        @Override
        public Authenticator getAuthenticator() {
            return authenticator;
        }
    }

    /** One request; the response is buffered and written when the exchange or its body stream is closed. */
    private static final class Exchange extends HttpExchange {
        private final ChannelHandlerContext ctx;
        private final boolean keepAlive;
        private final String method;
        private final URI uri;
        private final String protocol;
        private final Context context;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final Map<String, Object> attributes = new HashMap<>();
        private InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }

            @Override
            public void close() {
                Exchange.this.close();
            }
        };
        private int code = -1;
        private boolean sent;

        Exchange(ChannelHandlerContext ctx, FullHttpRequest req, URI uri, byte[] body, Context context) {
            this.ctx = ctx;
            this.keepAlive = HttpUtil.isKeepAlive(req);
            this.method = req.method().name();
            this.uri = uri;
            this.protocol = req.protocolVersion().text();
            this.context = context;
            for (Map.Entry<String, String> h : req.headers()) {
                requestHeaders.add(h.getKey(), h.getValue());
            }
            this.in = new ByteArrayInputStream(body);
        }

        /** Answers at once (no context, or the handler failed before responding). */
        void respond(int status, byte[] body) {
            if (code < 0) {
                code = status;
                buffer.reset();
                buffer.writeBytes(body);
            }
            close();
        }

        @Override
        public void close() {
            synchronized (this) {
                if (sent) {
                    return;
                }
                sent = true;
            }
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code < 0 ? 500 : code),
                    Unpooled.wrappedBuffer(buffer.toByteArray()));
            for (Map.Entry<String, List<String>> h : responseHeaders.entrySet()) {
                res.headers().add(h.getKey(), h.getValue());
            }
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
            if (!keepAlive) {
                res.headers().set(HttpHeaderNames.CONNECTION, "close");
            }
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return uri;
        }

        @Override
        public String getRequestMethod() {
            return method;
        }

        @Override
        public HttpContext getHttpContext() {
            return context;
        }

        @Override
        public InputStream getRequestBody() {
            return in;
        }

        @Override
        public OutputStream getResponseBody() {
            return out;
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
            if (code >= 0) {
                throw new IOException("headers already sent");
            }
            code = rCode;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return NO_INET;
        }

        @Override
        public int getResponseCode() {
            return code;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return NO_INET;
        }

        @Override
        public String getProtocol() {
            return protocol;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            if (i != null) {
                in = i;
            }
            if (o != null) {
                out = o;
            }
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
