package io.ottl4j.grammar.ast;

import java.util.List;

/**
 * An editor or converter call: {@code name(args)keys}. The name is reassembled from its case-split
 * tokens (whitespace between them is dropped, as upstream does). {@code keys} index a converter's
 * result ({@code Split(x, ",")[0]}); the grammar rejects keys on editors.
 *
 * @param nameSpan where the name is written
 * @param span     the whole call including its keys
 */
public record Call(String name, SourceSpan nameSpan, List<Argument> args, List<Key> keys, SourceSpan span)
        implements Value {

    public Call {
        Nodes.require(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty function name");
        }
        Nodes.require(nameSpan, "nameSpan");
        args = Nodes.list(args, "args");
        keys = Nodes.list(keys, "keys");
        Nodes.require(span, "span");
    }

    /** Editors start with a lowercase letter, converters with an uppercase one. */
    public boolean isEditorName() {
        return Character.isLowerCase(name.charAt(0));
    }
}
