package io.ottl4j.collector.processor.resourcedetection.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The Docker Engine API, found as the Docker CLI finds it: {@code DOCKER_HOST} ({@code unix:///path} or
 * {@code tcp://host:port}), else {@code /var/run/docker.sock}. One HTTP/1.1 GET per connection over a socket
 * channel (the JDK's HTTP client speaks no Unix sockets), non-blocking under a deadline so a daemon that never
 * answers cannot hold detection past its timeout. TLS to a remote daemon ({@code DOCKER_TLS_VERIFY}) is not offered.
 */
final class DockerApi {
    private final SocketAddress address;
    private final String host;
    private final Duration timeout;

    DockerApi(String dockerHost, Duration timeout) {
        this.timeout = timeout;
        String h = dockerHost == null || dockerHost.isBlank() ? "unix:///var/run/docker.sock" : dockerHost.trim();
        URI u = URI.create(h);
        switch (u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT)) {
            case "unix" -> {
                address = UnixDomainSocketAddress.of(u.getPath());
                host = "docker";
            }
            case "tcp", "http" -> {
                address = new InetSocketAddress(u.getHost(), u.getPort() < 0 ? 2375 : u.getPort());
                host = u.getHost() + ":" + (u.getPort() < 0 ? 2375 : u.getPort());
            }
            default -> throw new IllegalArgumentException("unsupported DOCKER_HOST " + h + " (ottl4j speaks to unix:// and tcp:// daemons)");
        }
    }

    JsonNode get(String path) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel ch = address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
                Selector sel = Selector.open()) {
            ch.configureBlocking(false);
            ch.register(sel, SelectionKey.OP_CONNECT);
            if (!ch.connect(address)) {
                await(sel, deadline);
                ch.finishConnect();
            }
            ByteBuffer req = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: ottl4j\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ch.register(sel, SelectionKey.OP_WRITE);
            while (req.hasRemaining()) {
                await(sel, deadline);
                ch.write(req);
            }
            ch.register(sel, SelectionKey.OP_READ);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (true) {
                await(sel, deadline);
                int n = ch.read(buf);
                if (n < 0) {
                    break;
                }
                raw.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return parse(raw.toByteArray(), path);
        }
    }

    private static void await(Selector sel, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0 || sel.select(left) == 0 && System.nanoTime() >= deadline) {
            throw new java.net.SocketTimeoutException("Docker daemon did not answer in time");
        }
        sel.selectedKeys().clear();
    }

    private static JsonNode parse(byte[] raw, String path) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("malformed answer from the Docker daemon");
        }
        String[] head = all.substring(0, end).split("\r\n");
        String[] status = head[0].split(" ", 3);
        int code = status.length > 1 ? Integer.parseInt(status[1]) : 0;
        boolean chunked = false;
        for (String h : head) {
            if (h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (code / 100 != 2) {
            throw new IOException("GET " + path + ": HTTP " + code + " " + text.trim());
        }
        return MetadataClient.json(text);
    }

    private static byte[] dechunk(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int eol = i;
            while (eol + 1 < in.length && !(in[eol] == '\r' && in[eol + 1] == '\n')) {
                eol++;
            }
            String size = new String(in, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            if (eol + 2 + n > in.length) {
                throw new IOException("truncated answer from the Docker daemon");
            }
            out.write(in, eol + 2, n);
            i = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }
}
