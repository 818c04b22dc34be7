package io.ottl4j.collector.processor.k8sattributes.internal;

/** Literal IP checks (Go's {@code net.ParseIP != nil}) without any name resolution. */
final class Ips {
    private Ips() {
    }

    static boolean isIp(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            try {
                // a literal with a colon never triggers a DNS lookup
                return java.net.InetAddress.ofLiteral(s) != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
