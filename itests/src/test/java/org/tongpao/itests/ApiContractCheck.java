package org.tongpao.itests;

import static org.junit.Assert.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Runs after the container tests (its own Failsafe execution, see the pom): every OpenAPI document a
 * Tongpao node served to them must parse without a message (swagger-parser) and document a success and
 * its errors for every operation, and every answer {@link Api} received ({@link ApiRecorder}) must match its
 * operation's documented status, content type and schema (swagger-request-validator). So the document
 * cannot drift from what the server does.
 */
public class ApiContractCheck {
    /** Answers to requests the document cannot describe: no such path or method (a test probing 404/405). */
    private static final Set<String> UNDOCUMENTED_REQUEST = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path directory() {
        String dir = System.getProperty(ApiRecorder.DIRECTORY);
        return dir == null ? null : Paths.get(dir);
    }

    private static List<Path> files(String prefix) throws IOException {
        Path dir = directory();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    public void everyServedDocumentIsValidAndDocumentsEveryAnswer() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("openapi-")) {
            String name = file.getFileName().toString();
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(file), null, new ParseOptions());
            if (parsed.getMessages() != null) {
                parsed.getMessages().forEach(m -> problems.add(name + ": " + m));
            }
            OpenAPI api = parsed.getOpenAPI();
            if (api == null || api.getPaths() == null) {
                problems.add(name + ": no paths");
                continue;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                    problems.addAll(answersOf(name, method + " " + path, method, op))));
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
    }

    /** What every operation must say: a success, and the errors the server's filters can always give. */
    static List<String> answersOf(String doc, String where, PathItem.HttpMethod method, Operation op) {
        List<String> out = new ArrayList<>();
        Set<String> codes = op.getResponses() == null ? Set.of() : op.getResponses().keySet();
        if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
            out.add(doc + ": " + where + " documents no success: " + codes);
        }
        if (codes.contains("default")) {
            out.add(doc + ": " + where + " has a 'default' answer instead of its statuses");
        }
        boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
        for (String needed : open ? List.of("500") : List.of("401", "403", "500", "503")) {
            if (!codes.contains(needed)) {
                out.add(doc + ": " + where + " does not document " + needed);
            }
        }
        if (op.getRequestBody() != null && !codes.contains("400")) {
            out.add(doc + ": " + where + " takes a body but documents no 400");
        }
        return out;
    }

    @Test
    public void everyRecordedAnswerMatchesItsDocumentedSchema() throws IOException {
        Map<String, OpenApiInteractionValidator> validators = new HashMap<>();
        Map<String, Set<String>> failures = new TreeMap<>();
        int checked = 0;
        int undocumented = 0;
        for (Path file : files("exchanges-")) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode x = JSON.readTree(line);
                if (x.path("document").isNull() || x.path("document").isMissingNode()) {
                    undocumented++;
                    continue;
                }
                OpenApiInteractionValidator validator = validators.computeIfAbsent(x.get("document").asText(),
                        ApiContractCheck::validator);
                ValidationReport report = validator.validateResponse(x.get("path").asText(),
                        Request.Method.valueOf(x.get("method").asText().toUpperCase(Locale.ROOT)), response(x));
                checked++;
                boolean success = x.get("status").asInt() < 300;
                for (ValidationReport.Message m : report.getMessages()) {
                    if (m.getLevel() != ValidationReport.Level.ERROR
                            || !success && UNDOCUMENTED_REQUEST.contains(m.getKey())) {
                        continue;
                    }
                    String call = x.get("method").asText() + " " + x.get("path").asText() + " → " + x.get("status").asInt();
                    failures.computeIfAbsent(call + ": " + m.getKey() + " " + m.getMessage(), k -> new TreeSet<>())
                            .add(x.path("test").asText("?") + " " + abbreviate(x.path("body").asText("")));
                }
            }
        }
        System.out.println("ApiContractCheck: " + checked + " recorded answers validated, " + undocumented
                + " without a document (node down), " + failures.size() + " distinct failures");
        StringBuilder report = new StringBuilder();
        failures.forEach((k, v) -> report.append(k).append("\n    e.g. ").append(v.iterator().next()).append('\n'));
        assertTrue(report.toString(), failures.isEmpty());
    }

    private static OpenApiInteractionValidator validator(String document) {
        try {
            return OpenApiInteractionValidator
                    .createForInlineApiSpecification(Files.readString(directory().resolve(document)))
                    // recorded paths are relative to the API root
                    .withBasePathOverride("/")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SimpleResponse response(JsonNode x) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(x.get("status").asInt());
        if (!x.path("contentType").isNull() && !x.path("contentType").isMissingNode()) {
            b.withContentType(x.get("contentType").asText());
        }
        String body = x.path("body").isNull() ? null : x.path("body").asText(null);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
