package io.ottl4j.language.function.std;

import io.ottl4j.pdata.AttributeList;
import io.ottl4j.pdata.AttributeMap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * URL parsing with the rules of Go's {@code net/url.Parse} (scheme, opaque, authority with user info and
 * port, percent-decoding of path, user info and fragment, re-serialisation as {@code URL.String()}),
 * mapped to the semantic-convention keys upstream's URL converter returns.
 */
final class WebUrl {
    private WebUrl() {
    }

    private enum Mode { PATH, HOST, USER, FRAGMENT, QUERY_COMPONENT }

    /** Parses {@code value}; throws IllegalArgumentException with Go's reason when it is not a URL. */
    static AttributeMap parse(String value) {
        if (value.startsWith("?")) {
            return parseQueryOnly(value.substring(1));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("parse \"" + value + "\": net/url: invalid control character in URL");
            }
        }
        int hash = value.indexOf('#');
        String rest = hash < 0 ? value : value.substring(0, hash);
        String rawFragment = hash < 0 ? "" : value.substring(hash + 1);

        String scheme = "";
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            } else if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
            } else if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("parse \"" + rest + "\": missing protocol scheme");
                }
                scheme = rest.substring(0, i).toLowerCase(Locale.ROOT);
                rest = rest.substring(i + 1);
                break;
            } else {
                break;
            }
        }
        boolean forceQuery = false;
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        String opaque = "";
        String host = "";
        String username = null;
        String password = null;
        boolean omitHost = false;
        String rawPath = "";
        if (!rest.startsWith("/") && !scheme.isEmpty()) {
            opaque = rest;
        } else {
            if (!rest.startsWith("/")) {
                int slash = rest.indexOf('/');
                if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                    throw new IllegalArgumentException("parse \"" + value + "\": first path segment in URL cannot contain colon");
                }
            }
            if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
                String authority = rest.substring(2);
                int slash = authority.indexOf('/');
                rest = slash < 0 ? "" : authority.substring(slash);
                authority = slash < 0 ? authority : authority.substring(0, slash);
                int at = authority.lastIndexOf('@');
                host = parseHost(at < 0 ? authority : authority.substring(at + 1), value);
                if (at >= 0) {
                    String userinfo = authority.substring(0, at);
                    if (!userinfo.matches("[A-Za-z0-9\\-._:~!$&'()*+,;=%@]*")) {
                        throw new IllegalArgumentException("parse \"" + value + "\": net/url: invalid userinfo");
                    }
                    int colon = userinfo.indexOf(':');
                    username = unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Mode.USER, value);
                    password = colon < 0 ? null : unescape(userinfo.substring(colon + 1), Mode.USER, value);
                }
            } else if (!scheme.isEmpty() && rest.startsWith("/")) {
                omitHost = true;
            }
            rawPath = rest;
        }
        String path = unescape(rawPath, Mode.PATH, value);
        String fragment = unescape(rawFragment, Mode.FRAGMENT, value);

        AttributeMap m = new AttributeMap();
        StringBuilder original = new StringBuilder();
        if (!scheme.isEmpty()) {
            original.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            original.append(opaque);
        } else {
            if ((!scheme.isEmpty() || !host.isEmpty() || username != null) && !(omitHost && host.isEmpty() && username == null)) {
                if (!host.isEmpty() || !path.isEmpty() || username != null) {
                    original.append("//");
                }
                if (username != null) {
                    original.append(escape(username, Mode.USER));
                    if (password != null) {
                        original.append(':').append(escape(password, Mode.USER));
                    }
                    original.append('@');
                }
                original.append(escape(host, Mode.HOST));
            }
            String escapedPath = validEncoded(rawPath, Mode.PATH) ? rawPath : escape(path, Mode.PATH);
            if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
                original.append('/');
            }
            if (original.isEmpty()) {
                int slash = escapedPath.indexOf('/');
                if ((slash < 0 ? escapedPath : escapedPath.substring(0, slash)).contains(":")) {
                    original.append("./");
                }
            }
            original.append(escapedPath);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            original.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            original.append('#').append(validEncoded(rawFragment, Mode.FRAGMENT) ? rawFragment : escape(fragment, Mode.FRAGMENT));
        }

        m.put("url.original", original.toString());
        String hostname = host;
        String port = "";
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(host.substring(colon))) {
            hostname = host.substring(0, colon);
            port = host.substring(colon + 1);
        }
        if (hostname.startsWith("[") && hostname.endsWith("]")) {
            hostname = hostname.substring(1, hostname.length() - 1);
        }
        m.put("url.domain", hostname);
        m.put("url.scheme", scheme);
        m.put("url.path", path);
        if (!port.isEmpty()) {
            try {
                m.put("url.port", Long.parseLong(port));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strconv.Atoi: parsing \"" + port + "\": value out of range");
            }
        }
        if (!fragment.isEmpty()) {
            m.put("url.fragment", fragment);
        }
        if (username != null) {
            String info = escape(username, Mode.USER) + (password != null ? ":" + escape(password, Mode.USER) : "");
            m.put("url.user_info", info);
            if (!username.isEmpty()) {
                m.put("url.username", username);
            }
            if (password != null) {
                m.put("url.password", password);
            }
        }
        if (!rawQuery.isEmpty()) {
            m.put("url.query", rawQuery);
        }
        int dot = path.lastIndexOf('.');
        if (dot >= 0 && dot < path.length() - 1) {
            m.put("url.extension", path.substring(dot + 1));
        }
        return m;
    }

    /** A value starting with '?' is read as a bare query string: {"query": {key: [values]}}. */
    private static AttributeMap parseQueryOnly(String query) {
        AttributeMap params = new AttributeMap();
        String firstError = null;
        for (String part : query.split("&", -1)) {
            if (part.contains(";")) {
                firstError = firstError == null ? "invalid semicolon separator in query" : firstError;
                continue;
            }
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                String k = unescape(eq < 0 ? part : part.substring(0, eq), Mode.QUERY_COMPONENT, query);
                String v = unescape(eq < 0 ? "" : part.substring(eq + 1), Mode.QUERY_COMPONENT, query);
                AttributeList list = params.get(k) instanceof AttributeList l ? l : params.putEmptyList(k);
                list.add(v);
            } catch (IllegalArgumentException e) {
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        if (firstError != null) {
            throw new IllegalArgumentException(firstError);
        }
        AttributeMap m = new AttributeMap();
        if (params.size() > 0) {
            m.put("query", params);
        }
        return m;
    }

    private static String parseHost(String host, String whole) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("parse \"" + whole + "\": missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new IllegalArgumentException("parse \"" + whole + "\": invalid port \"" + colonPort + "\" after host");
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new IllegalArgumentException("parse \"" + whole + "\": invalid port \"" + host.substring(colon)
                        + "\" after host");
            }
        }
        return unescape(host, Mode.HOST, whole);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == Mode.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case USER -> c == '@' || c == '/' || c == '?' || c == ':';
                case PATH -> c == '?';
                case FRAGMENT -> false;
                default -> true;
            };
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    private static String unescape(String s, Mode mode, String whole) {
        if (s.indexOf('%') < 0 && !(mode == Mode.QUERY_COMPONENT && s.indexOf('+') >= 0)) {
            if (mode == Mode.HOST) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 0x80 && shouldEscape(c, mode)) {
                        throw new IllegalArgumentException("parse \"" + whole + "\": invalid character \"" + c + "\" in host name");
                    }
                }
            }
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
                    String bad = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
                    throw new IllegalArgumentException("parse \"" + whole + "\": invalid URL escape \"" + bad + "\"");
                }
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else if (b == '+' && mode == Mode.QUERY_COMPONENT) {
                out.write(' ');
            } else {
                if (mode == Mode.HOST && b >= 0 && shouldEscape(b, mode)) {
                    throw new IllegalArgumentException("parse \"" + whole + "\": invalid character \"" + (char) b + "\" in host name");
                }
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String s, Mode mode) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (shouldEscape(c, mode) && !(mode == Mode.HOST && c >= 0x80)) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                sb.append((char) c);
            }
        }
        return mode == Mode.HOST && !s.chars().allMatch(ch -> ch < 0x80) ? s : sb.toString();
    }

    private static boolean validEncoded(String s, Mode mode) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
                continue;
            }
            if (c >= 0x80 || shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }
}
