package io.ottl4j.collector.internal.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * {@code curve_preferences} for Netty: neither Netty's builder nor gRPC's shaded copy of it takes JSSE named groups, so
 * the built context is wrapped and every engine it makes gets them through {@link SSLParameters#setNamedGroups}. The
 * context must use the JDK provider (OpenSSL engines ignore the JSSE named groups); callers choose it when
 * {@link TlsConfig#namedGroups()} is set. One overload per Netty: the receiver's HTTP server uses Netty, gRPC its shaded copy.
 */
public final class NettyNamedGroups {
    private NettyNamedGroups() {
    }

    /** {@code context} itself without named groups, else a context whose engines are limited to them. */
    public static io.netty.handler.ssl.SslContext limit(io.netty.handler.ssl.SslContext context, String[] groups) {
        if (groups == null) {
            return context;
        }
        return new io.netty.handler.ssl.DelegatingSslContext(context) {
            @Override
            protected void initEngine(SSLEngine engine) {
                setNamedGroups(engine, groups);
            }
        };
    }

    /** As {@link #limit(io.netty.handler.ssl.SslContext, String[])}, for gRPC's shaded Netty. */
    public static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext limit(io.grpc.netty.shaded.io.netty.handler.ssl.SslContext context,
            String[] groups) {
        if (groups == null) {
            return context;
        }
        return new io.grpc.netty.shaded.io.netty.handler.ssl.DelegatingSslContext(context) {
            @Override
            protected void initEngine(SSLEngine engine) {
                setNamedGroups(engine, groups);
            }
        };
    }

    private static void setNamedGroups(SSLEngine engine, String[] groups) {
        SSLParameters p = engine.getSSLParameters();
        p.setNamedGroups(groups);
        engine.setSSLParameters(p);
    }
}
