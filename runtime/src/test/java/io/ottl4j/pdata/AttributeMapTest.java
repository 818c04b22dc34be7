package io.ottl4j.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeMapTest {

    @Test
    void keepsInsertionOrder() {
        AttributeMap m = new AttributeMap();
        m.putString("c", "3");
        m.putLong("a", 1);
        m.putBool("b", true);
        assertThat(m.keys()).containsExactly("c", "a", "b");
        assertThat(m.size()).isEqualTo(3);
        assertThat(m.keyAt(1)).isEqualTo("a");
        assertThat(m.valueAt(1)).isEqualTo(1L);
    }

    @Test
    void replacingKeepsThePosition() {
        AttributeMap m = AttributeMap.of("a", 1L, "b", 2L, "c", 3L);
        m.put("b", "two");
        assertThat(m.keys()).containsExactly("a", "b", "c");
        assertThat(m.get("b")).isEqualTo("two");
        assertThat(m.size()).isEqualTo(3);
    }

    @Test
    void getReturnsNullForAbsentKeysAndTheStoredValueOtherwise() {
        AttributeMap m = new AttributeMap();
        m.putEmpty("e");
        m.putDouble("d", 1.5);
        m.putBytes("b", new byte[] {1, 2});
        assertThat(m.get("missing")).isNull();
        assertThat(m.containsKey("missing")).isFalse();
        assertThat(m.get("e")).isSameAs(AnyValue.EMPTY);
        assertThat(m.get("d")).isEqualTo(1.5);
        assertThat((byte[]) m.get("b")).containsExactly(1, 2);
        // a key built at run time finds the entry stored under a literal
        assertThat(m.get(new StringBuilder("d").toString())).isEqualTo(1.5);
    }

    @Test
    void removeShiftsLaterKeysAndReturnsTheOldValue() {
        AttributeMap m = AttributeMap.of("a", 1L, "b", 2L, "c", 3L, "d", 4L);
        assertThat(m.remove("b")).isEqualTo(2L);
        assertThat(m.remove("b")).isNull();
        assertThat(m.keys()).containsExactly("a", "c", "d");
        assertThat(m.get("d")).isEqualTo(4L);
        m.removeAt(0);
        assertThat(m.keys()).containsExactly("c", "d");
        m.put("a", 9L);
        assertThat(m.keys()).containsExactly("c", "d", "a");
    }

    @Test
    void removeIfKeepsTheOrderOfTheRest() {
        AttributeMap m = new AttributeMap();
        for (int i = 0; i < 10; i++) {
            m.putLong("k" + i, i);
        }
        m.removeIf((k, v) -> ((Long) v) % 3 == 0);
        assertThat(m.keys()).containsExactly("k1", "k2", "k4", "k5", "k7", "k8");
        assertThat(m.get("k3")).isNull();
        assertThat(m.get("k8")).isEqualTo(8L);
    }

    @Test
    void putEmptyMapAndListReturnLiveContainers() {
        AttributeMap m = new AttributeMap();
        m.putEmptyMap("inner").putString("x", "y");
        m.putEmptyList("list").add(1L);
        assertThat(((AttributeMap) m.get("inner")).get("x")).isEqualTo("y");
        assertThat(((AttributeList) m.get("list")).get(0)).isEqualTo(1L);
    }

    @Test
    void rejectsNullAndNonStoredValues() {
        AttributeMap m = new AttributeMap();
        assertThatThrownBy(() -> m.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.put("a", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> m.put("a", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.put(null, "x")).isInstanceOf(NullPointerException.class);
        assertThat(m.isEmpty()).isTrue();
    }

    @Test
    void deepCopyIsIndependent() {
        AttributeMap m = new AttributeMap();
        m.putString("s", "x");
        AttributeMap inner = m.putEmptyMap("inner");
        inner.putEmptyList("list").add("a");
        m.putBytes("b", new byte[] {1});

        AttributeMap copy = m.deepCopy();
        assertThat(copy).isEqualTo(m);

        inner.putString("new", "v");
        ((AttributeList) inner.get("list")).add("b");
        m.putString("s", "changed");
        assertThat(copy.get("s")).isEqualTo("x");
        assertThat(((AttributeMap) copy.get("inner")).containsKey("new")).isFalse();
        assertThat(((AttributeList) ((AttributeMap) copy.get("inner")).get("list")).size()).isEqualTo(1);
        assertThat(copy.get("b")).isNotSameAs(m.get("b"));
        assertThat(copy).isNotEqualTo(m);
    }

    @Test
    void copyFromReplacesContentWithACopy() {
        AttributeMap target = AttributeMap.of("old", "x");
        AttributeMap source = AttributeMap.of("a", 1L);
        source.putEmptyMap("m").putString("k", "v");
        target.copyFrom(source);
        assertThat(target).isEqualTo(source);
        assertThat(target.get("m")).isNotSameAs(source.get("m"));
        target.copyFrom(target);
        assertThat(target.keys()).containsExactly("a", "m");
    }

    @Test
    void equalityIgnoresOrderButNotTypes() {
        AttributeMap a = AttributeMap.of("x", 1L, "y", "s", "b", new byte[] {1, 2});
        AttributeMap b = AttributeMap.of("b", new byte[] {1, 2}, "y", "s", "x", 1L);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(AttributeMap.of("x", 1.0, "y", "s", "b", new byte[] {1, 2}));
        assertThat(a).isNotEqualTo(AttributeMap.of("x", 1L, "y", "s"));
        assertThat(new AttributeMap()).isEqualTo(new AttributeMap());
    }

    @Test
    void iteratesEntriesInOrderWithWriteThroughAndRemove() {
        AttributeMap m = AttributeMap.of("a", 1L, "b", 2L, "c", 3L);
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Object> e : m) {
            seen.add(e.getKey() + "=" + e.getValue());
            if (e.getKey().equals("a")) {
                e.setValue(10L);
            }
        }
        assertThat(seen).containsExactly("a=1", "b=2", "c=3");
        assertThat(m.get("a")).isEqualTo(10L);

        Iterator<Map.Entry<String, Object>> it = m.iterator();
        while (it.hasNext()) {
            if (it.next().getKey().equals("b")) {
                it.remove();
            }
        }
        assertThat(m.keys()).containsExactly("a", "c");

        assertThatThrownBy(() -> {
            for (Map.Entry<String, Object> e : m) {
                m.putString("new" + e.getKey(), "x");
            }
        }).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void forEachAndSetValueAt() {
        AttributeMap m = AttributeMap.of("a", 1L, "b", 2L);
        m.setValueAt(1, "two");
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append(':').append(v).append(';'));
        assertThat(sb).hasToString("a:1;b:two;");
        assertThatThrownBy(() -> m.setValueAt(2, "x")).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void clearEmptiesAndTheMapStaysUsable() {
        AttributeMap m = AttributeMap.of("a", 1L);
        m.clear();
        assertThat(m.isEmpty()).isTrue();
        assertThat(m.get("a")).isNull();
        m.putString("b", "x");
        assertThat(m.keys()).containsExactly("b");
    }

    @Test
    void growsBeyondSmallSizes() {
        AttributeMap m = new AttributeMap();
        for (int i = 0; i < 1000; i++) {
            m.putLong("key-" + i, i);
        }
        assertThat(m.size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i += 37) {
            assertThat(m.get("key-" + i)).isEqualTo((long) i);
        }
        assertThat(m.keyAt(999)).isEqualTo("key-999");
    }

    /** Random operations against LinkedHashMap, across the size where the hash index takes over. */
    @Test
    void behavesLikeAnInsertionOrderedMapAtAnySize() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        AttributeMap m = new AttributeMap();
        java.util.LinkedHashMap<String, Object> model = new java.util.LinkedHashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String key = "k" + rnd.nextInt(120);
            switch (rnd.nextInt(6)) {
                case 0, 1, 2 -> {
                    long v = rnd.nextLong();
                    m.putLong(key, v);
                    model.put(key, v);
                }
                case 3 -> assertThat(m.remove(key)).isEqualTo(model.remove(key));
                case 4 -> {
                    if (rnd.nextInt(50) == 0) {
                        long mod = 2 + rnd.nextInt(5);
                        m.removeIf((k, v) -> (Long) v % mod == 0);
                        model.values().removeIf(v -> (Long) v % mod == 0);
                    }
                }
                default -> {
                    assertThat(m.get(key)).isEqualTo(model.get(key));
                    assertThat(m.containsKey(key)).isEqualTo(model.containsKey(key));
                }
            }
            if (step % 500 == 0) {
                assertThat(m.keys()).containsExactlyElementsOf(model.keySet());
                assertThat(m.deepCopy()).isEqualTo(m);
            }
        }
        assertThat(m.keys()).containsExactlyElementsOf(model.keySet());
    }

    @Test
    void hugeMapsStayLinear() {
        AttributeMap m = new AttributeMap();
        for (int i = 0; i < 200_000; i++) {
            m.putIfAbsent("key-" + i, (long) i);
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(m.get("key-" + i)).isEqualTo((long) i);
        }
        // quadratic scanning would take minutes here; speed itself is measured in JMH, not asserted
    }

    @Test
    void keysWithEqualHashesAreDistinguished() {
        // "Aa" and "BB" share a String.hashCode
        AttributeMap m = AttributeMap.of("Aa", 1L, "BB", 2L);
        assertThat(m.get("Aa")).isEqualTo(1L);
        assertThat(m.get("BB")).isEqualTo(2L);
        m.remove("Aa");
        assertThat(m.get("BB")).isEqualTo(2L);
        assertThat(m.get("Aa")).isNull();
    }

    @Test
    void putIfAbsentKeepsTheFirst() {
        AttributeMap m = new AttributeMap();
        assertThat(m.putIfAbsent("k", "first")).isNull();
        assertThat(m.putIfAbsent("k", "second")).isEqualTo("first");
        assertThat(m.get("k")).isEqualTo("first");
    }

    @Test
    void toStringIsJsonInInsertionOrder() {
        AttributeMap m = AttributeMap.of("z", 1L, "a", AttributeList.of("x", true), "n", Double.NaN);
        assertThat(m).hasToString("{\"z\":1,\"a\":[\"x\",true],\"n\":\"NaN\"}");
    }
}
