package io.ottl4j.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeListTest {

    @Test
    void addInsertSetRemove() {
        AttributeList l = AttributeList.of("a", 1L);
        l.add(true);
        l.add(0, 2.5);
        assertThat(l.size()).isEqualTo(4);
        assertThat(l.set(1, "A")).isEqualTo("a");
        assertThat(l.remove(0)).isEqualTo(2.5);
        List<Object> items = new ArrayList<>();
        l.forEach(items::add);
        assertThat(items).containsExactly("A", 1L, true);
        assertThatThrownBy(() -> l.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> l.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> l.add(List.of())).isInstanceOf(IllegalArgumentException.class);
        l.clear();
        assertThat(l.isEmpty()).isTrue();
    }

    @Test
    void deepCopyEqualsAndIndependence() {
        AttributeList l = AttributeList.of(AttributeMap.of("k", "v"), new byte[] {1});
        l.addEmptyList().add(1L);
        AttributeList c = l.deepCopy();
        assertThat(c).isEqualTo(l).hasSameHashCodeAs(l);
        ((AttributeMap) l.get(0)).putString("k", "changed");
        assertThat(c).isNotEqualTo(l);
        assertThat(((AttributeMap) c.get(0)).get("k")).isEqualTo("v");
        assertThat(AttributeList.of(1L, 2L)).isNotEqualTo(AttributeList.of(2L, 1L));
        assertThat(c.toString()).isEqualTo("[{\"k\":\"v\"},\"AQ==\",[1]]");
    }

    @Test
    void copyFromReplacesContent() {
        AttributeList target = AttributeList.of("x");
        AttributeList source = AttributeList.of(1L, AttributeMap.of("a", "b"));
        target.copyFrom(source);
        assertThat(target).isEqualTo(source);
        assertThat(target.get(1)).isNotSameAs(source.get(1));
    }
}
