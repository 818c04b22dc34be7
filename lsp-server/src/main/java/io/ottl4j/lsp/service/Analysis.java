package io.ottl4j.lsp.service;

import java.util.ArrayList;
import java.util.List;

/** Everything the features need to know about one version of one document. */
public final class Analysis {
    public enum Kind { COLLECTOR, OTTL, TEST, OTHER }

    public final String uri;
    public final String text;
    public final LineIndex lines;
    public Kind kind = Kind.OTHER;
    /** Whether the problems include {@code ottl validate}'s (diagnostics always do). */
    public boolean validated;
    public YNode root;
    /** The collector config map: the document root, or an Operator document's {@code spec.config}. */
    public YNode.MapNode config;
    /** For a v1alpha1 Operator document: where the text of its {@code spec.config} string lies. */
    public ScalarMap embeddedConfig;
    public LineIndex embeddedLines;
    public final List<Group> groups = new ArrayList<>();
    public final List<Problem> problems = new ArrayList<>();
    public final List<IdRef> ids = new ArrayList<>();

    public Analysis(String uri, String text) {
        this.uri = uri;
        this.text = text;
        this.lines = new LineIndex(text);
    }

    /** The snippet at a document offset and its group, or null. */
    public Located locate(int offset) {
        for (Group g : groups) {
            for (Snippet s : g.all()) {
                if (s.covers(offset)) {
                    return new Located(g, s);
                }
            }
        }
        return null;
    }

    public record Located(Group group, Snippet snippet) {
    }
}
