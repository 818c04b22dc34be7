/**
 * Datadog: what the datadog connector and exporter share. {@code mapping} turns OTel spans into Datadog
 * spans (service, resource, operation name, type, top-level, measured) and resolves hostnames and tags;
 * {@code stats} aggregates Datadog spans into APM stats (the agent's concentrator); {@code pb} holds the
 * classes protoc generates from the agent-payload schemas in {@code src/main/protobuf}.
 */
package io.ottl4j.collector.datadog;
