package io.ottl4j.collector.exporter.otlphttp;

import io.ottl4j.collector.component.CreateSettings;
import io.ottl4j.collector.component.ExporterFactory;
import io.ottl4j.collector.component.Stability;
import io.ottl4j.collector.config.Conf;
import io.ottl4j.collector.exporter.internal.ExporterHelper;
import io.ottl4j.collector.extension.auth.ClientAuth;
import io.ottl4j.collector.internal.tls.TlsConfig;
import io.ottl4j.otlp.OtlpJson;
import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.pdata.Signal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The {@code otlp_http} exporter (alias {@code otlphttp}): OTLP over HTTP with the JDK client, collector-spec §5.5. */
public final class OtlpHttpExporterFactory implements ExporterFactory<OtlpHttpExporterFactory.Config> {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OtlpHttpExporterFactory.class.getName());

    public record Config(String endpoint, Map<Signal, String> signalEndpoints, String encoding, String compression, Map<String, String> headers,
            ExporterHelper.Settings helper, TlsConfig tls, io.ottl4j.collector.component.ComponentId auth, int compressionLevel,
            boolean cookies, boolean forceHttp2) {
        public Config(String endpoint, Map<Signal, String> signalEndpoints, String encoding, String compression, Map<String, String> headers,
                ExporterHelper.Settings helper, TlsConfig tls, io.ottl4j.collector.component.ComponentId auth) {
            this(endpoint, signalEndpoints, encoding, compression, headers, helper, tls, auth, 0, false, true);
        }

        public Config(String endpoint, Map<Signal, String> signalEndpoints, String encoding, String compression, Map<String, String> headers,
                ExporterHelper.Settings helper, TlsConfig tls) {
            this(endpoint, signalEndpoints, encoding, compression, headers, helper, tls, null);
        }

        public Config(String endpoint, Map<Signal, String> signalEndpoints, String encoding, String compression, Map<String, String> headers,
                ExporterHelper.Settings helper) {
            this(endpoint, signalEndpoints, encoding, compression, headers, helper, null);
        }

        public String url(Signal s) {
            String override = signalEndpoints.get(s);
            if (override != null && !override.isEmpty()) {
                return override;
            }
            String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
            return base + switch (s) {
                case TRACES -> "/v1/traces";
                case METRICS -> "/v1/metrics";
                case LOGS -> "/v1/logs";
                case PROFILES -> "/v1development/profiles";
            };
        }
    }

    @Override
    public String type() {
        return "otlp_http";
    }

    @Override
    public List<String> aliases() {
        return List.of("otlphttp");
    }

    @Override
    public String description() {
        return "sends OTLP over HTTP (protobuf or JSON)";
    }

    @Override
    public Map<Signal, Stability> stability() {
        return Map.of(Signal.TRACES, Stability.STABLE, Signal.METRICS, Stability.STABLE, Signal.LOGS, Stability.STABLE,
                Signal.PROFILES, Stability.ALPHA);
    }

    @Override
    public Config decode(Conf c) {
        String endpoint = c.string("endpoint", "");
        Map<Signal, String> per = new java.util.EnumMap<>(Signal.class);
        per.put(Signal.TRACES, c.string("traces_endpoint", ""));
        per.put(Signal.METRICS, c.string("metrics_endpoint", ""));
        per.put(Signal.LOGS, c.string("logs_endpoint", ""));
        per.put(Signal.PROFILES, c.string("profiles_endpoint", ""));
        // upstream: any one of them is enough; a signal without its URL fails when its pipeline creates the exporter
        if (endpoint.isEmpty() && per.values().stream().allMatch(String::isEmpty)) {
            c.error("endpoint", "at least one endpoint must be specified");
        }
        for (String key : List.of("endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint", "profiles_endpoint")) {
            String u = c.string(key, "");
            String shown = c.sensitive(key) ? "<from environment>" : u;
            if (!u.isEmpty() && !validUrl(u)) {
                c.error(key, key + " must be a valid URL: \"" + shown + "\"");
            } else if (!u.isEmpty() && !u.startsWith("http://") && !u.startsWith("https://")) {
                // upstream only parses the URL here (a placeholder such as CHANGEME passes) and every send then fails
                LOG.warning(() -> c.pathOf(key) + ": \"" + shown + "\" is not an http:// or https:// URL; every export to it will fail");
            }
        }
        String encoding = c.string("encoding", "proto");
        if (!encoding.equals("proto") && !encoding.equals("json")) {
            c.error("encoding", "invalid encoding \"" + encoding + "\": use proto or json");
        }
        HttpCompression compression = HttpCompression.decode(c);
        Map<String, String> headers = c.mapList("headers");
        TlsConfig tls = TlsConfig.decodeClient(c);
        for (String k : List.of("read_buffer_size", "write_buffer_size", "max_idle_conns", "max_idle_conns_per_host", "max_conns_per_host",
                "idle_conn_timeout", "disable_keep_alives", "http2_read_idle_timeout", "http2_ping_timeout", "proxy_url")) {
            c.has(k);
        }
        var auth = io.ottl4j.collector.extension.auth.AuthSettings.decode(c);
        ExporterHelper.Settings helper = ExporterHelper.decode(c, Duration.ofSeconds(30));
        // confighttp's cookies: a cookie jar per client (what the server sets is sent back on later requests)
        Conf cookies = c.child("cookies");
        boolean cookieJar = cookies.bool("enabled", c.present("cookies"));
        cookies.finish();
        // force_attempt_http2 (upstream's default: true): HTTP/2 negotiated by ALPN on https, HTTP/1.1 otherwise, as Go's transport
        boolean http2 = c.bool("force_attempt_http2", true);
        return new Config(endpoint, per, encoding, compression.type(), headers, helper, tls, auth, compression.level(), cookieJar, http2);
    }

    /** What Go's url.Parse accepts, near enough: any URI reference that parses. */
    private static boolean validUrl(String u) {
        try {
            new URI(u);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public Exporter create(CreateSettings settings, Config config, Signal signal) throws IOException, java.security.GeneralSecurityException {
        String target = config.url(signal);
        HttpClient.Builder cb = HttpClient.newBuilder()
                .version(config.forceHttp2() && target.startsWith("https://") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (config.cookies()) {
            cb.cookieHandler(new java.net.CookieManager());
        }
        if (config.tls() != null) {
            // used for https:// URLs only; the JDK's trust store unless ca_file is set
            cb.sslContext(config.tls().clientContext()).sslParameters(config.tls().clientParameters());
        }
        if (config.endpoint().isEmpty() && config.signalEndpoints().getOrDefault(signal, "").isEmpty()) {
            String name = signal.name().toLowerCase(java.util.Locale.ROOT);
            throw new IllegalArgumentException("no endpoint for " + name + ": set endpoint or " + name + "_endpoint");
        }
        HttpClient client = cb.build();
        URI uri = URI.create(config.url(signal));
        HttpCompression compression = new HttpCompression(config.compression(), config.compressionLevel());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean sendable = scheme.equals("http") || scheme.equals("https");
        ClientAuth auth = ClientAuth.of(config.auth());
        ExporterHelper.Sender sender = (batch, timeout) -> {
            Map<String, String> headers;
            try {
                headers = ClientAuth.headers(auth, config.headers());
            } catch (IOException e) {
                throw new ExporterHelper.SendException("failed to authenticate the request: " + e.getMessage(), true, null, e);
            }
            boolean json = config.encoding().equals("json");
            byte[] body = json ? OtlpJson.write(batch) : OtlpProto.encode(batch);
            if (!sendable) {
                // as Go's client: the request cannot be made, which no retry changes
                throw new ExporterHelper.SendException("failed to make an HTTP request: Post \"" + uri + "\": unsupported protocol scheme \""
                        + scheme + "\"", false, null, null);
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).header("Content-Type", json ? "application/json" : "application/x-protobuf")
                    .header("User-Agent", "ottl4j-collector/" + settings.buildVersion());
            if (compression.compressed()) {
                try {
                    body = compression.encode(body);
                } catch (IOException e) {
                    throw new ExporterHelper.SendException("failed to compress the request: " + e.getMessage(), false, null, e);
                }
                rb.header("Content-Encoding", compression.type());
            }
            headers.forEach(rb::header);
            if (!timeout.isZero()) {
                rb.timeout(timeout);
            }
            HttpResponse<byte[]> resp;
            try {
                resp = client.send(rb.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // as upstream: 'Post "<url>": <cause>', never a bare "null" (HttpClient's ConnectException has no message)
                throw new ExporterHelper.SendException("failed to make an HTTP request: Post \"" + uri + "\": " + requestFailure(e), true, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExporterHelper.SendException("interrupted", false, null, e);
            }
            int status = resp.statusCode();
            if (status >= 200 && status < 300) {
                partialSuccess(resp, json, signal, settings);
                return;
            }
            boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
            Duration after = retryable ? retryAfter(resp.headers().firstValue("Retry-After").orElse(null)) : null;
            throw new ExporterHelper.SendException("error exporting items, request to " + uri + " responded with HTTP Status Code " + status,
                    retryable, after, null);
        };
        return ClientAuth.wrap(auth, ExporterHelper.exporter(settings, config.helper(), signal, sender, client::close, null));
    }

    /**
     * A 2xx body is an Export*ServiceResponse; a non-empty {@code partial_success} is logged and not retried
     * (collector-spec §5.5). A body that does not parse is a permanent error, as upstream since v0.156.
     */
    private static void partialSuccess(HttpResponse<byte[]> resp, boolean requestedJson, Signal signal, CreateSettings settings)
            throws ExporterHelper.SendException {
        byte[] body = resp.body();
        if (body == null || body.length == 0) {
            return;
        }
        String type = resp.headers().firstValue("Content-Type").orElse(requestedJson ? "application/json" : "application/x-protobuf");
        long rejected = 0;
        String message = "";
        try {
            if (type.startsWith("application/json")) {
                try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(body)) {
                    if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        throw new IOException("not a JSON object");
                    }
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if ((f.equals("partialSuccess") || f.equals("partial_success")) && p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                                String g = p.currentName();
                                p.nextToken();
                                if (g.startsWith("rejected")) {
                                    rejected = Long.parseLong(p.getValueAsString("0")); // int64 may come as a string
                                } else if (g.equals("errorMessage") || g.equals("error_message")) {
                                    message = p.getValueAsString("");
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            } else if (type.startsWith("application/x-protobuf")) {
                com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(body);
                for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                    if (tag == (1 << 3 | 2)) { // partial_success
                        com.google.protobuf.CodedInputStream ps = com.google.protobuf.CodedInputStream.newInstance(in.readByteArray());
                        for (int t = ps.readTag(); t != 0; t = ps.readTag()) {
                            if (t == (1 << 3)) {
                                rejected = ps.readInt64();
                            } else if (t == (2 << 3 | 2)) {
                                message = ps.readStringRequireUtf8();
                            } else {
                                ps.skipField(t);
                            }
                        }
                    } else {
                        in.skipField(tag);
                    }
                }
            } else {
                return; // not an OTLP content type (e.g. a proxy's text/plain "OK"): nothing to read
            }
        } catch (IOException | RuntimeException e) {
            throw new ExporterHelper.SendException("failed to parse the export response: " + e.getMessage(), false, null, e);
        }
        if (rejected != 0 || !message.isEmpty()) {
            String items = switch (signal) {
                case TRACES -> "dropped_spans";
                case METRICS -> "dropped_data_points";
                case LOGS -> "dropped_log_records";
                case PROFILES -> "dropped_samples";
            };
            settings.logger(signal).warning("Partial success response: message=\"" + message + "\" " + items + "=" + rejected);
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(), t);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ex) {
                return null;
            }
        }
    }


    /** What went wrong with a request, named: the first cause with a message, with the kind of failure. */
    static String requestFailure(Throwable e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timeout: " + (e.getMessage() == null ? "request timed out" : e.getMessage());
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException) {
                return "connection refused" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            }
            if (c instanceof java.nio.channels.UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                return "no such host" + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")");
            }
        }
        return io.ottl4j.collector.internal.Faults.describe(e);
    }
}
