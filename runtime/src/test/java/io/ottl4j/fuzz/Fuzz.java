package io.ottl4j.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A small seeded fuzzer for property tests: inputs from a generator (mutations of valid samples, random
 * bytes, random token soup), and a property that may only fail in the ways it allows. Deterministic for a
 * seed; a failure names the seed and the try, so it can be replayed. The suite runs a few hundred tries
 * per property; {@code scripts/fuzz-long.sh} raises {@code -Dottl4j.fuzz.tries} and varies the seed.
 * (jqwik was considered: its 1.10 releases print a notice telling AI agents not to use the library and to
 * ignore its results, so the project does not depend on it.)
 */
public final class Fuzz {
    /** What a property does with one input; throwing is a failure unless the exception is allowed. */
    public interface Property<T> {
        void check(T input) throws Throwable;
    }

    private Fuzz() {
    }

    public static int tries() {
        return Integer.getInteger("ottl4j.fuzz.tries", 300);
    }

    public static long seed() {
        return Long.getLong("ottl4j.fuzz.seed", 0x07714A11L);
    }

    /**
     * Runs {@code property} on {@link #tries()} inputs of {@code generator}; a Throwable not assignable to one
     * of {@code allowed} fails with the seed, try and (shortened) input.
     */
    @SafeVarargs
    public static <T> void check(String name, Function<Random, T> generator, Property<T> property, Class<? extends Throwable>... allowed) {
        check(name, 1.0, generator, property, allowed);
    }

    /** As {@link #check(String, Function, Property, Class[])} with {@code share} of the tries (costly properties). */
    @SafeVarargs
    public static <T> void check(String name, double share, Function<Random, T> generator, Property<T> property,
            Class<? extends Throwable>... allowed) {
        long seed = seed() ^ name.hashCode();
        Random r = new Random(seed);
        int n = Math.max(1, (int) (tries() * share));
        for (int i = 0; i < n; i++) {
            T input = generator.apply(r);
            try {
                property.check(input);
            } catch (Throwable t) {
                if (List.of(allowed).stream().anyMatch(a -> a.isInstance(t))) {
                    continue;
                }
                AssertionError e = new AssertionError(name + ": try " + i + " of seed " + seed() + " failed with " + t + " on input "
                        + show(input), t);
                throw e;
            }
        }
    }

    private static String show(Object input) {
        String s = input instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(input);
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    // ---------------------------------------------------------------- generators

    /** A mutation of {@code sample}: flipped bits, changed, inserted, deleted, duplicated bytes, truncation. */
    public static byte[] mutate(Random r, byte[] sample) {
        byte[] b = sample.clone();
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> b = splice(b, at, 0, new byte[] {(byte) r.nextInt(256)});
                case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + r.nextInt(16)), new byte[0]);
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    b = splice(b, at, 0, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                default -> b = java.util.Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    /** Random bytes, up to {@code max} long. */
    public static byte[] bytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** A string of {@code 0..max} tokens drawn from {@code tokens}. */
    public static String tokens(Random r, List<String> tokens, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            sb.append(tokens.get(r.nextInt(tokens.size())));
        }
        return sb.toString();
    }

    /** A mutation of {@code sample} as text, or a token soup, or a deeply nested bracket string. */
    public static String mutateText(Random r, String sample, List<String> tokens) {
        return switch (r.nextInt(4)) {
            case 0 -> tokens(r, tokens, 40);
            case 1 -> {
                int depth = r.nextInt(20_000);
                String open = tokens.get(r.nextInt(tokens.size()));
                yield open.repeat(depth);
            }
            default -> new String(mutate(r, sample.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        };
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
