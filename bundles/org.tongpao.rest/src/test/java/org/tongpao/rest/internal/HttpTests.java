package org.tongpao.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.cxf.Bus;

/** What the tests that run the real server stack on a loopback port share: the port, requests, shutdown. */
final class HttpTests {

    private HttpTests() {
    }

    /** A free loopback port, as of now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The server's base URL ({@code /v1}) on a free loopback port. */
    static String freshBase() throws IOException {
        return "http://127.0.0.1:" + freePort() + "/v1";
    }

    /** The {@code Authorization} value of HTTP Basic for this user and password. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request to {@code base + path} with a 10 s timeout, as {@code user} (password {@code pw}) unless null. */
    static HttpRequest.Builder request(String base, String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization", basic(user, "pw"));
        }
        return b;
    }

    /** Retires the endpoint, then the bus (each test class's {@code @AfterAll}). */
    static void stop(EndpointSwitch endpoint, Bus bus) {
        endpoint.close();
        bus.shutdown(true);
    }
}
