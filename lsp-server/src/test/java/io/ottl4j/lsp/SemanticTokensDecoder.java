package io.ottl4j.lsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes LSP's relative semantic-token integers into "line:char" → {length, type, modifiers}. */
final class SemanticTokensDecoder {
    private SemanticTokensDecoder() {
    }

    static Map<String, int[]> decode(List<Integer> data) {
        Map<String, int[]> out = new LinkedHashMap<>();
        int line = 0;
        int ch = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            int dl = data.get(i);
            line += dl;
            ch = dl == 0 ? ch + data.get(i + 1) : data.get(i + 1);
            out.put(line + ":" + ch, new int[] {data.get(i + 2), data.get(i + 3), data.get(i + 4)});
        }
        return out;
    }
}
