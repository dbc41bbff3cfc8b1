package org.example.jinghua.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.procurement.api.ChannelException;

/**
 * Jinghua's order API over HTTP. Its failures become {@link ChannelException}s a procurement officer can act
 * on: no answer in time, no connection, 5xx or unreadable JSON may pass (retryable); a refusal (4xx) or a
 * wrong partner key will not (not retryable).
 */
final class FactoryClient {
    private static final Logger LOG = LoggerFactory.getLogger(FactoryClient.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String partnerKey;
    private final Duration timeout;
    private final HttpClient http;

    FactoryClient(URI baseUrl, String partnerKey, Duration timeout) {
        boolean web = baseUrl != null && baseUrl.getHost() != null
                && ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()));
        if (!web) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + baseUrl);
        }
        if (partnerKey == null || partnerKey.isBlank()) {
            throw new IllegalArgumentException(".partnerKey is required");
        }
        if (timeout.toMillis() < 100 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("timeoutMillis must be between 100 and 60000, was " + timeout.toMillis());
        }
        this.base = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.partnerKey = partnerKey.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    static FactoryClient of(JinghuaConfig config) {
        return new FactoryClient(URI.create(config.baseUrl().strip()), config._partnerKey(),
                Duration.ofMillis(config.timeoutMillis()));
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    JsonNode get(String path, String what) throws ChannelException {
        return exchange(start(path).GET().build(), what);
    }

    JsonNode post(String path, JsonNode body, String what) throws ChannelException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new ChannelException("could not write the request for " + what, false, e);
        }
        return exchange(start(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), what);
    }

    private HttpRequest.Builder start(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json")
                .header("X-Partner-Key", partnerKey);
    }

    private JsonNode exchange(HttpRequest request, String what) throws ChannelException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            LOG.debug("Jinghua did not answer {} within {} ms", what, timeout.toMillis());
            throw new ChannelException("Jinghua did not answer " + what + " within " + timeout.toMillis() + " ms", true, e);
        } catch (IOException e) {
            LOG.debug("Jinghua cannot be reached for {}", what, e);
            throw new ChannelException("Jinghua's order system cannot be reached (" + e.getClass().getSimpleName() + ")",
                    true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while waiting for Jinghua", true, e);
        }
        JsonNode body = read(response, what);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return body;
        }
        String reason = body.path("message").asText("HTTP " + status);
        if (status == 401 || status == 403) {
            throw new ChannelException("Jinghua refused this install's partner key (HTTP " + status
                    + "); check .partnerKey in etc/org.example.jinghua.cfg", false);
        }
        if (status >= 500 || status == 429) {
            throw new ChannelException("Jinghua's order system is unavailable (" + reason + "); try again later", true);
        }
        throw new ChannelException("Jinghua refused " + what + ": " + reason + " (" + body.path("error").asText("HTTP "
                + status) + ")", false);
    }

    private static JsonNode read(HttpResponse<byte[]> response, String what) throws ChannelException {
        try {
            JsonNode body = response.body().length == 0 ? null : JSON.readTree(response.body());
            return body == null ? JSON.createObjectNode() : body;
        } catch (IOException e) {
            throw new ChannelException("Jinghua answered " + what + " with HTTP " + response.statusCode()
                    + " and no readable JSON", true, e);
        }
    }
}
