/** Kubernetes and host enrichment: k8sattributes, resource_detection (with its host, container, cloud and Kubernetes detectors), and the shared Kubernetes client. */
package io.ottl4j.collector.k8s;
