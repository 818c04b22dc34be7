package io.ottl4j.collector.processor.k8sattributes.internal;

import java.util.Map;

/**
 * What the cache keeps of one pod: the attributes it contributes (already filtered by the extraction rules,
 * in a flat array for cheap copying), its identity, its owners' UIDs for workload labels, and its containers.
 */
public record Pod(String uid, String name, String namespace, String address, boolean hostNetwork, String nodeName, long startMillis,
        String[] keys, String[] values, String replicaSetUid, String deploymentUid, String statefulSetUid, String daemonSetUid, String jobUid,
        Map<String, Container> containersByName, Map<String, Container> containersById, boolean ignore) {

    /**
     * One container: attributes for any run, and per restart count the container ID and image digest.
     * {@code imageTags} is the tag again, set when {@code container.image.tags} (a one-element list) is extracted.
     */
    public record Container(String name, String imageName, String imageTag, String imageTags, String serviceVersion, String serviceInstanceId,
            Map<Integer, Run> runs) {
    }

    public record Run(String containerId, String imageRepoDigest) {
    }

    public String attribute(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }
}
