package io.ottl4j.collector.k8s;

import io.ottl4j.collector.processor.resourcedetection.internal.SystemDetector;

/** Host-name lookups answered without DNS, so end-to-end tests that run resource detection stay on loopback. */
public final class FixedHostNames {
    /** "collector-host", with the FQDN "collector-host.cluster.internal"; cname and lookup return the name given. */
    public static final SystemDetector.Names NO_DNS = new SystemDetector.Names() {
        @Override
        public String osHostname() {
            return "collector-host";
        }

        @Override
        public String fqdn(String hostname) {
            return "collector-host.cluster.internal";
        }

        @Override
        public String cname(String hostname) {
            return hostname;
        }

        @Override
        public String lookup(String hostname) {
            return hostname;
        }
    };

    private FixedHostNames() {
    }
}
