package io.ottl4j.cli.process;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff (longest common subsequence): {@code -} removed, {@code +} added, two spaces unchanged. */
public final class LineDiff {
    private LineDiff() {
    }

    /** Every line of both texts in order; unchanged runs longer than {@code context} lines around changes are elided. */
    public static String diff(String before, String after, int context) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+ " + b[j++]);
            } else {
                lines.add("- " + a[i++]);
            }
        }
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int m = Math.max(0, k - context); m <= Math.min(lines.size() - 1, k + context); m++) {
                    keep[m] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                sb.append(lines.get(k)).append('\n');
                skipped = false;
            } else if (!skipped) {
                sb.append("  ...\n");
                skipped = true;
            }
        }
        return sb.toString();
    }
}
