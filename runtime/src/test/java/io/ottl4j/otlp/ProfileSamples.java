package io.ottl4j.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.profiles.v1development.AggregationTemporality;
import io.opentelemetry.proto.profiles.v1development.Function;
import io.opentelemetry.proto.profiles.v1development.KeyValueAndUnit;
import io.opentelemetry.proto.profiles.v1development.Line;
import io.opentelemetry.proto.profiles.v1development.Link;
import io.opentelemetry.proto.profiles.v1development.Location;
import io.opentelemetry.proto.profiles.v1development.Mapping;
import io.opentelemetry.proto.profiles.v1development.Profile;
import io.opentelemetry.proto.profiles.v1development.ProfilesDictionary;
import io.opentelemetry.proto.profiles.v1development.ResourceProfiles;
import io.opentelemetry.proto.profiles.v1development.Sample;
import io.opentelemetry.proto.profiles.v1development.ScopeProfiles;
import io.opentelemetry.proto.profiles.v1development.Stack;
import io.opentelemetry.proto.profiles.v1development.ValueType;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * A small but complete OTLP profiles request (every dictionary table, a profile with samples, attributes, a link), as
 * an eBPF profiler would send it; shared with the language and collector tests through runtime's test-jar.
 */
public final class ProfileSamples {
    private ProfileSamples() {}

    /** One CPU profile of {@code service} with two samples; the profile carries attribute {@code thread.name=main}. */
    public static ExportProfilesServiceRequest request(String service) {
        ProfilesDictionary dict = ProfilesDictionary.newBuilder()
                // 0 "", 1 samples, 2 count, 3 cpu, 4 nanoseconds, 5 main, 6 Main.java, 7 libjvm.so, 8 thread.name, 9 run, 10 a comment
                .addAllStringTable(java.util.List.of("", "samples", "count", "cpu", "nanoseconds", "main", "Main.java", "libjvm.so",
                        "thread.name", "run", "a comment"))
                .addMappingTable(Mapping.getDefaultInstance())
                .addMappingTable(Mapping.newBuilder().setMemoryStart(0x1000).setMemoryLimit(0x9000).setFileOffset(0x10)
                        .setFilenameStrindex(7))
                .addFunctionTable(Function.getDefaultInstance())
                .addFunctionTable(Function.newBuilder().setNameStrindex(5).setSystemNameStrindex(5).setFilenameStrindex(6).setStartLine(3))
                .addFunctionTable(Function.newBuilder().setNameStrindex(9).setFilenameStrindex(6).setStartLine(10))
                .addLocationTable(Location.getDefaultInstance())
                .addLocationTable(Location.newBuilder().setMappingIndex(1).setAddress(0x1234)
                        .addLine(Line.newBuilder().setFunctionIndex(1).setLine(5).setColumn(2)))
                .addLocationTable(Location.newBuilder().setMappingIndex(1).setAddress(0x2345)
                        .addLine(Line.newBuilder().setFunctionIndex(2).setLine(12)).addAttributeIndices(1))
                .addStackTable(Stack.getDefaultInstance())
                .addStackTable(Stack.newBuilder().addLocationIndices(2).addLocationIndices(1))
                .addStackTable(Stack.newBuilder().addLocationIndices(1))
                .addLinkTable(Link.getDefaultInstance())
                .addLinkTable(Link.newBuilder().setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
                        .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .addAttributeTable(KeyValueAndUnit.newBuilder().setValue(AnyValue.getDefaultInstance())) // pdata writes value always
                .addAttributeTable(KeyValueAndUnit.newBuilder().setKeyStrindex(8).setValue(AnyValue.newBuilder().setStringValue("main")))
                .build();
        Profile profile = Profile.newBuilder()
                .setSampleType(ValueType.newBuilder().setTypeStrindex(1).setUnitStrindex(2)
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA))
                .addSample(Sample.newBuilder().setStackIndex(1).addValues(3).addAttributeIndices(1).setLinkIndex(1))
                .addSample(Sample.newBuilder().setStackIndex(2).addValues(1).addTimestampsUnixNano(1_700_000_000_500_000_000L))
                .setTimeUnixNano(1_700_000_000_000_000_000L)
                .setDurationNano(1_000_000_000L)
                .setPeriodType(ValueType.newBuilder().setTypeStrindex(3).setUnitStrindex(4))
                .setPeriod(10_000_000L)
                .addCommentStrindices(10)
                .setProfileId(ByteString.copyFrom(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1}))
                .setDroppedAttributesCount(2)
                .setOriginalPayloadFormat("pprof")
                .setOriginalPayload(ByteString.copyFromUtf8("payload"))
                .addAttributeIndices(1)
                .build();
        return ExportProfilesServiceRequest.newBuilder()
                .setDictionary(dict)
                .addResourceProfiles(ResourceProfiles.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                                .setValue(AnyValue.newBuilder().setStringValue(service))))
                        .setSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
                        .addScopeProfiles(ScopeProfiles.newBuilder()
                                .setScope(InstrumentationScope.newBuilder().setName("ebpf-profiler").setVersion("1.0"))
                                .addProfiles(profile)))
                .build();
    }
}
