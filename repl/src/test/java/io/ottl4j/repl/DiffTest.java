package io.ottl4j.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.repl.data.Diff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {
    @Test
    void reportsAddedChangedAndRemovedFieldsInRecordOrder() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("name", "\"a\"");
        before.put("attributes[\"k\"]", "1");
        before.put("attributes[\"gone\"]", "true");
        Map<String, String> after = new LinkedHashMap<>();
        after.put("name", "\"b\"");
        after.put("attributes[\"k\"]", "1");
        after.put("attributes[\"new\"]", "2");
        List<Diff.Change> changes = Diff.fields(before, after);
        assertThat(changes).containsExactly(
                new Diff.Change("name", "\"a\"", "\"b\""),
                new Diff.Change("attributes[\"new\"]", null, "2"),
                new Diff.Change("attributes[\"gone\"]", "true", null));
    }

    @Test
    void yamlQuotingDoublesSingleQuotes() {
        assertThat(TransformYaml.quote("set(a, \"it's\")")).isEqualTo("'set(a, \"it''s\")'");
        assertThat(TransformYaml.quote("set(\n  a,\n  1)")).isEqualTo("'set( a, 1)'");
    }
}
