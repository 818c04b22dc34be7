package io.ottl4j.collector.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * configtls's {@code reload_interval}: the certificate and key are read again from their files when a handshake needs
 * them and the interval has passed since the last read (upstream's certReloader checks at the same moment). A read that
 * fails keeps the previous pair, with a warning, so a half-written rotation does not take the endpoint down.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    /** Reads the pair; the same reader the non-reloading path uses. */
    interface Loader {
        X509KeyManager load() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(ReloadingKeyManager.class.getName());
    private final Loader loader;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private volatile X509KeyManager current;
    private volatile long loadedAt;

    ReloadingKeyManager(Loader loader, Duration interval, LongSupplier nanoTime) throws Exception {
        this.loader = loader;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.current = loader.load();
        this.loadedAt = nanoTime.getAsLong();
    }

    private X509KeyManager current() {
        if (nanoTime.getAsLong() - loadedAt >= intervalNanos) {
            synchronized (this) {
                if (nanoTime.getAsLong() - loadedAt >= intervalNanos) {
                    try {
                        current = loader.load();
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "reloading the TLS certificate failed; the previous one stays in use", e);
                    }
                    loadedAt = nanoTime.getAsLong();
                }
            }
        }
        return current;
    }

    /** A factory whose one key manager is this one (Netty and grpc-java take factories). */
    KeyManagerFactory factory() {
        KeyManager[] managers = {this};
        return new KeyManagerFactory(new KeyManagerFactorySpi() {
            @Override
            protected void engineInit(java.security.KeyStore ks, char[] password) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters spec) {
            }

            @Override
            protected KeyManager[] engineGetKeyManagers() {
                return managers.clone();
            }
        }, null, "ottl4j-reloading") {
        };
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return current().getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return current().chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        X509KeyManager km = current();
        return km instanceof X509ExtendedKeyManager x ? x.chooseEngineClientAlias(keyType, issuers, engine) : km.chooseClientAlias(keyType, issuers, null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current().getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        X509KeyManager km = current();
        return km instanceof X509ExtendedKeyManager x ? x.chooseEngineServerAlias(keyType, issuers, engine) : km.chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return current.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return current.getPrivateKey(alias);
    }
}
