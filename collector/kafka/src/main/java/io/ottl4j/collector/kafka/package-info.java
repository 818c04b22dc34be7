/** Kafka: the kafka exporter and receiver (Apache kafka-clients). */
package io.ottl4j.collector.kafka;
