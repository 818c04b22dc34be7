package io.ottl4j.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ottl4j.pdata.AnyValue.ValueType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnyValueTest {

    @Test
    void typeOfEachKind() {
        assertThat(AnyValue.typeOf("s")).isEqualTo(ValueType.STRING);
        assertThat(AnyValue.typeOf(1L)).isEqualTo(ValueType.INT);
        assertThat(AnyValue.typeOf(1.0)).isEqualTo(ValueType.DOUBLE);
        assertThat(AnyValue.typeOf(true)).isEqualTo(ValueType.BOOL);
        assertThat(AnyValue.typeOf(new byte[0])).isEqualTo(ValueType.BYTES);
        assertThat(AnyValue.typeOf(new AttributeMap())).isEqualTo(ValueType.MAP);
        assertThat(AnyValue.typeOf(new AttributeList())).isEqualTo(ValueType.SLICE);
        assertThat(AnyValue.typeOf(AnyValue.EMPTY)).isEqualTo(ValueType.EMPTY);
        assertThatThrownBy(() -> AnyValue.typeOf(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ValueType.STRING.pdataName()).isEqualTo("Str");
        assertThat(ValueType.SLICE.pdataName()).isEqualTo("Slice");
        assertThat(ValueType.EMPTY.pdataName()).isEqualTo("Empty");
    }

    @Test
    void asStringOfScalars() {
        assertThat(AnyValue.asString(AnyValue.EMPTY)).isEmpty();
        assertThat(AnyValue.asString("text")).isEqualTo("text");
        assertThat(AnyValue.asString(true)).isEqualTo("true");
        assertThat(AnyValue.asString(false)).isEqualTo("false");
        assertThat(AnyValue.asString(-42L)).isEqualTo("-42");
        assertThat(AnyValue.asString(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(AnyValue.asString(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef})).isEqualTo("3q2+7w==");
        assertThat(AnyValue.asString(new byte[0])).isEmpty();
    }

    /** pdata's float64AsString: JSON number form, 'e' outside [1e-6, 1e21), exponent without a leading zero. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1",
        "2.5|2.5",
        "-2.5|-2.5",
        "0.0|0",
        "-0.0|-0",
        "0.1|0.1",
        "100|100",
        "123456789.125|123456789.125",
        "1e20|100000000000000000000",
        "1e21|1e+21",
        "1.5e21|1.5e+21",
        "1e-6|0.000001",
        "1e-7|1e-7",
        "1.25e-7|1.25e-7",
        "1e-10|1e-10",
        "1e100|1e+100",
        "1.7976931348623157e308|1.7976931348623157e+308",
        "4.9e-324|5e-324",
        "0.30000000000000004|0.30000000000000004",
        "NaN|NaN",
        "Infinity|Infinity",
        "-Infinity|-Infinity",
    })
    void asStringOfDoubles(double value, String expected) {
        assertThat(AnyValue.asString(value)).isEqualTo(expected);
    }

    @Test
    void asStringOfMapsIsGoJsonWithSortedKeys() {
        AttributeMap m = new AttributeMap();
        m.putString("z", "last");
        m.putLong("a", 1);
        m.putDouble("d", 1.0);
        m.putBool("b", true);
        m.putEmpty("e");
        m.putBytes("bytes", new byte[] {1, 2, 3});
        m.putBytes("nobytes", new byte[0]);
        m.putEmptyList("l").add(AttributeMap.of("y", "<&>"));
        assertThat(AnyValue.asString(m)).isEqualTo(
                "{\"a\":1,\"b\":true,\"bytes\":\"AQID\",\"d\":1,\"e\":null,\"l\":[{\"y\":\"<&>\"}],\"nobytes\":null,\"z\":\"last\"}");
        assertThat(AnyValue.toJson(m)).isEqualTo(AnyValue.asString(m));
        assertThat(AnyValue.asString(new AttributeMap())).isEqualTo("{}");
        assertThat(AnyValue.asString(new AttributeList())).isEqualTo("[]");
    }

    @Test
    void jsonKeysSortLikeGoBytesNotLikeUtf16() {
        // U+FF5E (3-byte UTF-8) sorts before U+1F600 (4 bytes), though its UTF-16 unit is larger than a surrogate's
        AttributeMap m = AttributeMap.of("\uD83D\uDE00", 1L, "\uFF5E", 2L, "B", 3L, "a", 4L);
        assertThat(AnyValue.toJson(m)).isEqualTo("{\"B\":3,\"a\":4,\"\uFF5E\":2,\"\uD83D\uDE00\":1}");
    }

    @Test
    void jsonStringEscapingFollowsGo() {
        AttributeList l = AttributeList.of("q\"b\\n\nr\rt\tb\bf\f\u0001\u001f\u2028\u2029<>&é\uD800x");
        assertThat(AnyValue.toJson(l)).isEqualTo(
                "[\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\f\\u0001\\u001f\\u2028\\u2029<>&é\\ufffdx\"]");
    }

    @Test
    void nonFiniteDoublesInsideMapsMakeAsStringEmpty() {
        AttributeMap m = AttributeMap.of("x", Double.NaN);
        assertThat(AnyValue.asString(m)).isEmpty();
        assertThat(AnyValue.toJson(m)).isNull();
        assertThat(AnyValue.toJson(AttributeList.of(Double.POSITIVE_INFINITY))).isNull();
    }

    @Test
    void toJsonOfScalars() {
        assertThat(AnyValue.toJson("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(AnyValue.toJson(1L)).isEqualTo("1");
        assertThat(AnyValue.toJson(1e21)).isEqualTo("1e+21");
        assertThat(AnyValue.toJson(AnyValue.EMPTY)).isEqualTo("null");
    }

    @Test
    void rawConversionsRoundTrip() {
        AttributeMap m = new AttributeMap();
        m.putString("s", "x");
        m.putLong("i", 1);
        m.putEmpty("e");
        m.putEmptyList("l").add(2.5);
        m.putEmptyMap("m").putBool("b", true);
        m.putBytes("y", new byte[] {7});

        Object raw = AnyValue.toRaw(m);
        assertThat(raw).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> rm = (Map<String, Object>) raw;
        assertThat(rm.keySet()).containsExactly("s", "i", "e", "l", "m", "y");
        assertThat(rm.get("e")).isNull();
        assertThat(rm).containsKey("e");
        assertThat(rm.get("l")).isEqualTo(List.of(2.5));
        assertThat(rm.get("m")).isEqualTo(Map.of("b", true));

        assertThat(AnyValue.fromRaw(raw)).isEqualTo(m);
        assertThat(AnyValue.fromRaw(3)).isEqualTo(3L);
        assertThat(AnyValue.fromRaw(1.5f)).isEqualTo(1.5);
        assertThat(AnyValue.fromRaw(null)).isSameAs(AnyValue.EMPTY);
        assertThat(AnyValue.fromRaw(new Object[] {"a", 1})).isEqualTo(AttributeList.of("a", 1L));
        assertThatThrownBy(() -> AnyValue.fromRaw(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepCopyAndDeepEquals() {
        byte[] bytes = {1, 2};
        assertThat(AnyValue.deepCopy(bytes)).isNotSameAs(bytes).isEqualTo(bytes);
        assertThat(AnyValue.deepEquals(bytes, new byte[] {1, 2})).isTrue();
        assertThat(AnyValue.deepEquals(1L, 1.0)).isFalse();
        assertThat(AnyValue.deepEquals(AnyValue.EMPTY, AnyValue.EMPTY)).isTrue();
        assertThat(AnyValue.deepEquals(Double.NaN, Double.NaN)).isTrue();
        assertThat(AnyValue.deepHashCode(bytes)).isEqualTo(Arrays.hashCode(new byte[] {1, 2}));
        AttributeList l = AttributeList.of(AttributeMap.of("a", 1L));
        AttributeList c = (AttributeList) AnyValue.deepCopy(l);
        ((AttributeMap) l.get(0)).putLong("a", 2);
        assertThat(((AttributeMap) c.get(0)).get("a")).isEqualTo(1L);
    }
}
