/** The load_balancing exporter: trace-aware routing over a consistent-hash ring with static, dns and k8s resolvers. */
package io.ottl4j.collector.exporter.loadbalancing;
