package io.ottl4j.lsp.service;

/** One OTTL text in a document (a statement, a condition or a value expression) and where its chars are. */
public record Snippet(Role role, ScalarMap map) {
    public enum Role { STATEMENT, CONDITION, EXPRESSION }

    public String text() {
        return map.value();
    }

    public int start() {
        return map.toDocument(0);
    }

    public int end() {
        return map.toDocument(map.value().length());
    }

    public boolean covers(int docOffset) {
        return docOffset >= start() && docOffset <= end();
    }
}
