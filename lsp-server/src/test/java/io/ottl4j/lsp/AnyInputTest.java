package io.ottl4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ottl4j.lsp.service.Analysis;
import io.ottl4j.lsp.service.Analyzer;
import io.ottl4j.lsp.service.LanguageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The language service answers every feature on any text without throwing: every prefix of the seed
 * config (what a document looks like while it is typed), cut-up .ottl and test files, and random bytes.
 */
class AnyInputTest {
    private final LanguageService service = new LanguageService();

    private void everyFeature(String uri, String text) {
        Analysis a;
        try {
            a = service.update(uri, text);
        } catch (Analyzer.Unsupported e) {
            return; // binary or huge: the server logs it
        }
        assertThat(a.problems).allSatisfy(p -> assertThat(p.start()).isBetween(0, text.length()));
        service.semanticTokens(a);
        service.symbols(a);
        service.folding(a);
        service.format(a);
        service.inlayHints(a);
        service.codeLenses(a);
        int step = Math.max(1, text.length() / 12);
        for (int o = 0; o <= text.length(); o += step) {
            service.completion(a, o);
            service.hover(a, o);
            service.signature(a, o);
            service.definitions(a, o);
            service.rename(a, o, "x");
        }
    }

    @Test
    void prefixesOfTheSeedConfig() throws Exception {
        String seed = ServerProcess.resource("/fixtures/mastodon-collector.yaml");
        for (int cut = 0; cut <= seed.length(); cut += 263) {
            everyFeature("file:///t/seed.yaml", seed.substring(0, cut));
        }
    }

    @Test
    void cutUpOttlAndTestFiles() throws Exception {
        for (String name : List.of("/lsp/sample.ottl", "/lsp/sample-test.yaml", "/lsp/plain-collector.yaml")) {
            String text = ServerProcess.resource(name);
            String uri = "file:///t" + name;
            for (int cut = 0; cut <= text.length(); cut += 23) {
                everyFeature(uri, text.substring(0, cut));
                everyFeature(uri, text.substring(cut));
            }
        }
    }

    @Test
    void randomText() {
        Random r = new Random(42);
        String alphabet = "abcXYZ_ .:-[]{}()\"'#|>\n\t=!<,0123456789\\$";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(120);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        texts.add("(".repeat(5000));
        texts.add("k: " + "[".repeat(3000));
        texts.add("a: \u0000");
        for (String t : texts) {
            everyFeature("file:///t/random.yaml", t);
            everyFeature("file:///t/random.ottl", t);
            everyFeature("file:///t/random.yaml", "processors:\n  transform:\n    trace_statements:\n      - " + t.replace("\n", " ") + "\n");
        }
    }
}
