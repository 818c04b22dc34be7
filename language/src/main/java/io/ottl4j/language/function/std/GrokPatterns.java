package io.ottl4j.language.function.std;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grok: named, reusable regular-expression pieces ({@code %{SYNTAX}}, {@code %{SYNTAX:ID}},
 * {@code %{SYNTAX:ID:TYPE}}) expanded into one regular expression, with the standard pattern sets shipped
 * as the resource {@code grok-patterns.txt}. Expansion follows upstream's grok library: repeated rounds
 * replacing every reference, an ID's dots encoded as {@code ___} in the group name, references without an
 * ID captured under the pattern's name unless only named captures are wanted.
 */
final class GrokPatterns {
    static final String DOT = "___";
    private static final Pattern REFERENCE = Pattern.compile("%\\{(\\w+(?::[\\w+.]+(?::\\w+)?)?)\\}");
    private static final Map<String, String> DEFAULT;
    private static final Map<String, String> COMPLETE;

    static {
        Map<String, String> def = new HashMap<>();
        Map<String, String> complete = new HashMap<>();
        try (InputStream in = GrokPatterns.class.getResourceAsStream("grok-patterns.txt")) {
            if (in == null) {
                throw new IllegalStateException("grok-patterns.txt resource missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String set = "";
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("# set: ")) {
                    set = line.substring(7).trim();
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    int sp = line.indexOf(' ');
                    (set.equals("default") ? def : complete).put(line.substring(0, sp), line.substring(sp + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DEFAULT = Map.copyOf(def);
        COMPLETE = Map.copyOf(complete);
    }

    /** The result of expanding a grok expression. */
    record Expanded(String regex, Map<String, String> typeHints) {
    }

    private final Map<String, String> definitions = new HashMap<>(COMPLETE);

    /** Adds or replaces a definition (user definitions override the shipped ones). */
    void add(String name, String definition) {
        definitions.put(name, definition);
    }

    /** Expands every reference; throws IllegalArgumentException for an unknown pattern name. */
    Expanded expand(String pattern, boolean namedCapturesOnly) {
        Map<String, String> hints = new HashMap<>();
        String expanded = pattern;
        // bounded like upstream, which guards against definitions referring to each other in a cycle
        for (int round = 0; round < 1000; round++) {
            List<String[]> refs = new ArrayList<>();
            Matcher m = REFERENCE.matcher(expanded);
            while (m.find()) {
                refs.add(new String[] {m.group(0), m.group(1)});
            }
            if (refs.isEmpty()) {
                break;
            }
            for (String[] ref : refs) {
                String[] parts = ref[1].split(":", -1);
                String syntax = parts[0];
                String id = parts.length > 1 ? parts[1].replace(".", DOT) : parts[0];
                if (parts.length == 3) {
                    hints.put(id, parts[2]);
                }
                String known = definitions.get(syntax);
                if (known == null) {
                    known = DEFAULT.get(syntax);
                }
                if (known == null) {
                    throw new IllegalArgumentException("pattern definition \"" + syntax + "\" unknown: parsing failed");
                }
                String replacement = namedCapturesOnly && parts.length == 1
                        ? "(" + known + ")"
                        : "(?P<" + id + ">" + known + ")";
                expanded = expanded.replace(ref[0], replacement);
            }
        }
        return new Expanded(expanded, hints);
    }
}
