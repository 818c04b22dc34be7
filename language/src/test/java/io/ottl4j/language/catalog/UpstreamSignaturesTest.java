package io.ottl4j.language.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalog against upstream's current function surface (test resource upstream/function-signatures.txt):
 * the same functions, the same parameters in the same order under the same names (a named argument binds
 * by the upper-camel form of its name, as upstream's field names), the same optional ones.
 */
class UpstreamSignaturesTest {
    /** Kept although upstream removed it (v0.162, #50875), so that older configs keep working; documented deprecated. */
    private static final Set<String> KEPT_AFTER_UPSTREAM_REMOVAL = Set.of("Base64Decode");

    private static Map<String, List<String>> upstream() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = UpstreamSignaturesTest.class.getResourceAsStream("/upstream/function-signatures.txt")) {
            assertThat(in).as("upstream/function-signatures.txt").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                out.put(parts[0], List.of(parts).subList(1, parts.length));
            }
        }
        return out;
    }

    /** resolve_conflicts -> ResolveConflicts, x_path -> XPath, source_ip -> SourceIP: how upstream matches a named argument. */
    static String upperCamel(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    @Test
    void catalogHasUpstreamsFunctions() throws IOException {
        Set<String> ours = new TreeSet<>(FunctionCatalog.standard().names());
        Set<String> theirs = new TreeSet<>(upstream().keySet());
        Set<String> missing = new TreeSet<>(theirs);
        missing.removeAll(ours);
        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(theirs);
        assertThat(missing).as("upstream functions missing from the catalog").isEmpty();
        assertThat(extra).as("catalog functions upstream does not have").isEqualTo(KEPT_AFTER_UPSTREAM_REMOVAL);
    }

    @Test
    void parametersMatchUpstreamsFields() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : upstream().entrySet()) {
            FunctionDef def = FunctionCatalog.standard().find(e.getKey());
            if (def == null) {
                continue; // reported by catalogHasUpstreamsFunctions
            }
            List<String> fields = e.getValue();
            List<ParamDef> params = def.params();
            if (fields.size() != params.size()) {
                problems.add(e.getKey() + ": " + params.size() + " parameters, upstream has " + fields.size() + " " + fields);
                continue;
            }
            for (int i = 0; i < fields.size(); i++) {
                String field = fields.get(i);
                boolean optional = field.endsWith("?");
                String name = optional ? field.substring(0, field.length() - 1) : field;
                ParamDef p = params.get(i);
                if (!upperCamel(p.name()).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    problems.add(e.getKey() + " parameter " + i + ": " + p.name() + ", upstream field " + name);
                }
                if (p.optional() != optional) {
                    problems.add(e.getKey() + " parameter " + p.name() + ": optional " + p.optional() + ", upstream " + optional);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
