package io.ottl4j.language.function.std.internal;

import net.openhft.hashing.LongHashFunction;
import net.openhft.hashing.LongTupleHashFunction;

/** The non-cryptographic hashes of the hash converters, bit-exact with the Go libraries upstream uses. */
public final class HashAlgorithms {
    private HashAlgorithms() {
    }

    private static final LongHashFunction XXH3 = LongHashFunction.xx3();
    private static final LongTupleHashFunction XXH128 = LongTupleHashFunction.xx128();
    private static final LongTupleHashFunction MURMUR3_128 = LongTupleHashFunction.murmur_3();

    /** FNV-1a, 64 bits (Go's hash/fnv New64a), as a signed long. */
    public static long fnv1a64(byte[] data) {
        long h = 0xcbf29ce484222325L;
        for (byte b : data) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3 x86 32-bit with seed 0. */
    public static int murmur3x86x32(byte[] data) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h = 0;
        int n = data.length / 4;
        for (int i = 0; i < n; i++) {
            int k = (data[4 * i] & 0xff) | (data[4 * i + 1] & 0xff) << 8 | (data[4 * i + 2] & 0xff) << 16
                    | (data[4 * i + 3] & 0xff) << 24;
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = 4 * n;
        int k = 0;
        switch (data.length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                k ^= data[tail] & 0xff;
                k *= c1;
                k = Integer.rotateLeft(k, 15);
                k *= c2;
                h ^= k;
                break;
            default:
                break;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** MurmurHash3 x64 128-bit with seed 0: {h1, h2}. */
    public static long[] murmur3x64x128(byte[] data) {
        return MURMUR3_128.hashBytes(data);
    }

    /** XXH3 64-bit, seed 0. */
    public static long xxh3(byte[] data) {
        return XXH3.hashBytes(data);
    }

    /** XXH3 128-bit, seed 0: {low, high}. */
    public static long[] xxh128(byte[] data) {
        return XXH128.hashBytes(data);
    }

    // ------------------------------------------------------------------ IP addresses (Go's net.ParseIP)

    /**
     * Go's {@code net.ParseIP} followed by {@code To4}: 4 bytes for IPv4 (also when written as an
     * IPv4-mapped IPv6 address), 16 for other IPv6, null when the text is not an address. Never resolves
     * names.
     */
    public static byte[] parseGoIp(String s) {
        byte[] v4 = parseIPv4(s);
        if (v4 != null) {
            return v4;
        }
        byte[] v6 = parseIPv6(s);
        if (v6 == null) {
            return null;
        }
        return toV4(v6);
    }

    /** The 4-byte form of an IPv4-mapped IPv6 address, else the address itself. */
    static byte[] toV4(byte[] ip) {
        if (ip.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (ip[i] != 0) {
                    return ip;
                }
            }
            if (ip[10] == (byte) 0xff && ip[11] == (byte) 0xff) {
                return new byte[] {ip[12], ip[13], ip[14], ip[15]};
            }
        }
        return ip;
    }

    static byte[] parseIPv4(String s) {
        byte[] out = new byte[4];
        int i = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= s.length() || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
            int start = i;
            int n = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 4) {
                n = n * 10 + (s.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 3 || n > 255 || (len > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part] = (byte) n;
        }
        return i == s.length() ? out : null;
    }

    static byte[] parseIPv6(String s) {
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int i = 0;
        if (s.startsWith("::")) {
            ellipsis = 0;
            i = 2;
            if (i == s.length()) {
                return ip;
            }
        }
        int j = 0;
        while (j < 16) {
            int start = i;
            int n = 0;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128 && i - start < 5) {
                n = n * 16 + Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i == start || i - start > 4) {
                return null;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                // an embedded IPv4 address ends the text
                if (ellipsis < 0 && j != 12) {
                    return null;
                }
                if (j + 4 > 16) {
                    return null;
                }
                byte[] v4 = parseIPv4(s.substring(start));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, ip, j, 4);
                i = s.length();
                j += 4;
                break;
            }
            ip[j] = (byte) (n >> 8);
            ip[j + 1] = (byte) n;
            j += 2;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != ':' || i + 1 == s.length()) {
                return null;
            }
            i++;
            if (s.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = j;
                i++;
                if (i == s.length()) {
                    break;
                }
            }
        }
        if (i != s.length()) {
            return null;
        }
        if (j < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = 16 - j;
            for (int k = j - 1; k >= ellipsis; k--) {
                ip[k + n] = ip[k];
            }
            for (int k = ellipsis + n - 1; k >= ellipsis; k--) {
                ip[k] = 0;
            }
        } else if (ellipsis >= 0) {
            return null; // an ellipsis must stand for at least one group
        }
        return ip;
    }

    /** A network of Go's {@code net.ParseCIDR}: the masked address (4 or 16 bytes) and the prefix length. */
    public record Cidr(byte[] network, int bits) {
        public boolean contains(byte[] ip) {
            if (ip.length != network.length) {
                return false;
            }
            for (int i = 0; i < ip.length; i++) {
                int maskBits = Math.max(0, Math.min(8, bits - 8 * i));
                int mask = (0xff << (8 - maskBits)) & 0xff;
                if ((ip[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Go's {@code net.ParseCIDR}; null when invalid. */
    public static Cidr parseCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String addr = s.substring(0, slash);
        String mask = s.substring(slash + 1);
        byte[] ip = parseIPv4(addr);
        if (ip == null) {
            ip = parseIPv6(addr);
        }
        if (ip == null || mask.isEmpty() || mask.length() > 3) {
            return null;
        }
        int n = 0;
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        if (n > ip.length * 8) {
            return null;
        }
        byte[] network = ip.clone();
        for (int i = 0; i < network.length; i++) {
            int maskBits = Math.max(0, Math.min(8, n - 8 * i));
            network[i] &= (byte) ((0xff << (8 - maskBits)) & 0xff);
        }
        return new Cidr(network, n);
    }
}
