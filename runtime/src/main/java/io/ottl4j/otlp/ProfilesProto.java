package io.ottl4j.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.opentelemetry.proto.profiles.v1development.Function;
import io.opentelemetry.proto.profiles.v1development.KeyValueAndUnit;
import io.opentelemetry.proto.profiles.v1development.Line;
import io.opentelemetry.proto.profiles.v1development.Link;
import io.opentelemetry.proto.profiles.v1development.Location;
import io.opentelemetry.proto.profiles.v1development.Mapping;
import io.opentelemetry.proto.profiles.v1development.ResourceProfiles;
import io.opentelemetry.proto.profiles.v1development.Sample;
import io.opentelemetry.proto.profiles.v1development.ScopeProfiles;
import io.opentelemetry.proto.profiles.v1development.Stack;
import io.opentelemetry.proto.profiles.v1development.ValueType;
import io.ottl4j.pdata.IntList;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ProfilesDictionaries;
import io.ottl4j.pdata.ProfilesDictionary;
import io.ottl4j.pdata.ResourceGroup;
import io.ottl4j.pdata.ScopeGroup;
import io.ottl4j.pdata.SpanId;
import io.ottl4j.pdata.TelemetryBatch;
import io.ottl4j.pdata.TraceId;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP profiles (proto {@code opentelemetry.proto.profiles.v1development}, as the opentelemetry-proto dependency ships it:
 * one {@code ProfilesDictionary} per request) ↔ the model, through the generated classes. A batch whose profiles point
 * into several dictionaries is encoded with one merged dictionary ({@link ProfilesDictionaries#unify}).
 */
final class ProfilesProto {
    private ProfilesProto() {}

    // ---------------------------------------------------------------- model → proto

    static ExportProfilesServiceRequest toRequest(TelemetryBatch<Profile> batch) {
        TelemetryBatch<Profile> unified = ProfilesDictionaries.unify(batch);
        List<ProfilesDictionary> dicts = ProfilesDictionaries.dictionaries(unified);
        ExportProfilesServiceRequest.Builder req = ExportProfilesServiceRequest.newBuilder();
        if (!dicts.isEmpty()) {
            req.setDictionary(dictionary(dicts.getFirst()));
        }
        for (ResourceGroup<Profile> rg : unified.resources()) {
            ResourceProfiles.Builder rb = req.addResourceProfilesBuilder().setResource(OtlpProto.resource(rg.resource()))
                    .setSchemaUrl(rg.schemaUrl());
            for (ScopeGroup<Profile> sg : rg.scopes()) {
                ScopeProfiles.Builder sb = rb.addScopeProfilesBuilder().setScope(OtlpProto.scope(sg.scope())).setSchemaUrl(sg.schemaUrl());
                for (Profile p : sg.items()) {
                    sb.addProfiles(profile(p));
                }
            }
        }
        return req.build();
    }

    static io.opentelemetry.proto.profiles.v1development.ProfilesDictionary dictionary(ProfilesDictionary d) {
        io.opentelemetry.proto.profiles.v1development.ProfilesDictionary.Builder b =
                io.opentelemetry.proto.profiles.v1development.ProfilesDictionary.newBuilder();
        for (ProfilesDictionary.Mapping m : d.mappingTable()) {
            b.addMappingTable(Mapping.newBuilder().setMemoryStart(m.memoryStart()).setMemoryLimit(m.memoryLimit())
                    .setFileOffset(m.fileOffset()).setFilenameStrindex(m.filenameStrindex()).addAllAttributeIndices(boxed(m.attributeIndices())));
        }
        for (ProfilesDictionary.Location l : d.locationTable()) {
            Location.Builder lb = Location.newBuilder().setMappingIndex(l.mappingIndex()).setAddress(l.address())
                    .addAllAttributeIndices(boxed(l.attributeIndices()));
            for (ProfilesDictionary.Line line : l.lines()) {
                lb.addLine(Line.newBuilder().setFunctionIndex(line.functionIndex()).setLine(line.line()).setColumn(line.column()));
            }
            b.addLocationTable(lb);
        }
        for (ProfilesDictionary.Function f : d.functionTable()) {
            b.addFunctionTable(Function.newBuilder().setNameStrindex(f.nameStrindex()).setSystemNameStrindex(f.systemNameStrindex())
                    .setFilenameStrindex(f.filenameStrindex()).setStartLine(f.startLine()));
        }
        for (ProfilesDictionary.Link l : d.linkTable()) {
            b.addLinkTable(Link.newBuilder().setTraceId(l.traceId().isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(l.traceId().bytes()))
                    .setSpanId(l.spanId().isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(l.spanId().bytes())));
        }
        b.addAllStringTable(d.stringTable());
        for (ProfilesDictionary.Attribute a : d.attributeTable()) {
            b.addAttributeTable(KeyValueAndUnit.newBuilder().setKeyStrindex(a.keyStrindex()).setValue(OtlpProto.anyValue(a.value()))
                    .setUnitStrindex(a.unitStrindex()));
        }
        for (ProfilesDictionary.Stack s : d.stackTable()) {
            b.addStackTable(Stack.newBuilder().addAllLocationIndices(boxed(s.locationIndices())));
        }
        return b.build();
    }

    private static io.opentelemetry.proto.profiles.v1development.Profile profile(Profile p) {
        io.opentelemetry.proto.profiles.v1development.Profile.Builder b = io.opentelemetry.proto.profiles.v1development.Profile.newBuilder()
                .setSampleType(valueType(p.sampleType()))
                .setTimeUnixNano(p.timeUnixNano())
                .setDurationNano(p.durationNano())
                .setPeriodType(valueType(p.periodType()))
                .setPeriod(p.period())
                .addAllCommentStrindices(boxed(p.commentStrindices().toArray()))
                .setDroppedAttributesCount(p.droppedAttributesCount())
                .setOriginalPayloadFormat(p.originalPayloadFormat())
                .setOriginalPayload(ByteString.copyFrom(p.originalPayload()))
                .addAllAttributeIndices(boxed(p.attributeIndices().toArray()));
        if (p.hasProfileId()) {
            b.setProfileId(ByteString.copyFrom(p.profileId()));
        }
        for (Profile.Sample s : p.samples()) {
            Sample.Builder sb = Sample.newBuilder().setStackIndex(s.stackIndex()).addAllAttributeIndices(boxed(s.attributeIndices()))
                    .setLinkIndex(s.linkIndex());
            for (long v : s.values()) {
                sb.addValues(v);
            }
            for (long t : s.timestampsUnixNano()) {
                sb.addTimestampsUnixNano(t);
            }
            b.addSample(sb);
        }
        return b.build();
    }

    private static ValueType valueType(Profile.ValueType v) {
        return ValueType.newBuilder().setTypeStrindex(v.typeStrindex()).setUnitStrindex(v.unitStrindex())
                .setAggregationTemporalityValue(v.aggregationTemporality()).build();
    }

    private static List<Integer> boxed(int[] a) {
        List<Integer> l = new ArrayList<>(a.length);
        for (int i : a) {
            l.add(i);
        }
        return l;
    }

    // ---------------------------------------------------------------- proto → model

    static TelemetryBatch<Profile> fromRequest(ExportProfilesServiceRequest req) {
        ProfilesDictionary dict = dictionary(req.getDictionary());
        TelemetryBatch<Profile> batch = TelemetryBatch.profiles();
        List<ResourceProfiles> resources = req.getResourceProfilesList();
        for (int i = 0; i < resources.size(); i++) {
            ResourceProfiles r = resources.get(i);
            ResourceGroup<Profile> rg = batch.addResource();
            OtlpProto.resource(r.getResource(), rg);
            rg.setSchemaUrl(r.getSchemaUrl());
            List<ScopeProfiles> scopes = r.getScopeProfilesList();
            for (int j = 0; j < scopes.size(); j++) {
                ScopeProfiles s = scopes.get(j);
                ScopeGroup<Profile> sg = rg.addScope();
                OtlpProto.scope(s.getScope(), sg);
                sg.setSchemaUrl(s.getSchemaUrl());
                List<io.opentelemetry.proto.profiles.v1development.Profile> profiles = s.getProfilesList();
                for (int k = 0; k < profiles.size(); k++) {
                    String at = "resourceProfiles[" + i + "].scopeProfiles[" + j + "].profiles[" + k + "]";
                    sg.items().add(profile(profiles.get(k), dict, at));
                }
            }
        }
        return batch;
    }

    static ProfilesDictionary dictionary(io.opentelemetry.proto.profiles.v1development.ProfilesDictionary p) {
        ProfilesDictionary d = new ProfilesDictionary();
        for (Mapping m : p.getMappingTableList()) {
            d.mappingTable().add(new ProfilesDictionary.Mapping(m.getMemoryStart(), m.getMemoryLimit(), m.getFileOffset(),
                    m.getFilenameStrindex(), ints(m.getAttributeIndicesList())));
        }
        for (Location l : p.getLocationTableList()) {
            List<ProfilesDictionary.Line> lines = new ArrayList<>(l.getLineCount());
            for (Line line : l.getLineList()) {
                lines.add(new ProfilesDictionary.Line(line.getFunctionIndex(), line.getLine(), line.getColumn()));
            }
            d.locationTable().add(new ProfilesDictionary.Location(l.getMappingIndex(), l.getAddress(), lines, ints(l.getAttributeIndicesList())));
        }
        for (Function f : p.getFunctionTableList()) {
            d.functionTable().add(new ProfilesDictionary.Function(f.getNameStrindex(), f.getSystemNameStrindex(), f.getFilenameStrindex(),
                    f.getStartLine()));
        }
        for (int i = 0; i < p.getLinkTableCount(); i++) {
            Link l = p.getLinkTable(i);
            String at = "dictionary.linkTable[" + i + "]";
            d.linkTable().add(new ProfilesDictionary.Link(traceId(l.getTraceId(), at), spanId(l.getSpanId(), at)));
        }
        d.stringTable().addAll(p.getStringTableList());
        for (KeyValueAndUnit a : p.getAttributeTableList()) {
            d.attributeTable().add(new ProfilesDictionary.Attribute(a.getKeyStrindex(), OtlpProto.value(a.getValue()), a.getUnitStrindex()));
        }
        for (Stack s : p.getStackTableList()) {
            d.stackTable().add(new ProfilesDictionary.Stack(ints(s.getLocationIndicesList())));
        }
        return d;
    }

    private static Profile profile(io.opentelemetry.proto.profiles.v1development.Profile p, ProfilesDictionary dict, String at) {
        Profile r = new Profile(dict);
        r.setSampleType(valueType(p.getSampleType()));
        for (Sample s : p.getSampleList()) {
            r.samples().add(new Profile.Sample(s.getStackIndex(), longs(s.getValuesList()), ints(s.getAttributeIndicesList()),
                    s.getLinkIndex(), longs(s.getTimestampsUnixNanoList())));
        }
        r.setTimeUnixNano(p.getTimeUnixNano());
        r.setDurationNano(p.getDurationNano());
        r.setPeriodType(valueType(p.getPeriodType()));
        r.setPeriod(p.getPeriod());
        r.commentStrindices().setAll(ints(p.getCommentStrindicesList()));
        ByteString id = p.getProfileId();
        if (!id.isEmpty()) {
            if (id.size() != Profile.ID_SIZE) {
                throw new OtlpDecodeException(at + ".profileId", "profile id must be " + Profile.ID_SIZE + " bytes, got " + id.size());
            }
            r.setProfileId(id.toByteArray());
        }
        r.setDroppedAttributesCount(p.getDroppedAttributesCount());
        r.setOriginalPayloadFormat(p.getOriginalPayloadFormat());
        r.setOriginalPayload(p.getOriginalPayload().toByteArray());
        r.attributeIndices().setAll(ints(p.getAttributeIndicesList()));
        return r;
    }

    private static Profile.ValueType valueType(ValueType v) {
        return new Profile.ValueType(v.getTypeStrindex(), v.getUnitStrindex(), v.getAggregationTemporalityValue());
    }

    private static TraceId traceId(ByteString b, String at) {
        if (b.isEmpty()) {
            return TraceId.EMPTY;
        }
        if (b.size() != TraceId.SIZE) {
            throw new OtlpDecodeException(at + ".traceId", "trace id must be " + TraceId.SIZE + " bytes, got " + b.size());
        }
        return TraceId.fromBytes(b.toByteArray());
    }

    private static SpanId spanId(ByteString b, String at) {
        if (b.isEmpty()) {
            return SpanId.EMPTY;
        }
        if (b.size() != SpanId.SIZE) {
            throw new OtlpDecodeException(at + ".spanId", "span id must be " + SpanId.SIZE + " bytes, got " + b.size());
        }
        return SpanId.fromBytes(b.toByteArray());
    }

    static int[] ints(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    static long[] longs(List<Long> l) {
        long[] a = new long[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    static IntList intList(List<Integer> l) {
        return IntList.of(ints(l));
    }
}
