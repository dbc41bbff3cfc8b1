package org.tongpao.itests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes every answer {@link Api} receives, with the OpenAPI document the answering server served, to
 * {@code target/api-exchanges/<run>/} so that {@link ApiContractCheck} validates them against that document
 * after the container tests (the request/response validator does not run inside Karaf: the tests do). Only
 * JDK and Jackson here, both of which the container's test probe has. Off unless the build sets
 * {@value #DIRECTORY}.
 */
final class ApiRecorder {
    static final String DIRECTORY = "tongpao.it.exchanges";
    /** Load and benchmark runs would write gigabytes: beyond this many answers per JVM nothing more is kept. */
    static final int MAX_EXCHANGES = 20_000;
    static final int MAX_BODY_CHARS = 1_000_000;
    private static final String HEALTH = "/health";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Document> DOCUMENTS = new HashMap<>();
    private static int recorded;
    private static int documents;

    private ApiRecorder() {
    }

    /** The document one server served, and its paths as patterns. */
    private record Document(String file, List<Pattern> paths) {
        boolean documents(String path) {
            return paths.stream().anyMatch(p -> p.matcher(path).matches());
        }
    }

    static boolean enabled() {
        String dir = System.getProperty(DIRECTORY);
        return dir != null && !dir.isBlank();
    }

    /** Records one answer; {@code base} is the API root ({@code http://127.0.0.1:port/api/v1}). */
    static synchronized void record(String base, String method, String pathAndQuery, HttpResponse<String> r) {
        if (!enabled() || recorded >= MAX_EXCHANGES || pathAndQuery.startsWith("/openapi.json")) {
            return;
        }
        recorded++;
        String path = pathAndQuery.split("\\?", 2)[0];
        Document doc;
        if (HEALTH.equals(path) && r.statusCode() != 200) {
            // the node is not (or no longer) ready: the contract is the ready API's, and while it boots even
            // /health may be missing; its answers are kept unchecked until /health says UP again
            forget(base);
            doc = null;
        } else {
            doc = documentFor(base, path);
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("document", doc == null ? null : doc.file());
        line.put("method", method);
        line.put("path", path);
        line.put("query", pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : null);
        line.put("status", r.statusCode());
        line.put("contentType", r.headers().firstValue("Content-Type").orElse(null));
        String body = r.body();
        line.put("body", body != null && body.length() <= MAX_BODY_CHARS ? body : null);
        line.put("test", currentTest());
        append("exchanges-" + ProcessHandle.current().pid() + ".jsonl", line.toString() + "\n");
    }

    /**
     * Drops the document of a server that could not be reached: until it serves one again (it may be booting),
     * its answers are recorded without one and not checked.
     */
    static synchronized void forget(String base) {
        DOCUMENTS.remove(base);
    }

    /** The saved document of this server; fetched again when a path is not in it (a feature came up since). */
    private static Document documentFor(String base, String path) {
        Document known = DOCUMENTS.get(base);
        if (known != null && known.documents(path)) {
            return known;
        }
        HttpResponse<String> served;
        try {
            // only a ready node's document is the whole contract (resources mount as their bundles start)
            if (get(base + HEALTH).statusCode() != 200) {
                return null;
            }
            served = get(base + "/openapi.json");
        } catch (IOException e) {
            // the node is down (a launcher test kills it on purpose): keep what we had
            return known;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return known;
        }
        if (served.statusCode() != 200) {
            return known;
        }
        List<Pattern> paths = new ArrayList<>();
        try {
            Iterator<String> names = JSON.readTree(served.body()).path("paths").fieldNames();
            names.forEachRemaining(p -> paths.add(Pattern.compile(
                    Pattern.quote(p).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"))));
        } catch (IOException e) {
            throw new IllegalStateException("the served OpenAPI document is not JSON", e);
        }
        String file = "openapi-" + ProcessHandle.current().pid() + "-" + (++documents) + "-"
                + Integer.toHexString(served.body().hashCode()) + ".json";
        append(file, served.body());
        Document doc = new Document(file, paths);
        DOCUMENTS.put(base, doc);
        return doc;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void append(String file, String text) {
        Path dir = Paths.get(System.getProperty(DIRECTORY));
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the API answer in " + dir, e);
        }
    }

    /** The test method that made the call, for the report. */
    private static String currentTest() {
        for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
            if (e.getClassName().endsWith("IT") && e.getClassName().startsWith("org.tongpao.itests")) {
                return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName();
            }
        }
        return null;
    }
}
