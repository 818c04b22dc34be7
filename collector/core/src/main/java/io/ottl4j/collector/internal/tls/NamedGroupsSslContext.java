package io.ottl4j.collector.internal.tls;

import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * {@code curve_preferences} for the JDK HTTP client. The client copies the {@link SSLParameters} it is given field by
 * field and leaves the named groups out (jdk.internal.net.http.common.Utils.copySSLParameters, still so in Java 25),
 * and a null named-groups field resets an engine to the JDK's defaults; so this context hands out engines that keep the
 * configured groups whatever parameters are set on them later. Only engines are limited: nothing here makes sockets
 * from a client context.
 */
final class NamedGroupsSslContext extends SSLContext {
    NamedGroupsSslContext(SSLContext delegate, String[] groups) {
        super(new Spi(delegate, groups), delegate.getProvider(), delegate.getProtocol());
    }

    private static SSLParameters withGroups(SSLParameters p, String[] groups) {
        p.setNamedGroups(groups);
        return p;
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final String[] groups;

        Spi(SSLContext delegate, String[] groups) {
            this.delegate = delegate;
            this.groups = groups.clone();
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            delegate.init(km, tm, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return new Engine(delegate.createSSLEngine(), groups);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return new Engine(delegate.createSSLEngine(host, port), groups);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return withGroups(delegate.getDefaultSSLParameters(), groups);
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }

    /** An engine that passes everything on, and puts the named groups back into every parameters set on it. */
    private static final class Engine extends SSLEngine {
        private final SSLEngine d;
        private final String[] groups;

        Engine(SSLEngine d, String[] groups) {
            super(d.getPeerHost(), d.getPeerPort());
            this.d = d;
            this.groups = groups;
            d.setSSLParameters(withGroups(d.getSSLParameters(), groups));
        }

        @Override
        public void setSSLParameters(SSLParameters p) {
            d.setSSLParameters(p.getNamedGroups() == null ? withGroups(p, groups) : p);
        }

        @Override
        public SSLParameters getSSLParameters() {
            return d.getSSLParameters();
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
            return d.wrap(srcs, offset, length, dst);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
            return d.unwrap(src, dsts, offset, length);
        }

        @Override
        public Runnable getDelegatedTask() {
            return d.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            d.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return d.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            d.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return d.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return d.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return d.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            d.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedProtocols() {
            return d.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return d.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            d.setEnabledProtocols(protocols);
        }

        @Override
        public SSLSession getSession() {
            return d.getSession();
        }

        @Override
        public SSLSession getHandshakeSession() {
            return d.getHandshakeSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            d.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return d.getHandshakeStatus();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            d.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return d.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            d.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return d.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            d.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return d.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            d.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return d.getEnableSessionCreation();
        }

        @Override
        public String getApplicationProtocol() {
            return d.getApplicationProtocol();
        }

        @Override
        public String getHandshakeApplicationProtocol() {
            return d.getHandshakeApplicationProtocol();
        }

        @Override
        public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
            d.setHandshakeApplicationProtocolSelector(selector == null ? null : (e, protocols) -> selector.apply(this, protocols));
        }

        @Override
        public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
            return d.getHandshakeApplicationProtocolSelector();
        }
    }
}
