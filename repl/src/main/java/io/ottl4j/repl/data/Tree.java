package io.ottl4j.repl.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as an ordered tree of fields named as OTTL paths name them ({@code attributes["k"]},
 * {@code status.code}, {@code events[0].name}). One shape serves {@code :show} (rendered as a tree) and
 * the diff (flattened to path → rendered value).
 */
public final class Tree {
    private final String name;
    private final String value;
    private final List<Tree> children = new ArrayList<>();

    private Tree(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public static Tree root() {
        return new Tree("", null);
    }

    public String name() {
        return name;
    }

    /** The rendered scalar, or null for an inner node. */
    public String value() {
        return value;
    }

    public List<Tree> children() {
        return children;
    }

    public Tree leaf(String childName, String rendered) {
        children.add(new Tree(childName, rendered));
        return this;
    }

    public Tree node(String childName) {
        Tree t = new Tree(childName, null);
        children.add(t);
        return t;
    }

    /** Removes an inner node that ended up without children (an empty map renders as {@code {}}). */
    void emptyAs(String rendered) {
        for (int i = 0; i < children.size(); i++) {
            Tree c = children.get(i);
            if (c.value == null && c.children.isEmpty()) {
                children.set(i, new Tree(c.name, rendered));
            }
        }
    }

    /** path → rendered value for every leaf, in tree order. */
    public Map<String, String> flatten() {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", out);
        return out;
    }

    private void flatten(String prefix, Map<String, String> out) {
        for (Tree c : children) {
            String path = prefix.isEmpty() ? c.name : c.name.startsWith("[") ? prefix + c.name : prefix + "." + c.name;
            if (c.value != null) {
                out.put(path, c.value);
            } else if (c.children.isEmpty()) {
                out.put(path, "{}");
            } else {
                c.flatten(path, out);
            }
        }
    }
}
