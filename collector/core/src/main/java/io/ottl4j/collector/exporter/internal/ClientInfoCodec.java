package io.ottl4j.collector.exporter.internal;

import io.ottl4j.collector.client.ClientInfo;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client info of a queued request in the persistent queue: {@code address, n keys, (key, n values, values...)...}. */
final class ClientInfoCodec {
    private static final byte[] NONE = new byte[0];

    private ClientInfoCodec() {
    }

    static byte[] encode(ClientInfo info) {
        if (info.address().isEmpty() && info.metadata().isEmpty()) {
            return NONE;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, info.address());
            out.writeInt(info.metadata().size());
            for (Map.Entry<String, List<String>> e : info.metadata().entrySet()) {
                write(out, e.getKey());
                out.writeInt(e.getValue().size());
                for (String v : e.getValue()) {
                    write(out, v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** Decodes what {@link #encode} wrote; a damaged value is an {@link IllegalArgumentException}. */
    static ClientInfo decode(byte[] bytes) {
        if (bytes.length == 0) {
            return ClientInfo.EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            String address = read(in);
            int keys = in.readInt();
            Map<String, List<String>> metadata = new LinkedHashMap<>();
            for (int i = 0; i < keys; i++) {
                String key = read(in);
                int n = in.readInt();
                List<String> values = new ArrayList<>(Math.min(n, 64));
                for (int j = 0; j < n; j++) {
                    values.add(read(in));
                }
                metadata.put(key, values);
            }
            return new ClientInfo(address, metadata);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged client info: " + e.getMessage(), e);
        }
    }
}
