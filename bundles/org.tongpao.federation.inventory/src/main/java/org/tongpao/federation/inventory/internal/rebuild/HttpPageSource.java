package org.tongpao.federation.inventory.internal.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.tongpao.core.ConflictException;

/**
 * Reads the rebuild stream from central's REST API ({@code GET <central>/federation/rebuild/<province>}) as the
 * province's node user. Central's refusal while it has not caught up (409) arrives as a {@link ConflictException}
 * with central's explanation; any other failure as an {@link IOException} naming the status.
 */
final class HttpPageSource implements PageSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    /** {@code centralApi} e.g. {@code http://127.0.0.1:8181/api/v1}. */
    HttpPageSource(String centralApi, String province, String user, String password) {
        this.base = centralApi.replaceAll("/+$", "") + "/federation/rebuild/" + province;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public JsonNode page(String after, int limit) throws IOException {
        String query = "?limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + query)).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading from central", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 200) {
                return JSON.readTree(body);
            }
            String text = new String(body.readNBytes(2000), StandardCharsets.UTF_8);
            if (response.statusCode() == 409) {
                JsonNode problem = JSON.readTree(text);
                throw new ConflictException("central refused: " + problem.path("detail").asText(text));
            }
            throw new IOException("central answered " + response.statusCode() + " to " + base + query + ": " + text);
        }
    }
}
