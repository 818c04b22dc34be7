package io.ottl4j.collector.internal.tls;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * configtls's {@code client_ca_file_reload}: the client CA file is read again when it has changed (its modification
 * time or size), checked at each client handshake, where upstream watches the file for writes. A read that fails keeps
 * the previous CAs, with a warning.
 */
final class ReloadingTrustManager extends X509ExtendedTrustManager {
    private static final Logger LOG = Logger.getLogger(ReloadingTrustManager.class.getName());
    private final Path file;
    private volatile X509TrustManager current;
    private volatile String stamp;

    ReloadingTrustManager(String file) throws Exception {
        this.file = Path.of(file);
        this.stamp = stamp();
        this.current = load();
    }

    private String stamp() {
        try {
            FileTime t = Files.getLastModifiedTime(file);
            return t.toMillis() + "/" + Files.size(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private X509TrustManager load() throws Exception {
        for (TrustManager tm : TlsConfig.trustManagers(file.toString()).getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X.509 trust manager for " + file);
    }

    private X509TrustManager current() {
        String now = stamp();
        if (!now.equals(stamp)) {
            synchronized (this) {
                if (!now.equals(stamp)) {
                    try {
                        current = load();
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "reloading the client CAs from " + file + " failed; the previous ones stay in use", e);
                    }
                    stamp = now;
                }
            }
        }
        return current;
    }

    /** A factory whose one trust manager is this one (Netty and grpc-java take factories). */
    TrustManagerFactory factory() {
        TrustManager[] managers = {this};
        return new TrustManagerFactory(new TrustManagerFactorySpi() {
            @Override
            protected void engineInit(java.security.KeyStore ks) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters spec) {
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return managers.clone();
            }
        }, null, "ottl4j-reloading") {
        };
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        X509TrustManager tm = current();
        if (tm instanceof X509ExtendedTrustManager x) {
            x.checkClientTrusted(chain, authType, socket);
        } else {
            tm.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        X509TrustManager tm = current();
        if (tm instanceof X509ExtendedTrustManager x) {
            x.checkClientTrusted(chain, authType, engine);
        } else {
            tm.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client CA trust manager does not check servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client CA trust manager does not check servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client CA trust manager does not check servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return current().getAcceptedIssuers();
    }
}
