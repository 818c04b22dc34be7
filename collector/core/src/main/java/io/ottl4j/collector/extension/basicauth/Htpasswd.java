package io.ottl4j.collector.extension.basicauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** htpasswd entries ({@code user:hash}); the last entry of a user wins. */
final class Htpasswd {
    private final Map<String, String> entries = new HashMap<>();

    Htpasswd(List<String> lines) {
        for (String line : lines) {
            String l = line.strip();
            int colon = l.indexOf(':');
            if (l.isEmpty() || l.startsWith("#") || colon <= 0) {
                continue;
            }
            entries.put(l.substring(0, colon), l.substring(colon + 1));
        }
    }

    boolean matches(String user, String password) {
        String hash = entries.get(user);
        if (hash == null) {
            return false;
        }
        if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
            try {
                // Bouncy Castle reads $2a$ and $2b$; $2y$ (PHP's name for the fixed algorithm) is the same hash as $2b$
                String h = hash.startsWith("$2y$") ? "$2b$" + hash.substring(4) : hash;
                return OpenBSDBCrypt.checkPassword(h, password.toCharArray());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (hash.startsWith("{SHA}")) {
            return equal(hash.substring(5), Base64.getEncoder().encodeToString(digest("SHA-1", password.getBytes(StandardCharsets.UTF_8))));
        }
        if (hash.startsWith("$apr1$")) {
            String rest = hash.substring(6);
            int end = rest.indexOf('$');
            return end >= 0 && equal(hash, AprMd5.crypt(password, rest.substring(0, end)));
        }
        return equal(hash, password); // plain text
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
