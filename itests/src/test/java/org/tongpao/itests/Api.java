package org.tongpao.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A small HTTP client for the Tongpao REST API, as a logistics officer's tool would call it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final String password;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean recorded = true;

    private Api(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port + "/api/v1", null, null);
    }

    public Api as(String user, String password) {
        return new Api(base, user, password);
    }

    /**
     * A client whose answers are not checked against the OpenAPI document: for polling a node that is still
     * starting, where a 404 before the REST server is mounted is no answer of the API's.
     */
    public Api unrecorded() {
        Api copy = new Api(base, user, password);
        copy.headers.putAll(headers);
        copy.recorded = false;
        return copy;
    }

    public Api as(String user) {
        return as(user, "demo");
    }

    public Api header(String name, String value) {
        Api copy = new Api(base, user, password);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, toJson(body), "application/json");
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, toJson(body), "application/json");
    }

    /** Sends a raw body with a chosen content type, for malformed and oversized input. */
    public Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // every answer is checked against the served OpenAPI document after the tests (ApiContractCheck)
            if (recorded) {
                ApiRecorder.record(base, method, path, r);
            }
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("X-Request-Id").orElse(null),
                    r.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            // the node is down: what it serves after a restart is checked against what it serves then
            ApiRecorder.forget(base);
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** Sends a binary body (an XLSX upload); not recorded, its answer is read as text (JSON or problem+json). */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        authorize(b);
        b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return reply(exchange(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), method, path));
    }

    /**
     * Sends a body streamed from {@code body} without a Content-Length (chunked), so the server sees its size only by
     * reading it; not recorded.
     */
    public Reply sendStream(String method, String path, Supplier<InputStream> body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        authorize(b);
        b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofInputStream(body));
        return reply(exchange(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), method, path));
    }

    private static Reply reply(HttpResponse<String> r) {
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("Location").orElse(null), r.headers().firstValue("X-Request-Id").orElse(null),
                r.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    /** GETs a binary answer (an XLSX or CSV download) as bytes; not recorded. */
    public Bytes getBytes(String path) {
        return download(path, null);
    }

    /**
     * A GET whose answer is a file (CSV, XLSX, PDF) as bytes, with {@code accept} (null: none). Not recorded: the
     * contract check reads JSON answers.
     */
    public Bytes download(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        authorize(b);
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<byte[]> r = exchange(b.GET(), HttpResponse.BodyHandlers.ofByteArray(), "GET", path);
        return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(null), r.body());
    }

    private void authorize(HttpRequest.Builder b) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        headers.forEach(b::header);
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler,
            String method, String path) {
        try {
            return CLIENT.send(b.build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** A binary answer (a file): status, content type, {@code Content-Disposition} and the bytes. */
    public record Bytes(int status, String contentType, String disposition, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String toJson(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An HTTP answer: status, content type and body (parsed as JSON on demand). */
    public record Reply(int status, String contentType, String body, String location, String requestId,
            String wwwAuthenticate) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
