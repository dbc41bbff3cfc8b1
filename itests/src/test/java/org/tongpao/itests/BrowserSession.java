package org.tongpao.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP client that behaves like the dashboard's page: it logs in with {@code POST /api/v1/session}, then sends
 * only the session cookie (never Basic), and the CSRF token where it chooses to. Raw {@link HttpResponse}s, so tests
 * see every header (Set-Cookie, security headers).
 */
final class BrowserSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final String API = "/api/v1";

    final String origin;
    String cookie;
    String csrfToken;
    HttpResponse<String> login;

    BrowserSession(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    BrowserSession login(String user, String password) {
        login = send("POST", "/api/v1/session", json(Map.of("username", user, "password", password)), false);
        if (login.statusCode() == 201) {
            String set = login.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = set.substring(0, set.indexOf(';'));
            csrfToken = body(login).get("csrfToken").asText();
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, false);
    }

    /** An unsafe request with the cookie, with or without the page's CSRF header. */
    HttpResponse<String> post(String path, Object body, boolean withToken) {
        return send("POST", path, body == null ? null : json(body), withToken);
    }

    HttpResponse<String> delete(String path, boolean withToken) {
        return send("DELETE", path, null, withToken);
    }

    HttpResponse<String> send(String method, String path, String body, boolean withToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "XMLHttpRequest");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (withToken) {
            b.header("X-CSRF-Token", csrfToken);
        }
        if (!"GET".equals(method)) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (path.startsWith(API)) {
                // checked against the served OpenAPI document like every other answer (ApiContractCheck)
                ApiRecorder.record(origin + API, method, path.substring(API.length()), r);
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    static JsonNode body(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
