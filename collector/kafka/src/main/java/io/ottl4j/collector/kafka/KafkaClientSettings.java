package io.ottl4j.collector.kafka;

import io.ottl4j.collector.config.Conf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The connection settings upstream's Kafka exporter and receiver share ({@code configkafka.ClientConfig}): brokers,
 * client ID, SASL and TLS, metadata refresh. Decoded once, turned into kafka-clients properties.
 */
record KafkaClientSettings(List<String> brokers, String clientId, boolean canonicalBootstrapOnly, Sasl sasl, Tls tls, Duration metadataRefresh,
        int metadataRetries, Duration metadataRetryBackoff) {

    /**
     * kafka-clients logs every client's full configuration and each rebalance step at INFO; a collector's log keeps
     * its warnings and errors (upstream's Kafka components are as quiet). Held here so the levels are not collected.
     */
    private static final java.util.logging.Logger KAFKA_LOG = quiet("org.apache.kafka");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        if (l.getLevel() == null) {
            l.setLevel(java.util.logging.Level.WARNING);
        }
        return l;
    }

    record Sasl(String mechanism, String username, String password) {
    }

    record Tls(boolean insecure, String caFile, String certFile, String keyFile, boolean insecureSkipVerify) {
    }

    static KafkaClientSettings decode(Conf c, String defaultClientId) {
        KAFKA_LOG.getLevel(); // initialises the quiet default before any client exists
        List<String> brokers = c.strings("brokers", List.of("localhost:9092"));
        String clientId = c.string("client_id", defaultClientId);
        c.string("protocol_version", ""); // the Java client negotiates API versions with each broker itself
        boolean canonical = c.bool("resolve_canonical_bootstrap_servers_only", false);
        Sasl sasl = null;
        Tls tls = decodeTls(c.child("tls"), c.has("tls"));
        Conf auth = c.child("auth");
        if (auth.has("sasl")) {
            Conf s = auth.child("sasl");
            String mechanism = s.string("mechanism", "");
            if (!List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512").contains(mechanism)) {
                s.error("mechanism", "auth.sasl.mechanism should be one of 'PLAIN', 'SCRAM-SHA-256' or 'SCRAM-SHA-512' (AWS_MSK_IAM_OAUTHBEARER is not built"
                        + " in this distribution), got \"" + mechanism + "\"");
            }
            String username = s.string("username", "");
            String password = s.string("password", "");
            if (username.isEmpty()) {
                s.error("username", "auth.sasl.username is required");
            }
            if (password.isEmpty()) {
                s.error("password", "auth.sasl.password is required");
            }
            s.intValue("version", 0);
            s.finish();
            sasl = new Sasl(mechanism, username, password);
        }
        if (auth.has("tls")) { // the older place of tls
            tls = decodeTls(auth.child("tls"), true);
        }
        if (auth.has("plain_text")) {
            Conf p = auth.child("plain_text");
            sasl = new Sasl("PLAIN", p.string("username", ""), p.string("password", ""));
            p.finish();
        }
        if (auth.has("kerberos")) {
            auth.error("kerberos", "Kerberos (GSSAPI) authentication is not built in this distribution");
        }
        auth.finish();
        Conf m = c.child("metadata");
        m.bool("full", true);
        Duration refresh = m.duration("refresh_interval", Duration.ofMinutes(10));
        Conf r = m.child("retry");
        int retries = r.intValue("max", 3);
        Duration backoff = r.duration("backoff", Duration.ofMillis(250));
        r.finish();
        m.finish();
        return new KafkaClientSettings(brokers, clientId, canonical, sasl, tls, refresh, retries, backoff);
    }

    private static Tls decodeTls(Conf t, boolean present) {
        if (!present) {
            return null;
        }
        Tls tls = new Tls(t.bool("insecure", false), t.string("ca_file", ""), t.string("cert_file", ""), t.string("key_file", ""),
                t.bool("insecure_skip_verify", false));
        for (String k : List.of("min_version", "max_version", "server_name_override", "reload_interval", "include_system_ca_certs_pool")) {
            t.has(k);
        }
        t.finish();
        return tls;
    }

    /** kafka-clients properties common to producers and consumers. */
    Properties properties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", String.join(",", brokers));
        p.put("client.id", clientId);
        if (canonicalBootstrapOnly) {
            p.put("client.dns.lookup", "resolve_canonical_bootstrap_servers_only");
        }
        p.put("metadata.max.age.ms", Long.toString(metadataRefresh.toMillis()));
        p.put("retry.backoff.ms", Long.toString(metadataRetryBackoff.toMillis()));
        boolean ssl = tls != null && !tls.insecure();
        if (sasl != null) {
            p.put("security.protocol", ssl ? "SASL_SSL" : "SASL_PLAINTEXT");
            p.put("sasl.mechanism", sasl.mechanism());
            String module = sasl.mechanism().equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + jaasEscape(sasl.username()) + "\" password=\""
                    + jaasEscape(sasl.password()) + "\";");
        } else if (ssl) {
            p.put("security.protocol", "SSL");
        }
        if (ssl) {
            if (!tls.caFile().isEmpty()) {
                p.put("ssl.truststore.type", "PEM");
                p.put("ssl.truststore.certificates", read(tls.caFile()));
            }
            if (!tls.certFile().isEmpty()) {
                p.put("ssl.keystore.type", "PEM");
                p.put("ssl.keystore.certificate.chain", read(tls.certFile()));
                p.put("ssl.keystore.key", read(tls.keyFile()));
            }
            if (tls.insecureSkipVerify()) {
                p.put("ssl.endpoint.identification.algorithm", "");
            }
        }
        return p;
    }

    private static String jaasEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A PEM file's content, or the inline PEM itself ({@code ca_pem}, {@code cert_pem}, {@code key_pem}). */
    private static String read(String file) {
        try {
            return io.ottl4j.collector.internal.tls.TlsConfig.pemText(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
