package io.ottl4j.collector.receiver.otlp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.ottl4j.collector.receiver.otlp.OtlpReceiverFactory;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * confighttp's server timeouts on a connection, as Go's {@code http.Server}: while waiting for a request
 * (new or kept-alive connection) the connection is closed after {@code idle_timeout} (falling back to
 * {@code read_timeout} when zero); once its first bytes arrive, the headers must be complete within
 * {@code read_header_timeout} and the whole request within {@code read_timeout}. Stalled or idle
 * connections are closed, so they cannot pile up until the process runs out of file descriptors. Sits
 * before the HTTP codec and counts raw bytes; a request ends when the response's last part is written.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
    private enum State { IDLE, HEADERS, BODY, HANDLING }

    private final long idleNanos;
    private final long headerNanos;
    private final long readNanos;
    private State state = State.IDLE;
    private ScheduledFuture<?> timer;

    ConnectionTimeouts(OtlpReceiverFactory.Timeouts t) {
        this.readNanos = nanos(t.readTimeout());
        long header = nanos(t.readHeaderTimeout());
        this.headerNanos = header > 0 ? header : readNanos; // Go: zero read_header_timeout uses read_timeout
        long idle = nanos(t.idleTimeout());
        this.idleNanos = idle > 0 ? idle : readNanos; // Go: zero idle_timeout uses read_timeout
    }

    private static long nanos(Duration d) {
        return d == null || d.isNegative() ? 0 : d.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx, headerNanos); // Go: a new connection's first request headers are due within read_header_timeout
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (state == State.IDLE && msg instanceof ByteBuf b && b.isReadable()) {
            state = State.HEADERS;
            // the whole request within read_timeout; its headers within read_header_timeout
            arm(ctx, headerNanos);
        }
        super.channelRead(ctx, msg);
    }

    /** A handler to place after the HTTP codec: it tells this one when a request's headers and body are read. */
    ChannelInboundHandlerAdapter marks() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof HttpRequest && state == State.HEADERS) {
                    state = State.BODY;
                    if (readNanos > 0) {
                        arm(ctx, readNanos); // approximate: read_timeout counts from the end of the headers
                    } else {
                        cancel();
                    }
                }
                if (msg instanceof LastHttpContent && (state == State.HEADERS || state == State.BODY)) {
                    state = State.HANDLING; // read: no deadline while the pipeline works on it
                    cancel();
                }
                super.channelRead(ctx, msg);
            }
        };
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            // the response is complete: wait for the next request for at most idle_timeout
            promise = promise.unvoid();
            promise.addListener(f -> {
                state = State.IDLE;
                arm(ctx, idleNanos);
            });
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void arm(ChannelHandlerContext ctx, long nanos) {
        cancel();
        if (nanos > 0) {
            timer = ctx.executor().schedule(() -> ctx.close(), nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
