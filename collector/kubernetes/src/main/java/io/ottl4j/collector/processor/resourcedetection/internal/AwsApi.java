package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The EC2 query API (DescribeTags, DescribeInstances) signed with AWS Signature Version 4, as the AWS SDK's default
 * chain would sign it: credentials from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN},
 * else a web identity ({@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_ARN}: EKS IRSA) exchanged with STS
 * AssumeRoleWithWebIdentity, else the container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} /
 * {@code _RELATIVE_URI}: EKS Pod Identity, ECS task roles), else the instance profile from IMDS. The endpoints honour
 * {@code AWS_ENDPOINT_URL_EC2} / {@code AWS_ENDPOINT_URL_STS} and {@code AWS_ENDPOINT_URL}.
 */
final class AwsApi {
    record Credentials(String accessKey, String secretKey, String sessionToken) {
    }

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Setup setup;
    private final MetadataClient http;
    private final Imds imds;
    private final String region;

    AwsApi(Setup setup, MetadataClient http, Imds imds, String region) {
        this.setup = setup;
        this.http = http;
        this.imds = imds;
        this.region = region;
    }

    /** The {@code <item>}s of an EC2 query API answer's first list named {@code list}, each as key → text of its child elements. */
    List<Map<String, String>> ec2(Map<String, String> params, String list) throws Exception {
        String endpoint = first(setup.var("AWS_ENDPOINT_URL_EC2"), setup.var("AWS_ENDPOINT_URL"), "https://ec2." + region + ".amazonaws.com");
        Map<String, String> query = new TreeMap<>(params);
        query.put("Version", "2016-11-15");
        URI uri = URI.create(MetadataClient.base(endpoint, "") + "/?" + queryString(query));
        Map<String, String> headers = new LinkedHashMap<>();
        sign("GET", uri, headers, credentials(), region, "ec2", Instant.now());
        headers.remove("host"); // the JDK client sets it (a restricted header)
        return items(xml(http.send("GET", uri.toString(), headers), params.get("Action")), list);
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder qs = new StringBuilder();
        query.forEach((k, v) -> qs.append(qs.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return qs.toString();
    }

    private static Document xml(MetadataClient.Response r, String action) throws Exception {
        if (!r.ok()) {
            throw new IllegalStateException("AWS API " + action + ": HTTP " + r.status() + " " + r.body().trim());
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Map<String, String>> items(Document doc, String list) {
        List<Map<String, String>> out = new ArrayList<>();
        NodeList sets = doc.getElementsByTagName(list);
        if (sets.getLength() == 0) {
            return out;
        }
        NodeList items = ((Element) sets.item(0)).getChildNodes();
        for (int i = 0; i < items.getLength(); i++) {
            if (items.item(i) instanceof Element item && item.getTagName().equals("item")) {
                Map<String, String> m = new LinkedHashMap<>();
                NodeList fields = item.getChildNodes();
                for (int j = 0; j < fields.getLength(); j++) {
                    if (fields.item(j) instanceof Element e) {
                        m.put(e.getTagName(), e.getTextContent());
                    }
                }
                out.add(m);
            }
        }
        return out;
    }

    Credentials credentials() throws Exception {
        String key = setup.var("AWS_ACCESS_KEY_ID");
        String secret = setup.var("AWS_SECRET_ACCESS_KEY");
        if (!key.isEmpty() && !secret.isEmpty()) {
            return new Credentials(key, secret, setup.var("AWS_SESSION_TOKEN"));
        }
        String webIdentity = setup.var("AWS_WEB_IDENTITY_TOKEN_FILE");
        if (!webIdentity.isEmpty() && !setup.var("AWS_ROLE_ARN").isEmpty()) {
            return assumeRoleWithWebIdentity(Files.readString(Path.of(webIdentity)).trim());
        }
        String full = setup.var("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        String relative = setup.var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (!full.isEmpty() || !relative.isEmpty()) {
            String url = !full.isEmpty() ? full : "http://169.254.170.2" + relative;
            String token = setup.var("AWS_CONTAINER_AUTHORIZATION_TOKEN");
            String tokenFile = setup.var("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
            if (!tokenFile.isEmpty()) {
                token = Files.readString(Path.of(tokenFile)).trim();
            }
            return parse(http.getJson(url, token.isEmpty() ? Map.of() : Map.of("Authorization", token)));
        }
        String role = imds.get("iam/security-credentials/").lines().findFirst().orElse("").trim();
        if (role.isEmpty()) {
            throw new IllegalStateException("no AWS credentials: no environment keys, container credentials or instance profile");
        }
        return parse(MetadataClient.json(imds.get("iam/security-credentials/" + role)));
    }

    /** STS AssumeRoleWithWebIdentity: an unsigned call, the token is the proof. */
    private Credentials assumeRoleWithWebIdentity(String token) throws Exception {
        String session = first(setup.var("AWS_ROLE_SESSION_NAME"), "ottl4j-resourcedetection");
        String endpoint = first(setup.var("AWS_ENDPOINT_URL_STS"), setup.var("AWS_ENDPOINT_URL"),
                region.isEmpty() ? "https://sts.amazonaws.com" : "https://sts." + region + ".amazonaws.com");
        Map<String, String> query = new TreeMap<>(Map.of("Action", "AssumeRoleWithWebIdentity", "RoleArn", setup.var("AWS_ROLE_ARN"),
                "RoleSessionName", session, "WebIdentityToken", token, "Version", "2011-06-15"));
        Document doc = xml(http.send("GET", MetadataClient.base(endpoint, "") + "/?" + queryString(query), Map.of()), "AssumeRoleWithWebIdentity");
        Element c = (Element) doc.getElementsByTagName("Credentials").item(0);
        if (c == null) {
            throw new IllegalStateException("AssumeRoleWithWebIdentity answered without credentials");
        }
        return new Credentials(text(c, "AccessKeyId"), text(c, "SecretAccessKey"), text(c, "SessionToken"));
    }

    private static String text(Element parent, String name) {
        NodeList n = parent.getElementsByTagName(name);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }

    private static Credentials parse(JsonNode c) {
        return new Credentials(c.path("AccessKeyId").asText(""), c.path("SecretAccessKey").asText(""), c.path("Token").asText(""));
    }

    /** Adds {@code host}, {@code x-amz-date}, the session token and {@code Authorization} to {@code headers} (lower-case names). */
    static void sign(String method, URI uri, Map<String, String> headers, Credentials creds, String region, String service, Instant now) throws Exception {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        headers.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        headers.put("x-amz-date", amzDate);
        if (!creds.sessionToken().isEmpty()) {
            headers.put("x-amz-security-token", creds.sessionToken());
        }
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((k, v) -> signed.put(k.toLowerCase(java.util.Locale.ROOT), v.trim()));
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", signed.keySet());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String canonical = method + "\n" + path + "\n" + canonicalQuery(uri.getRawQuery()) + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
                + hex(sha256(new byte[0]));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + creds.accessKey() + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + hex(hmac(key, toSign)));
    }

    /** The query's parameters sorted by name (they arrive encoded already). */
    private static String canonicalQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            sorted.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
        }
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return b.toString();
    }

    /** RFC 3986 encoding, as SigV4 wants it. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
