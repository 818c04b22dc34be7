package io.ottl4j.collector.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.otlp.OtlpProto;
import io.ottl4j.otlp.ProfileSamples;
import org.junit.jupiter.api.Test;

/** The debug exporter's detailed text for profiles: header fields, attributes and samples resolved through the dictionary. */
class ProfilesDebugTextTest {
    @Test
    void detailedProfile() {
        StringBuilder sb = new StringBuilder();
        DetailedText.append(OtlpProto.decodeProfiles(ProfileSamples.request("a").toByteArray()), sb);
        assertThat(sb.toString()).contains("ResourceProfiles #0", "ScopeProfiles #0", "InstrumentationScope ebpf-profiler 1.0",
                "Profile #0\n", "Profile ID: 09090909090909090909090909090901", "Start time: 2023-11-14 22:13:20 +0000 UTC",
                "Duration: 1000000000", "Sample type: samples", "     -> thread.name: Str(main)", "    Sample #1\n", "Values: [1]");
    }
}
