package io.ottl4j.collector.processor.tailsampling.policy;

import com.google.re2j.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code string_attribute}: exact values, or RE2 patterns (unanchored, as Go's {@code MatchString}) whose
 * results are remembered in an LRU of {@code cache_max_size} values. Span values must be non-empty.
 */
public final class StringAttributePolicy extends AttributePolicy {
    private final Set<String> values;
    private final List<Pattern> patterns;
    private final Map<String, Boolean> cache;

    public StringAttributePolicy(String key, List<String> values, boolean regex, int cacheSize, boolean invert, boolean plainInverted) {
        super(key, invert, plainInverted);
        List<String> nonEmpty = values.stream().filter(v -> !v.isEmpty()).toList();
        if (regex) {
            this.values = Set.of();
            this.patterns = nonEmpty.stream().map(Pattern::compile).toList();
            int max = cacheSize > 0 ? cacheSize : 128;
            this.cache = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > max;
                }
            };
        } else {
            this.values = Set.copyOf(nonEmpty);
            this.patterns = null;
            this.cache = null;
        }
    }

    private boolean match(String s) {
        if (patterns == null) {
            return values.contains(s);
        }
        synchronized (cache) {
            Boolean hit = cache.get(s);
            if (hit != null) {
                return hit;
            }
            boolean m = false;
            for (Pattern p : patterns) {
                if (p.matcher(s).find()) {
                    m = true;
                    break;
                }
            }
            cache.put(s, m);
            return m;
        }
    }

    @Override
    boolean matchesResource(Object value) {
        return match(str(value));
    }

    @Override
    boolean matchesSpan(Object value) {
        String s = str(value);
        return !s.isEmpty() && match(s);
    }
}
