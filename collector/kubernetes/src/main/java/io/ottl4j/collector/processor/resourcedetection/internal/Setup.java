package io.ottl4j.collector.processor.resourcedetection.internal;

import io.ottl4j.collector.k8s.KubernetesClients;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * What every detector may need from its surroundings: a logger, the processor's {@code fail_on_missing_metadata},
 * the process environment, the file-system root (a prepared directory in tests), the Kubernetes clients, the
 * in-cluster API configuration the detectors without {@code auth_type} use, and the host name source.
 */
public record Setup(Logger log, boolean failOnMissing, UnaryOperator<String> env, Path root, KubernetesClients clients,
        KubernetesClients.ApiConfig inClusterApi, SystemDetector.Names names) {
    /** An environment variable, trimmed; empty when unset. */
    public String var(String name) {
        String v = env.apply(name);
        return v == null ? "" : v.trim();
    }

    public Path file(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** This host's name as the OS knows it (Docker names a container's host after the container). */
    public String hostname() throws Exception {
        return (names == null ? new SystemDetector.OsNames(root) : names).osHostname();
    }
}
