package org.tongpao.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request written byte for byte to a server on the loopback address, and its answer: for what an HTTP client
 * refuses to send (a foreign Host, a malformed header line, an unknown method or version). Send
 * {@code Connection: close} so the answer ends. Header names are lower-cased; repeated headers are joined.
 */
public record RawHttp(int status, Map<String, String> headers, String body) {

    public static RawHttp send(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            return new RawHttp(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(split + 4));
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Short enough for an assertion message. */
    @Override
    public String toString() {
        return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
