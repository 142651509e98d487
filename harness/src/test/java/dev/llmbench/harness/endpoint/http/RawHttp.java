package dev.llmbench.harness.endpoint.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper for loopback servers written on raw sockets (to misbehave where an HTTP server library would not). */
final class RawHttp {

    private RawHttp() {
    }

    /** Writes {@code data} as one HTTP/1.1 chunk. */
    static void chunk(OutputStream out, String data) throws IOException {
        byte[] b = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a request head; returns its Content-Length, or -1 at the end of the connection. */
    static int readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) break;
        }
        if (c < 0) return -1;
        for (String line : head.toString().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length"))
                return Integer.parseInt(line.substring(colon + 1).trim());
        }
        return 0;
    }
}
