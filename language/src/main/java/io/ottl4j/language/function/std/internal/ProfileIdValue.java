package io.ottl4j.language.function.std.internal;

import java.util.Arrays;
import java.util.HexFormat;

/** A 16-byte profile id (upstream's {@code pprofile.ProfileID}); compared by value. */
public final class ProfileIdValue {
    private final byte[] bytes;

    public ProfileIdValue(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileIdValue p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
