package io.ottl4j.collector.extension.storage;

import java.io.IOException;
import java.util.List;

/**
 * A key-value store owned by one component (and one signal): upstream's {@code storage.Client}. Keys are
 * strings, values bytes; {@link #batch} applies its operations atomically (all or none survive a crash) and in
 * order, filling in the values of its {@link Operation.Get}s.
 */
public interface StorageClient extends AutoCloseable {
    /** The value stored under {@code key}, or null. */
    byte[] get(String key) throws IOException;

    void set(String key, byte[] value) throws IOException;

    void delete(String key) throws IOException;

    /** Applies every operation in order as one atomic write. */
    void batch(List<Operation> operations) throws IOException;

    @Override
    void close() throws IOException;

    /** One operation of a {@link #batch}. */
    sealed interface Operation {
        String key();

        static Operation set(String key, byte[] value) {
            return new Set(key, value);
        }

        static Operation delete(String key) {
            return new Delete(key);
        }

        static Get get(String key) {
            return new Get(key);
        }

        record Set(String key, byte[] value) implements Operation {
        }

        record Delete(String key) implements Operation {
        }

        /** A read inside a batch; its value is set when the batch runs. */
        final class Get implements Operation {
            private final String key;
            private byte[] value;

            Get(String key) {
                this.key = key;
            }

            @Override
            public String key() {
                return key;
            }

            public byte[] value() {
                return value;
            }

            public void value(byte[] v) {
                value = v;
            }
        }
    }
}
