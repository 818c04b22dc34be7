/** Datadog: the datadog connector (APM stats) and the datadog exporter. */
package io.ottl4j.collector.datadog;
