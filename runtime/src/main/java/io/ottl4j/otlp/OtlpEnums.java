package io.ottl4j.otlp;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HashMap;
import java.util.Map;

/** OTLP enum names accepted in JSON ({@code "SPAN_KIND_SERVER"}), taken from the proto descriptors. */
final class OtlpEnums {
    private OtlpEnums() {}

    record Table(String typeName, Map<String, Integer> byName) {}

    static final Table SPAN_KIND = table(Span.SpanKind.getDescriptor());
    static final Table STATUS_CODE = table(Status.StatusCode.getDescriptor());
    static final Table SEVERITY_NUMBER = table(SeverityNumber.getDescriptor());
    static final Table AGGREGATION_TEMPORALITY = table(AggregationTemporality.getDescriptor());
    static final Table PROFILE_AGGREGATION_TEMPORALITY =
            table(io.opentelemetry.proto.profiles.v1development.AggregationTemporality.getDescriptor());

    private static Table table(EnumDescriptor d) {
        Map<String, Integer> m = new HashMap<>();
        for (EnumValueDescriptor v : d.getValues()) {
            m.put(v.getName(), v.getNumber());
        }
        return new Table(d.getName(), Map.copyOf(m));
    }
}
