package io.ottl4j.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.profiles.v1development.ExportProfilesServiceRequest;
import io.ottl4j.pdata.Profile;
import io.ottl4j.pdata.ProfilesDictionaries;
import io.ottl4j.pdata.ProfilesDictionary;
import io.ottl4j.pdata.Signal;
import io.ottl4j.pdata.TelemetryBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesCodecTest {
    private static final ExportProfilesServiceRequest REQUEST = ProfileSamples.request("checkout");

    @Test
    void protobufRoundTripIsExact() throws Exception {
        TelemetryBatch<Profile> batch = OtlpProto.decodeProfiles(REQUEST.toByteArray());
        assertThat(batch.signal()).isEqualTo(Signal.PROFILES);
        assertThat(batch.itemCount()).isEqualTo(1);
        Profile p = batch.resources().getFirst().scopes().getFirst().items().getFirst();
        assertThat(p.samples()).hasSize(2);
        assertThat(p.attributes().get("thread.name")).isEqualTo("main");
        assertThat(p.dictionary().string(p.sampleType().typeStrindex())).isEqualTo("samples");
        assertThat(ExportProfilesServiceRequest.parseFrom(OtlpProto.encode(batch))).isEqualTo(REQUEST);
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        TelemetryBatch<Profile> batch = OtlpProto.decodeProfiles(REQUEST.toByteArray());
        String json = OtlpJson.writeString(batch, false);
        assertThat(json).contains("\"resourceProfiles\"", "\"dictionary\"", "\"profileId\":\"09090909090909090909090909090901\"",
                "\"traceId\":\"0102030405060708090a0b0c0d0e0f10\"", "\"timeUnixNano\":\"1700000000000000000\"", "\"sample\"");
        TelemetryBatch<?> back = OtlpJson.read(json);
        assertThat(back.signal()).isEqualTo(Signal.PROFILES);
        assertThat(ExportProfilesServiceRequest.parseFrom(OtlpProto.encode(back))).isEqualTo(REQUEST);
    }

    @Test
    void jsonDictionaryMayComeBeforeTheProfiles() throws Exception {
        String json = OtlpJson.writeString(OtlpProto.decodeProfiles(REQUEST.toByteArray()), false);
        int split = json.indexOf(",\"dictionary\"");
        String reordered = "{" + json.substring(split + 1, json.length() - 1) + "," + json.substring(1, split) + "}";
        assertThat(ExportProfilesServiceRequest.parseFrom(OtlpProto.encode(OtlpJson.readProfiles(reordered)))).isEqualTo(REQUEST);
    }

    @Test
    void profilesOfSeveralRequestsAreEncodedWithOneMergedDictionary() throws Exception {
        TelemetryBatch<Profile> a = OtlpProto.decodeProfiles(REQUEST.toByteArray());
        TelemetryBatch<Profile> b = OtlpProto.decodeProfiles(ProfileSamples.request("cart").toByteArray());
        b.resources().getFirst().scopes().getFirst().items().getFirst().putAttribute("extra", 7L);
        a.resources().addAll(b.resources());
        assertThat(ProfilesDictionaries.dictionaries(a)).hasSize(2);

        TelemetryBatch<Profile> merged = OtlpProto.decodeProfiles(OtlpProto.encode(a));
        assertThat(ProfilesDictionaries.dictionaries(merged)).hasSize(1);
        assertThat(resolved(merged)).isEqualTo(resolved(a));
        ProfilesDictionary d = ProfilesDictionaries.dictionaries(merged).getFirst();
        assertThat(d.stringTable()).doesNotHaveDuplicates().startsWith("");
        assertThat(d.functionTable()).hasSize(3); // zero entry + two functions, stored once for both requests
    }

    @Test
    void batchDeepCopySharesOneDictionaryCopy() {
        TelemetryBatch<Profile> a = OtlpProto.decodeProfiles(ProfileSamples.request("x").toByteArray());
        a.resources().getFirst().scopes().getFirst().items().add(a.resources().getFirst().scopes().getFirst().items().getFirst().deepCopy());
        a.resources().getFirst().scopes().getFirst().items().get(1).setDictionary(
                a.resources().getFirst().scopes().getFirst().items().getFirst().dictionary());
        TelemetryBatch<Profile> c = a.deepCopy();
        assertThat(ProfilesDictionaries.dictionaries(c)).hasSize(1);
        assertThat(ProfilesDictionaries.dictionaries(c).getFirst()).isNotSameAs(ProfilesDictionaries.dictionaries(a).getFirst());
        c.resources().getFirst().scopes().getFirst().items().getFirst().putAttribute("k", "v");
        assertThat(a.resources().getFirst().scopes().getFirst().items().getFirst().attributes().containsKey("k")).isFalse();
    }

    @Test
    void attributesAreWrittenThroughTheDictionary() {
        Profile p = new Profile();
        p.putAttribute("a", "1");
        p.putAttribute("b", 2L);
        p.putAttribute("a", "3");
        assertThat(p.attributes().toString()).contains("a", "3", "b");
        assertThat(p.attributeIndices().size()).isEqualTo(2);
        assertThat(p.dictionary().stringTable().getFirst()).isEmpty();
    }

    @Test
    void badProfileIdIsRejectedWithItsPath() {
        String json = "{\"resourceProfiles\":[{\"scopeProfiles\":[{\"profiles\":[{\"profileId\":\"0102\"}]}]}]}";
        assertThatThrownBy(() -> OtlpJson.read(json)).isInstanceOf(OtlpDecodeException.class)
                .hasMessageContaining("profileId").hasMessageContaining("32 hex characters");
        assertThat(OtlpJson.read("{}", Signal.PROFILES).signal()).isEqualTo(Signal.PROFILES);
    }

    /** Each profile's samples spelled out through its dictionary: what a merge must keep. */
    private static List<String> resolved(TelemetryBatch<Profile> batch) {
        List<String> out = new ArrayList<>();
        batch.resources().forEach(rg -> rg.scopes().forEach(sg -> sg.items().forEach(p -> {
            ProfilesDictionary d = p.dictionary();
            StringBuilder sb = new StringBuilder(rg.resource().attributes() + " " + d.string(p.sampleType().typeStrindex()) + " "
                    + p.attributes());
            for (Profile.Sample s : p.samples()) {
                sb.append(" [");
                for (int loc : d.stackTable().get(s.stackIndex()).locationIndices()) {
                    ProfilesDictionary.Location l = d.locationTable().get(loc);
                    sb.append(d.string(d.mappingTable().get(l.mappingIndex()).filenameStrindex())).append(':');
                    l.lines().forEach(line -> sb.append(d.string(d.functionTable().get(line.functionIndex()).nameStrindex())).append(line.line()));
                    sb.append(d.attributes(io.ottl4j.pdata.IntList.of(l.attributeIndices())));
                }
                sb.append(d.attributes(io.ottl4j.pdata.IntList.of(s.attributeIndices()))).append(d.linkTable().get(s.linkIndex()));
                sb.append(java.util.Arrays.toString(s.values())).append(']');
            }
            out.add(sb.toString());
        })));
        return out;
    }
}
