package org.example.express.carrier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.tongpao.transport.api.CarrierException;

/**
 * Express' order API over HTTP, with its failures turned into {@link CarrierException}: no answer in time,
 * no connection, 5xx and unreadable answers are retryable; 4xx (refusals, a wrong API key) are not.
 */
public final class CourierClient {
    private static final Logger LOG = LoggerFactory.getLogger(CourierClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public CourierClient(URI baseUrl, String apiKey, Duration timeout) {
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException(".apiKey is required");
        }
        if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("timeoutMillis must be between 100 and 60000, was " + timeout);
        }
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.apiKey = apiKey.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    static CourierClient of(ExpressConfig config) {
        return new CourierClient(URI.create(config.baseUrl().strip()), config._apiKey(),
                Duration.ofMillis(config.timeoutMillis()));
    }

    public static String segment(String waybill) {
        return URLEncoder.encode(waybill, StandardCharsets.UTF_8);
    }

    JsonNode post(String path, JsonNode body, String what) throws CarrierException {
        try {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json").build(), what);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CarrierException("could not write the request for " + what, false, e);
        }
    }

    JsonNode get(String path, String what) throws CarrierException {
        return send(request(path).GET().build(), what);
    }

    ObjectMapper json() {
        return JSON;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(timeout).header("X-Api-Key", apiKey)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, String what) throws CarrierException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            LOG.debug("Express did not answer {} within {} ms", what, timeout.toMillis());
            throw new CarrierException("Express did not answer " + what + " within " + timeout.toMillis() + " ms", true, e);
        } catch (IOException e) {
            LOG.debug("Express cannot be reached for {}", what, e);
            throw new CarrierException("Express cannot be reached (" + e.getClass().getSimpleName() + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("interrupted while waiting for Express", true, e);
        }
        int status = response.statusCode();
        JsonNode body;
        try {
            body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CarrierException("Express answered " + what + " with HTTP " + status + " and no readable JSON", true, e);
        }
        if (status >= 200 && status < 300) {
            return body;
        }
        String message = body.path("message").asText("");
        String code = body.path("error").asText("");
        if (status == 401 || status == 403) {
            throw new CarrierException("Express refused this install's API key (HTTP " + status
                    + "); check .apiKey in etc/org.example.express.cfg", false);
        }
        if (status >= 500) {
            throw new CarrierException("Express is unavailable (HTTP " + status + (message.isEmpty() ? "" : ": " + message)
                    + "); try again later", true);
        }
        throw new CarrierException("Express refused " + what + ": " + (message.isEmpty() ? "HTTP " + status
                : message + " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + ")"), false);
    }
}
