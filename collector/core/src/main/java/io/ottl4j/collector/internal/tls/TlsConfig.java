package io.ottl4j.collector.internal.tls;

import io.ottl4j.collector.config.Conf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The {@code tls} block of upstream's configtls, for servers ({@code cert_file}, {@code key_file},
 * {@code client_ca_file} for mTLS) and clients ({@code ca_file}, an optional client certificate,
 * {@code insecure}, {@code insecure_skip_verify}, {@code server_name_override}); PEM files or inline PEM
 * ({@code cert_pem}, {@code key_pem}, {@code ca_pem}), keys in PKCS#8
 * ({@code BEGIN PRIVATE KEY}, RSA or EC). The key and trust managers built here feed grpc-java, Netty and
 * the JDK HTTP client alike, so there is one PEM reader for every transport.
 */
public record TlsConfig(String certFile, String keyFile, String caFile, String clientCaFile, String minVersion, String maxVersion,
        boolean insecure, boolean insecureSkipVerify, String serverNameOverride, List<String> cipherSuites, Duration reloadInterval,
        boolean clientCaFileReload, boolean includeSystemCaCertsPool, List<String> curvePreferences) {
    public TlsConfig(String certFile, String keyFile, String caFile, String clientCaFile, String minVersion, String maxVersion,
            boolean insecure, boolean insecureSkipVerify, String serverNameOverride, List<String> cipherSuites, Duration reloadInterval,
            boolean clientCaFileReload, boolean includeSystemCaCertsPool) {
        this(certFile, keyFile, caFile, clientCaFile, minVersion, maxVersion, insecure, insecureSkipVerify, serverNameOverride, cipherSuites,
                reloadInterval, clientCaFileReload, includeSystemCaCertsPool, List.of());
    }

    public TlsConfig(String certFile, String keyFile, String caFile, String clientCaFile, String minVersion, String maxVersion,
            boolean insecure, boolean insecureSkipVerify, String serverNameOverride, List<String> cipherSuites, Duration reloadInterval) {
        this(certFile, keyFile, caFile, clientCaFile, minVersion, maxVersion, insecure, insecureSkipVerify, serverNameOverride, cipherSuites,
                reloadInterval, false, false);
    }

    public TlsConfig(String certFile, String keyFile, String caFile, String clientCaFile, String minVersion, String maxVersion,
            boolean insecure, boolean insecureSkipVerify, String serverNameOverride) {
        this(certFile, keyFile, caFile, clientCaFile, minVersion, maxVersion, insecure, insecureSkipVerify, serverNameOverride, List.of());
    }

    public TlsConfig(String certFile, String keyFile, String caFile, String clientCaFile, String minVersion, String maxVersion,
            boolean insecure, boolean insecureSkipVerify, String serverNameOverride, List<String> cipherSuites) {
        this(certFile, keyFile, caFile, clientCaFile, minVersion, maxVersion, insecure, insecureSkipVerify, serverNameOverride, cipherSuites,
                Duration.ZERO);
    }

    /** The same settings with another CA (a file path or PEM): every other key, curves and reloading included, kept. */
    public TlsConfig withCaFile(String ca) {
        return new TlsConfig(certFile, keyFile, ca, clientCaFile, minVersion, maxVersion, insecure, insecureSkipVerify, serverNameOverride,
                cipherSuites, reloadInterval, clientCaFileReload, includeSystemCaCertsPool, curvePreferences);
    }

    /**
     * The JSSE cipher suites for {@code cipher_suites} (null: the JDK's defaults). Go cannot restrict TLS 1.3 suites, so
     * the JDK's TLS 1.3 suites are always kept, and the configured list limits TLS 1.0-1.2, as upstream.
     */
    public List<String> ciphers() {
        if (cipherSuites.isEmpty()) {
            return null;
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String c : cipherSuites) {
            out.add(jsseCipher(c));
        }
        out.addAll(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"));
        return List.copyOf(out);
    }

    /** Go's names are IANA's; Go also accepts the CHACHA20 suites without their hash suffix. */
    private static String jsseCipher(String goName) {
        return goName.endsWith("CHACHA20_POLY1305") ? goName + "_SHA256" : goName;
    }

    /** configtls version names → JSSE protocol names. */
    private static final Map<String, String> VERSIONS = Map.of("1.0", "TLSv1", "1.1", "TLSv1.1", "1.2", "TLSv1.2", "1.3", "TLSv1.3");
    private static final List<String> ORDER = List.of("1.0", "1.1", "1.2", "1.3");

    /** Reads a server {@code tls} block; null when the key is absent (plain text). */
    public static TlsConfig decodeServer(Conf parent) {
        if (!parent.present("tls")) {
            parent.has("tls");
            return null;
        }
        Conf c = parent.child("tls");
        TlsConfig t = common(c, false);
        if (t.certFile.isEmpty() || t.keyFile.isEmpty()) {
            c.error("cert_file", "a TLS server needs both cert_file and key_file");
        }
        c.finish();
        return t;
    }

    /**
     * Reads a client {@code tls} block. Upstream clients use TLS unless {@code insecure: true}; the caller
     * decides what an absent block means for its transport.
     */
    public static TlsConfig decodeClient(Conf parent) {
        Conf c = parent.child("tls");
        TlsConfig t = common(c, true);
        c.finish();
        return t;
    }

    private static TlsConfig common(Conf c, boolean client) {
        String cert = fileOrPem(c, "cert_file", "cert_pem");
        String key = fileOrPem(c, "key_file", "key_pem");
        String ca = fileOrPem(c, "ca_file", "ca_pem");
        String clientCa = client ? "" : c.string("client_ca_file", "");
        String min = c.string("min_version", "1.2");
        String max = c.string("max_version", "");
        boolean insecure = client && c.bool("insecure", false);
        boolean skip = client && c.bool("insecure_skip_verify", false);
        String sni = client ? c.string("server_name_override", "") : "";
        if (!VERSIONS.containsKey(min)) {
            c.error("min_version", "invalid TLS min_version \"" + min + "\": use 1.0, 1.1, 1.2 or 1.3");
        }
        if (!max.isEmpty() && !VERSIONS.containsKey(max)) {
            c.error("max_version", "invalid TLS max_version \"" + max + "\": use 1.0, 1.1, 1.2 or 1.3");
        } else if (!max.isEmpty() && VERSIONS.containsKey(min) && ORDER.indexOf(max) < ORDER.indexOf(min)) {
            c.error("max_version", "invalid TLS configuration: min_version cannot be greater than max_version");
        }
        if (cert.isEmpty() != key.isEmpty()) {
            c.error(cert.isEmpty() ? "cert_file" : "key_file", "provide both certificate and key, or neither");
        }
        List<String> ciphers = c.strings("cipher_suites", List.of());
        if (!ciphers.isEmpty()) {
            try {
                java.util.Set<String> supported = java.util.Set.of(javax.net.ssl.SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
                for (String cs : ciphers) {
                    if (!supported.contains(jsseCipher(cs))) {
                        c.error("cipher_suites", "invalid TLS cipher suite: \"" + cs + "\"");
                    }
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                c.error("cipher_suites", "no TLS implementation: " + e.getMessage());
            }
        }
        Duration reload = c.duration("reload_interval", Duration.ZERO);
        if (reload.isNegative()) {
            c.error("reload_interval", "reload_interval must be non-negative");
        }
        boolean clientCaReload = !client && c.bool("client_ca_file_reload", false);
        boolean systemCas = c.bool("include_system_ca_certs_pool", false);
        List<String> curves = c.strings("curve_preferences", List.of());
        for (String curve : curves) {
            String problem = curveProblem(curve);
            if (problem != null) {
                c.error("curve_preferences", problem);
            }
        }
        return new TlsConfig(cert, key, ca, clientCa, min, max, insecure, skip, sni, List.copyOf(ciphers), reload, clientCaReload, systemCas,
                List.copyOf(curves));
    }

    /** configtls curve names (Go's crypto/tls) → JSSE named groups, in upstream's order. */
    private static final Map<String, String> CURVES = orderedCurves();

    private static Map<String, String> orderedCurves() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("P256", "secp256r1");
        m.put("P384", "secp384r1");
        m.put("P521", "secp521r1");
        m.put("X25519", "x25519");
        m.put("X25519MLKEM768", "X25519MLKEM768");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Why a {@code curve_preferences} entry cannot be used; null when it can. */
    private static String curveProblem(String curve) {
        String group = CURVES.get(curve);
        if (group == null) {
            return "invalid curve type: " + curve + ". Expected values are " + String.join(", ", CURVES.keySet());
        }
        java.util.Set<String> supported = supportedGroups();
        if (!supported.contains(group)) {
            return "curve " + curve + " is accepted upstream but this JDK's TLS (Java " + Runtime.version().feature()
                    + ") has no named group " + group + "; supported here: " + String.join(", ",
                            CURVES.entrySet().stream().filter(e -> supported.contains(e.getValue())).map(Map.Entry::getKey).toList());
        }
        return null;
    }

    private static java.util.Set<String> supportedGroups() {
        try {
            String[] groups = SSLContext.getDefault().getSupportedSSLParameters().getNamedGroups();
            return groups == null ? java.util.Set.of() : java.util.Set.of(groups);
        } catch (java.security.NoSuchAlgorithmException e) {
            return java.util.Set.of();
        }
    }

    /**
     * The JSSE named groups for {@code curve_preferences}, in preference order; null when not configured (the JDK's
     * defaults, as upstream leaves Go's).
     */
    public String[] namedGroups() {
        if (curvePreferences == null || curvePreferences.isEmpty()) {
            return null;
        }
        return curvePreferences.stream().map(CURVES::get).distinct().toArray(String[]::new);
    }

    /**
     * A file path, or the PEM text of upstream's {@code *_pem} key (one or the other, as upstream). The fields of this
     * record hold either; {@link #isPem} tells them apart and every reader here takes both.
     */
    private static String fileOrPem(Conf c, String fileKey, String pemKey) {
        String file = c.string(fileKey, "");
        String pem = c.string(pemKey, "");
        if (!file.isEmpty() && !pem.isEmpty()) {
            c.error(pemKey, "provide either " + fileKey + " or " + pemKey + ", not both");
        }
        return pem.isEmpty() ? file : pem;
    }

    /** Whether a certificate, key or CA source is PEM text ({@code cert_pem}, ...) rather than a file path. */
    public static boolean isPem(String source) {
        return source.stripLeading().startsWith("-----BEGIN");
    }

    /** The PEM text of a source: the inline PEM itself or the file's content. */
    public static String pemText(String source) throws IOException {
        return isPem(source) ? source : Files.readString(Path.of(source), StandardCharsets.US_ASCII);
    }

    /** A source as messages name it: the file, or "the inline PEM" (never the key material itself). */
    private static String describe(String source) {
        return isPem(source) ? "the inline PEM" : source;
    }

    /** The JSSE protocol names from min_version to max_version (default: up to 1.3). */
    public String[] protocols() {
        int from = Math.max(0, ORDER.indexOf(minVersion));
        int to = maxVersion.isEmpty() ? ORDER.size() - 1 : ORDER.indexOf(maxVersion);
        List<String> out = new ArrayList<>();
        for (int i = to; i >= from; i--) {
            out.add(VERSIONS.get(ORDER.get(i)));
        }
        return out.toArray(String[]::new);
    }

    public boolean hasKeyPair() {
        return !certFile.isEmpty() && !keyFile.isEmpty();
    }

    /**
     * Key manager for the certificate and key; null when none are configured. With {@code reload_interval} the files
     * are read again once the interval has passed (see {@link ReloadingKeyManager}).
     */
    public KeyManagerFactory keyManagers() throws IOException, GeneralSecurityException {
        if (!hasKeyPair()) {
            return null;
        }
        if (reloadInterval != null && !reloadInterval.isZero() && !isPem(certFile)) {
            try {
                return new ReloadingKeyManager(() -> (javax.net.ssl.X509KeyManager) loadKeyManagers().getKeyManagers()[0], reloadInterval,
                        System::nanoTime).factory();
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new GeneralSecurityException(e);
            }
        }
        return loadKeyManagers();
    }

    private KeyManagerFactory loadKeyManagers() throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] none = new char[0];
        ks.setKeyEntry("key", key, none, chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, none);
        return kmf;
    }

    /** A server's trust managers for client certificates: {@code client_ca_file}, re-read when it changes with {@code client_ca_file_reload}; null without. */
    public TrustManagerFactory clientCaTrustManagers() throws IOException, GeneralSecurityException {
        if (clientCaFile.isEmpty()) {
            return null;
        }
        if (!clientCaFileReload) {
            return trustManagers(clientCaFile);
        }
        try {
            return new ReloadingTrustManager(clientCaFile).factory();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new GeneralSecurityException(e);
        }
    }

    /**
     * A client's trust managers: the CAs of {@code ca_file} / {@code ca_pem}, with the JDK's trust store as well when
     * {@code include_system_ca_certs_pool} is set (Go's system pool); null without a CA (the JDK's trust store alone).
     */
    public TrustManagerFactory clientTrustManagers() throws IOException, GeneralSecurityException {
        if (caFile.isEmpty() || !includeSystemCaCertsPool) {
            return trustManagers(caFile);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : certificates(caFile)) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        for (TrustManager tm : system.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509TrustManager x) {
                for (X509Certificate c : x.getAcceptedIssuers()) {
                    ks.setCertificateEntry("system" + i++, c);
                }
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }

    /** Trust manager for the CAs in {@code file}; null for an empty name (the JDK's default trust store). */
    public static TrustManagerFactory trustManagers(String file) throws IOException, GeneralSecurityException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : certificates(file)) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }

    /**
     * A JSSE context for a client (the JDK HTTP client): CA, optional client certificate, skip-verify, and with
     * {@code curve_preferences} engines held to those groups (see {@link NamedGroupsSslContext}).
     */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = keyManagers();
        TrustManager[] trust;
        if (insecureSkipVerify) {
            trust = new TrustManager[] {TRUST_ALL};
        } else {
            TrustManagerFactory tmf = clientTrustManagers();
            trust = tmf == null ? null : tmf.getTrustManagers();
        }
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
        return namedGroups() == null ? ctx : new NamedGroupsSslContext(ctx, namedGroups());
    }

    /** A JSSE context for a server on the JDK's stack (the extensions' HTTP servers): certificate and key, client CAs. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        TrustManagerFactory clientCas = clientCaTrustManagers();
        ctx.init(keyManagers().getKeyManagers(), clientCas == null ? null : clientCas.getTrustManagers(), null);
        return ctx;
    }

    /** The server side of {@link #clientParameters()}: client certificates required with {@code client_ca_file}. */
    public SSLParameters serverParameters() {
        SSLParameters p = clientParameters();
        p.setNeedClientAuth(!clientCaFile.isEmpty());
        return p;
    }

    public SSLParameters clientParameters() {
        SSLParameters p = new SSLParameters();
        p.setProtocols(protocols());
        if (ciphers() != null) {
            p.setCipherSuites(ciphers().toArray(String[]::new));
        }
        if (namedGroups() != null) {
            p.setNamedGroups(namedGroups());
        }
        return p;
    }

    /**
     * Accepts any server certificate. Being an {@link X509ExtendedTrustManager}, it also replaces the JDK's
     * host name check, which is what {@code insecure_skip_verify} asks for.
     */
    public static final X509ExtendedTrustManager TRUST_ALL = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    static List<X509Certificate> certificates(String file) throws IOException, GeneralSecurityException {
        byte[] bytes = isPem(file) ? file.getBytes(StandardCharsets.US_ASCII) : Files.readAllBytes(Path.of(file));
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no certificate found in " + describe(file));
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private static final Pattern PKCS8 = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    static PrivateKey privateKey(String file) throws IOException, GeneralSecurityException {
        String pem = pemText(file);
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) {
            throw new GeneralSecurityException("no PKCS#8 private key (BEGIN PRIVATE KEY) in " + describe(file)
                    + "; convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key in " + describe(file), last);
    }
}
