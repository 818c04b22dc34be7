package io.ottl4j.lsp.service;

import java.util.List;

/** What the language service answers, in char offsets; the protocol layer turns them into LSP4J types. */
public final class Results {
    private Results() {
    }

    public enum ItemKind { FUNCTION, METHOD, PROPERTY, ENUM, KEYWORD, MODULE, FIELD, VALUE, REFERENCE }

    /** A completion: {@code insert} replaces {@code [start, end)}; a snippet uses ${1:name} placeholders. */
    public record Completion(String label, ItemKind kind, String detail, String documentation, String insert, boolean snippet,
            int start, int end) {
    }

    public record Hover(String markdown, int start, int end) {
    }

    public record Signature(String label, String documentation, List<String> parameters, int activeParameter) {
    }

    /** A token on one line: {@code type} and {@code modifiers} index {@link Tokens#TYPES} and {@link Tokens#MODIFIERS}. */
    public record Token(int start, int length, int type, int modifiers) {
    }

    public enum SymbolKind { NAMESPACE, CLASS, FUNCTION, INTERFACE, PROPERTY, EVENT, BOOLEAN, METHOD }

    public record Symbol(String name, String detail, SymbolKind kind, int start, int end, int selectionStart, int selectionEnd,
            List<Symbol> children) {
    }

    public record Fold(int startLine, int endLine) {
    }

    public record Edit(int start, int end, String text) {
    }

    public record Hint(int offset, String label) {
    }

    public record Lens(int start, int end, String title, String command, List<Object> arguments) {
    }
}
