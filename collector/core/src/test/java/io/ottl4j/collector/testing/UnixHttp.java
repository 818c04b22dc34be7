package io.ottl4j.collector.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** HTTP/1.1 by hand over a Unix domain socket (the JDK's HTTP client speaks TCP only), for servers on {@code transport: unix}. */
public final class UnixHttp {
    private UnixHttp() {
    }

    /**
     * Sends one request ({@code Connection: close}, {@code Content-Length} of {@code body}, plus {@code headers}, each
     * line ending in CRLF) and returns the whole response as text: status line, headers and body.
     */
    public static String request(Path socket, String method, String path, String headers, byte[] body) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            ch.write(ByteBuffer.wrap(body));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (ch.read(buf) > 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
