package io.ottl4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Configs for the language-server benchmarks: the seed config grown to about 300 lines. */
final class LspConfigs {
    private LspConfigs() {
    }

    static String seed() {
        try (InputStream in = LspConfigs.class.getResourceAsStream("/lsp-bench/mastodon-collector.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the seed config is missing from the benchmark resources", e);
        }
    }

    /** The seed plus {@code extra} transform processors of flat statements: 300 lines for extra = 20. */
    static String grown(int extra, String tag) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < extra; i++) {
            sb.append("      transform/extra").append(i).append(":\n");
            sb.append("        trace_statements:\n");
            sb.append("          - set(span.attributes[\"bench.").append(tag).append(i).append("\"], span.name)\n");
            sb.append("          - delete_key(span.attributes, \"secret\") where span.kind == SPAN_KIND_CLIENT\n");
            sb.append("          - set(resource.attributes[\"team\"], Concat([\"a\", \"b\"], \"-\"))\n");
        }
        return seed().replace("      attributes/sidekiq:\n", sb + "      attributes/sidekiq:\n");
    }
}
