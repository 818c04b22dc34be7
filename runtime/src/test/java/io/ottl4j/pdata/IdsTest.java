package io.ottl4j.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void traceIdHexAndBytes() {
        TraceId id = TraceId.fromHex("5B8EFFF798038103D269B633813FC60C");
        assertThat(id.toHex()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(id).hasToString("5b8efff798038103d269b633813fc60c");
        byte[] b = id.bytes();
        assertThat(b).hasSize(16).startsWith((byte) 0x5b, (byte) 0x8e);
        b[0] = 0;
        assertThat(id.bytes()[0]).isEqualTo((byte) 0x5b);
        assertThat(TraceId.fromBytes(id.bytes())).isEqualTo(id).hasSameHashCodeAs(id);
        assertThat(id.isEmpty()).isFalse();
        assertThat(id.high()).isEqualTo(0x5b8efff798038103L);
    }

    @Test
    void emptyIds() {
        assertThat(TraceId.fromHex("")).isSameAs(TraceId.EMPTY);
        assertThat(TraceId.fromHex("00000000000000000000000000000000")).isSameAs(TraceId.EMPTY);
        assertThat(TraceId.fromBytes(new byte[16]).isEmpty()).isTrue();
        assertThat(SpanId.fromHex("")).isSameAs(SpanId.EMPTY);
        assertThat(SpanId.EMPTY.toHex()).isEqualTo("0000000000000000");
        assertThat(TraceId.EMPTY.bytes()).hasSize(16).containsOnly(0);
    }

    @Test
    void invalidIdsAreRejectedClearly() {
        assertThatThrownBy(() -> TraceId.fromHex("5b8efff798038103d269b633813fc60"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trace id must be 32 hex characters, got 31");
        assertThatThrownBy(() -> TraceId.fromHex("5b8efff798038103d269b633813fc60g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid hex character 'g' at position 31");
        assertThatThrownBy(() -> SpanId.fromHex("eee19b7ec3c1b17"))
                .hasMessageContaining("span id must be 16 hex characters, got 15");
        assertThatThrownBy(() -> SpanId.fromHex("+ee19b7ec3c1b174")).hasMessageContaining("invalid hex character '+'");
        assertThatThrownBy(() -> TraceId.fromBytes(new byte[8])).hasMessageContaining("16 bytes, got 8");
        assertThatThrownBy(() -> SpanId.fromBytes(new byte[16])).hasMessageContaining("8 bytes, got 16");
    }

    @Test
    void spanIdRoundTrips() {
        SpanId id = SpanId.fromHex("eee19b7ec3c1b174");
        assertThat(SpanId.fromBytes(id.bytes())).isEqualTo(id);
        assertThat(SpanId.of(id.value())).isEqualTo(id);
        assertThat(id).isNotEqualTo(SpanId.fromHex("eee19b7ec3c1b173"));
        assertThat(SpanId.fromHex("FFFFFFFFFFFFFFFF").toHex()).isEqualTo("ffffffffffffffff");
    }
}
