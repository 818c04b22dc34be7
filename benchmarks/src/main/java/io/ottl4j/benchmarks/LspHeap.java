package io.ottl4j.benchmarks;

import io.ottl4j.lsp.service.LanguageService;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap held by the language service after opening 50 configs (each the seed grown to 300 lines, all
 * different), measured after repeated full GCs. Baseline: the same 50 texts held as Strings.
 * Run: java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.ottl4j.benchmarks.LspHeap
 */
public final class LspHeap {
    private LspHeap() {
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(LspConfigs.grown(20, "c" + i + "_"));
        }
        LanguageService warm = new LanguageService();
        warm.update("file:///warm.yaml", texts.get(0)); // load catalogs, registry and the binder's classes first
        long base = used();
        LanguageService service = new LanguageService();
        for (int i = 0; i < n; i++) {
            service.update("file:///bench/c" + i + ".yaml", texts.get(i));
        }
        long after = used();
        long textBytes = texts.stream().mapToLong(t -> 40L + 2L * t.length()).sum();
        System.out.printf("configs: %d, lines each: %d%n", n, texts.get(0).split("\n").length);
        System.out.printf("heap held by the analyses: %.1f MiB (%.0f KiB per config)%n", (after - base) / 1048576.0, (after - base) / 1024.0 / n);
        System.out.printf("baseline, the texts alone: %.1f MiB; ratio %.1fx%n", textBytes / 1048576.0, (after - base) / (double) textBytes);
        if (service.workspace().size() != n) {
            throw new IllegalStateException("lost analyses");
        }
    }
}
