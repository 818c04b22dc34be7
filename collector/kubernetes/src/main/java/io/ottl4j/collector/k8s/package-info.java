/** Kubernetes and host enrichment: k8sattributes, resourcedetection (with the k8snode detector), and the shared Kubernetes client. */
package io.ottl4j.collector.k8s;
