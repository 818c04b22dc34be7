package io.ottl4j.grammar.ast;

import java.util.Arrays;
import java.util.HexFormat;

/** {@code 0x0a0b}: the decoded bytes. The array is copied in and out, so the record stays immutable. */
public record BytesLiteral(byte[] value, SourceSpan span) implements Value {

    public BytesLiteral {
        value = Nodes.require(value, "value").clone();
        Nodes.require(span, "span");
    }

    /** A copy of the bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Lowercase hex, without {@code 0x}. */
    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BytesLiteral that && Arrays.equals(value, that.value) && span.equals(that.span);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + span.hashCode();
    }

    @Override
    public String toString() {
        return "BytesLiteral[value=0x" + hex() + ", span=" + span + "]";
    }
}
