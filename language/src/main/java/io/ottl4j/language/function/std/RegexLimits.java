package io.ottl4j.language.function.std;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;

/**
 * The limits Go's {@code regexp/syntax} parser puts on a pattern, which RE2/J does not: a pattern whose
 * nested repetitions would copy their innermost part more than 1,000 times ({@code (a{1000}){1000}}: Go's
 * "invalid repeat count"), one whose compiled program would be too large (Go's "expression too large", at
 * about 3.3 million instructions), and one nested deeper than 1,000 groups (Go's "expression nests too
 * deeply"). Without them such a pattern compiles here and costs seconds per record. A single scan over the
 * pattern; it only needs to be exact for the patterns RE2/J accepts.
 */
final class RegexLimits {
    static final int MAX_REPEAT = 1000;
    /** Go: 128 MiB of 40-byte instructions. */
    static final long MAX_SIZE = (128L << 20) / 40;
    static final int MAX_HEIGHT = 1000;

    private RegexLimits() {
    }

    /** One open group: its size so far, the largest repeat product inside it, the last atom's figures. */
    private static final class Frame {
        long size;
        long product = 1;
        long lastSize;
        long lastProduct = 1;
        boolean hasLast;

        void atom(long s, long p) {
            size += s;
            product = Math.max(product, p);
            lastSize = s;
            lastProduct = p;
            hasLast = true;
        }
    }

    static void check(String re) throws PatternSyntaxException {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        Frame cur = new Frame();
        int i = 0;
        int n = re.length();
        while (i < n) {
            char c = re.charAt(i);
            switch (c) {
                case '\\' -> {
                    i = skipEscape(re, i);
                    cur.atom(1, 1);
                    continue;
                }
                case '[' -> {
                    i = skipClass(re, i);
                    cur.atom(1, 1);
                    continue;
                }
                case '(' -> {
                    int j = i + 1;
                    if (j < n && re.charAt(j) == '?') {
                        int k = j + 1;
                        while (k < n && re.charAt(k) != ')' && re.charAt(k) != ':' && re.charAt(k) != '>') {
                            k++;
                        }
                        if (k < n && re.charAt(k) == ')') { // a flag setting such as (?i): not a group
                            i = k + 1;
                            continue;
                        }
                        i = k + 1;
                    } else {
                        i = j;
                    }
                    stack.push(cur);
                    if (stack.size() > MAX_HEIGHT) {
                        throw new PatternSyntaxException("expression nests too deeply", re);
                    }
                    cur = new Frame();
                    continue;
                }
                case ')' -> {
                    Frame inner = cur;
                    cur = stack.isEmpty() ? new Frame() : stack.pop();
                    cur.atom(inner.size + 1, inner.product);
                }
                case '|' -> {
                    cur.size += 1;
                    cur.hasLast = false;
                }
                case '*', '+', '?' -> {
                    if (cur.hasLast) {
                        cur.size += 1;
                    }
                }
                case '{' -> {
                    int close = re.indexOf('}', i);
                    int[] counts = close < 0 ? null : counts(re.substring(i + 1, close));
                    if (counts != null && cur.hasLast) {
                        int min = counts[0];
                        int max = counts[1];
                        int m = max < 0 ? min : max;
                        if ((min >= 2 || max >= 2) && m > 0 && cur.lastProduct * m > MAX_REPEAT) {
                            throw new PatternSyntaxException("invalid repeat count", re.substring(i, close + 1));
                        }
                        long copies = Math.max(1, max < 0 ? min + 1 : max);
                        long grown = cur.lastSize * copies;
                        cur.size += grown - cur.lastSize;
                        long p = m > 0 ? cur.lastProduct * m : cur.lastProduct;
                        cur.product = Math.max(cur.product, p);
                        cur.lastSize = grown;
                        cur.lastProduct = p;
                        if (cur.size > MAX_SIZE) {
                            throw new PatternSyntaxException("expression too large", re);
                        }
                        i = close + 1;
                        continue;
                    }
                    cur.atom(1, 1); // a literal brace
                }
                default -> cur.atom(1, 1);
            }
            i++;
        }
        long total = cur.size;
        for (Frame f : stack) {
            total += f.size;
        }
        if (total > MAX_SIZE) {
            throw new PatternSyntaxException("expression too large", re);
        }
    }

    /** {min, max} of a repeat body "m", "m," or "m,n" (max -1: unbounded), or null when it is not one. */
    private static int[] counts(String body) {
        int comma = body.indexOf(',');
        String a = comma < 0 ? body : body.substring(0, comma);
        String b = comma < 0 ? a : body.substring(comma + 1);
        if (!a.matches("\\d{1,9}") || !(b.isEmpty() || b.matches("\\d{1,9}"))) {
            return null;
        }
        return new int[] {Integer.parseInt(a), b.isEmpty() ? -1 : Integer.parseInt(b)};
    }

    private static int skipEscape(String re, int i) {
        int j = i + 1;
        if (j >= re.length()) {
            return j;
        }
        char e = re.charAt(j);
        if (e == 'Q') { // literal text up to \E
            int end = re.indexOf("\\E", j + 1);
            return end < 0 ? re.length() : end + 2;
        }
        if ((e == 'p' || e == 'P' || e == 'x') && j + 1 < re.length() && re.charAt(j + 1) == '{') {
            int end = re.indexOf('}', j + 1);
            return end < 0 ? re.length() : end + 1;
        }
        return j + 1;
    }

    private static int skipClass(String re, int i) {
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++; // a leading ] is a literal
        }
        while (j < re.length()) {
            char c = re.charAt(j);
            if (c == '\\') {
                j = skipEscape(re, j);
                continue;
            }
            if (c == '[' && j + 1 < re.length() && re.charAt(j + 1) == ':') {
                int end = re.indexOf(":]", j + 2);
                if (end >= 0) {
                    j = end + 2;
                    continue;
                }
            }
            if (c == ']') {
                return j + 1;
            }
            j++;
        }
        return j;
    }
}
