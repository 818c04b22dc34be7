package io.ottl4j.language.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.language.Ottl;
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
            FunctionDef found = FunctionCatalog.standard().find(e.getKey());
            if (found == null) {
                continue; // reported by catalogHasUpstreamsFunctions
            }
            FunctionDef def = found.under(Set.of(Ottl.CURRENT_SIGNATURES_GATE)); // upstream's names are the current ones
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

    /**
     * Without ottl.functions.currentSignatures the parameters upstream relaxed after the baseline keep the
     * spec's literal forms (and TraceID/SpanID/ProfileID their baseline name {@code bytes}); with it, upstream's.
     */
    @Test
    void relaxedParametersAreBaselineUnlessGated() {
        Map<String, String> baseline = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (FunctionDef d : FunctionCatalog.standard().all()) {
            if (d.hasBaselineParams()) {
                baseline.put(d.name(), d.signature());
                current.put(d.name(), d.under(Set.of(Ottl.CURRENT_SIGNATURES_GATE)).signature());
            }
        }
        assertThat(baseline).containsOnlyKeys("Concat", "Decode", "ExtractGrokPatterns", "ExtractPatterns", "HasPrefix", "HasSuffix",
                "IsInCIDR", "IsMatch", "ProfileID", "SpanID", "Split", "TraceID", "keep_keys");
        assertThat(baseline).containsEntry("Split", "Split(target: string, delimiter: string literal)")
                .containsEntry("TraceID", "TraceID(bytes: bytes literal)")
                .containsEntry("Concat", "Concat(vals: list of string-likes, delimiter: string literal)")
                .containsEntry("IsInCIDR", "IsInCIDR(target: string, networks: list of strings)")
                .containsEntry("keep_keys", "keep_keys(target: map, keys: list of string literals)");
        assertThat(current).containsEntry("Split", "Split(target: string, delimiter: string)")
                .containsEntry("TraceID", "TraceID(target: bytes-like)")
                .containsEntry("Concat", "Concat(vals: list of string-likes (or an expression giving one), delimiter: string)")
                .containsEntry("IsInCIDR", "IsInCIDR(target: string, networks: list of strings (or an expression giving one))")
                .containsEntry("keep_keys", "keep_keys(target: map, keys: list of strings)");
        assertThat(FunctionCatalog.standard().find("Split").under(Set.of()).signature()).isEqualTo(baseline.get("Split"));
    }
}
