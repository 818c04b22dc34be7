package io.ottl4j.collector.processor.k8sattributes.internal;

import com.google.re2j.Matcher;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.FieldRule;
import io.ottl4j.collector.processor.k8sattributes.K8sAttributesConfig.From;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies the labels/annotations rules of {@code extract} to one object's metadata. */
public final class Extraction {
    private Extraction() {
    }

    /** The attributes that the rules reading from {@code from} take from {@code obj}'s labels and annotations. */
    public static Map<String, String> labelsAndAnnotations(K8sAttributesConfig.Extract extract, From from, HasMetadata obj) {
        Map<String, String> out = new LinkedHashMap<>();
        ObjectMeta m = obj.getMetadata();
        apply(extract.labels(), from, m.getLabels(), out);
        apply(extract.annotations(), from, m.getAnnotations(), out);
        return out;
    }

    static void apply(List<FieldRule> rules, From from, Map<String, String> source, Map<String, String> out) {
        if (source == null || source.isEmpty()) {
            return;
        }
        for (FieldRule r : rules) {
            if (r.from() != from) {
                continue;
            }
            if (r.keyRegex() == null) {
                String v = source.get(r.key());
                if (v != null) {
                    out.put(r.tagName(), v);
                }
                continue;
            }
            for (Map.Entry<String, String> e : source.entrySet()) {
                Matcher m = r.keyRegex().matcher(e.getKey());
                if (m.matches()) {
                    out.put(expand(r.tagName(), m), e.getValue());
                }
            }
        }
    }

    /** Go's {@code Regexp.ExpandString}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
    static String expand(String template, Matcher m) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 == template.length()) {
                b.append(c);
                i++;
                continue;
            }
            char n = template.charAt(i + 1);
            if (n == '$') {
                b.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (n == '{') {
                end = template.indexOf('}', i + 2);
                if (end < 0) {
                    b.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, end);
                end++;
            } else {
                end = i + 1;
                while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                    end++;
                }
                name = template.substring(i + 1, end);
            }
            if (name.isEmpty()) {
                b.append(c);
                i++;
                continue;
            }
            b.append(group(m, name));
            i = end;
        }
        return b.toString();
    }

    private static String group(Matcher m, String name) {
        String g = null;
        try {
            if (name.chars().allMatch(Character::isDigit)) {
                int idx = Integer.parseInt(name);
                g = idx <= m.groupCount() ? m.group(idx) : null;
            } else {
                g = m.group(name);
            }
        } catch (RuntimeException e) {
            g = null; // Go expands an unknown group to nothing
        }
        return g == null ? "" : g;
    }

    /** The first owner reference of {@code kind}, or null. */
    public static OwnerReference owner(HasMetadata obj, String kind) {
        List<OwnerReference> refs = obj.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (kind.equals(r.getKind())) {
                    return r;
                }
            }
        }
        return null;
    }
}
