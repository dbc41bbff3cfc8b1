package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.base.JsonMappingExceptionMapper;
import com.fasterxml.jackson.jaxrs.base.JsonParseExceptionMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.validation.ValidationExceptionMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongpao.core.testing.RawHttp;

/**
 * The real server stack (factory, filters, mappers, Jackson, bean validation, OpenAPI) on a loopback
 * Jetty port, with a stub authenticator in place of JAAS.
 */
class RestHttpTest {
    private static final long MAX_BODY = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Authenticator USERS = (user, password) -> {
        String pw = new String(password);
        if ("officer".equals(user) && "pw".equals(pw)) {
            return Optional.of(new Authenticator.Identity("officer", Set.of("province-officer", "province-42")));
        }
        if ("admin".equals(user) && "pw".equals(pw)) {
            return Optional.of(new Authenticator.Identity("admin", Set.of("ministry-admin")));
        }
        if ("auditor".equals(user) && "pw".equals(pw)) {
            return Optional.of(new Authenticator.Identity("auditor", Set.of("auditor")));
        }
        return Optional.empty();
    };

    private static Bus bus;
    private static ServerFactory factory;
    private static ServerFactory.Settings settings;
    private static final EndpointSwitch ENDPOINT = new EndpointSwitch();
    private static String base;
    private static String origin;
    private static Server initial;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        base = HttpTests.freshBase();
        origin = base.substring(0, base.length() - "/v1".length());
        bus = BusFactory.newInstance().createBus();
        factory = new ServerFactory(bus, USERS);
        settings = new ServerFactory.Settings(base, "tongpao", MAX_BODY, "1.0.0", "/v1/openapi.json");
        initial = factory.create(settings, List.of(new TestResources.Items(), new TestResources.Contracts(), new TestResources.Things()),
                jacksonAndCxfMappers());
        ENDPOINT.switchTo(initial);
    }

    /** Competing built-in mappers registered on purpose: ours must still answer. */
    private static List<Object> jacksonAndCxfMappers() {
        return List.of(new JsonParseExceptionMapper(), new JsonMappingExceptionMapper(), new ValidationExceptionMapper());
    }

    @AfterAll
    static void stop() {
        HttpTests.stop(ENDPOINT, bus);
    }

    private static HttpRequest.Builder request(String path, String user) {
        return HttpTests.request(base, path, user);
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return send(request(path, user).GET().build());
    }

    private static HttpResponse<String> post(String path, String user, String contentType, String body)
            throws Exception {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Asserts a problem+json answer with no internals, and returns its body. */
    private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("org.tongpao");
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.get("status").asInt()).isEqualTo(status);
        assertThat(b.get("type").asText()).startsWith("urn:tongpao:problem:");
        assertThat(b.get("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
        return b;
    }

    @Test
    void injectsCallerAsMethodParameter() throws Exception {
        HttpResponse<String> r = send(request("/items/me", "officer").header("X-Request-Id", "req-42").GET().build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.get("user").asText()).isEqualTo("officer");
        assertThat(b.get("province").asText()).isEqualTo("42");
        assertThat(b.get("requestId").asText()).isEqualTo("req-42");
        assertThat(b.get("isOfficer").asBoolean()).isTrue();
        assertThat(b.get("principal").asText()).isEqualTo("officer");
        assertThat(r.headers().firstValue("X-Request-Id")).contains("req-42");
    }

    @Test
    void createsWithValidBodyAndIsoDates() throws Exception {
        HttpResponse<String> r = post("/items", "officer", "application/json",
                "{\"code\":\"KN95\",\"shelfLifeMonths\":36,\"expires\":\"2027-01-31\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.get("expires").asText()).isEqualTo("2027-01-31");
        assertThat(b.get("createdBy").asText()).isEqualTo("officer@42");
    }

    @Test
    void authentication() throws Exception {
        JsonNode missing = problem(get("/items/me", null), 401);
        assertThat(missing.get("type").asText()).isEqualTo("urn:tongpao:problem:unauthorized");
        HttpResponse<String> wrong = get("/items/me", "nobody");
        problem(wrong, 401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"tongpao\"");
        problem(send(request("/items/me", null).header("Authorization", "Basic %%%").GET().build()), 401);
        assertThat(get("/items/public", null).body()).isEqualTo("anonymous");
        assertThat(get("/items/public", "admin").body()).isEqualTo("admin");
    }

    @Test
    void roles() throws Exception {
        assertThat(get("/items/admin-only", "admin").statusCode()).isEqualTo(200);
        problem(get("/items/admin-only", "officer"), 403);
        problem(get("/items/me", "auditor"), 403);
    }

    @Test
    void domainErrors() throws Exception {
        JsonNode notFound = problem(get("/items/missing/KN95", "admin"), 404);
        assertThat(notFound.get("detail").asText()).isEqualTo("item KN95 not found");
        assertThat(notFound.get("instance").asText()).isEqualTo("/v1/items/missing/KN95");
        problem(get("/items/conflict", "admin"), 409);
        assertThat(problem(get("/items/invalid", "admin"), 400).get("field").asText()).isEqualTo("code");
        JsonNode boom = problem(get("/items/boom", "admin"), 500);
        assertThat(boom.toString()).doesNotContain("secret");
    }

    @Test
    void beanValidationNamesTheField() throws Exception {
        JsonNode b = problem(post("/items", "admin", "application/json", "{\"code\":\" \"}"), 400);
        assertThat(b.get("field").asText()).isEqualTo("code");
        assertThat(b.get("errors").get(0).get("field").asText()).isEqualTo("code");
    }

    @Test
    void jsonErrorsAreOurs() throws Exception {
        JsonNode malformed = problem(post("/items", "admin", "application/json", "{\"code\": "), 400);
        assertThat(malformed.get("type").asText()).isEqualTo("urn:tongpao:problem:malformed-json");
        JsonNode empty = problem(post("/items", "admin", "application/json", ""), 400);
        assertThat(empty.get("type").asText()).isEqualTo("urn:tongpao:problem:malformed-json");
        JsonNode wrongType = problem(post("/items", "admin", "application/json",
                "{\"code\":\"A\",\"shelfLifeMonths\":\"twelve\"}"), 400);
        assertThat(wrongType.get("field").asText()).isEqualTo("shelfLifeMonths");
        JsonNode unknown = problem(post("/items", "admin", "application/json", "{\"code\":\"A\",\"colour\":1}"), 400);
        assertThat(unknown.get("field").asText()).isEqualTo("colour");
    }

    @Test
    void httpErrorsAreProblems() throws Exception {
        problem(get("/nothing-here", "admin"), 404);
        problem(post("/items", "admin", "text/plain", "hello"), 415);
        JsonNode notAllowed = problem(send(request("/items/me", "admin").DELETE().build()), 405);
        assertThat(notAllowed.get("type").asText()).isEqualTo("urn:tongpao:problem:method-not-allowed");
        problem(send(request("/items/me", "admin").header("Accept", "application/xml").GET().build()), 406);
    }

    @Test
    void bodyLimit() throws Exception {
        String big = "{\"code\":\"" + "x".repeat((int) MAX_BODY) + "\"}";
        problem(post("/items", "admin", "application/json", big), 413);
        // no Content-Length: the counted stream stops the reader
        HttpResponse<String> chunked = send(request("/items", "admin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
        problem(chunked, 413);
    }

    /** An operation with {@code @BodyLimit} takes more than the server's limit, streamed; the others still do not. */
    @Test
    void bodyLimitPerOperation() throws Exception {
        String csv = "x".repeat((int) MAX_BODY * 2);
        HttpResponse<String> bulk = post("/items/bulk", "admin", "text/csv", csv);
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(JSON.readTree(bulk.body()).get("bytes").asLong()).isEqualTo(csv.length());
        problem(post("/items", "admin", "application/json", "{\"code\":\"" + csv + "\"}"), 413);

        String over = "x".repeat((int) TestResources.BULK_LIMIT + 1);
        JsonNode declared = problem(post("/items/bulk", "admin", "text/csv", over), 413);
        assertThat(declared.get("detail").asText()).contains(String.valueOf(TestResources.BULK_LIMIT));
        problem(send(request("/items/bulk", "admin").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(over.getBytes(StandardCharsets.UTF_8)))).build()), 413);
    }

    /** The configuration's {@code bodyLimits} names the bytes of a declared limit. */
    @Test
    void bodyLimitConfiguredByName() throws Exception {
        String other = HttpTests.freshBase();
        Server server = factory.create(new ServerFactory.Settings(other, "tongpao", MAX_BODY, "1.0.0",
                "/v1/openapi.json", "", BodyLimits.parse(new String[] {"bulk=1000"})),
                List.of(new TestResources.Items()), List.of());
        server.start();
        try {
            HttpResponse<String> refused = send(HttpTests.request(other, "/items/bulk", "admin")
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x".repeat(1001)))
                    .build());
            problem(refused, 413);
            HttpResponse<String> taken = send(HttpTests.request(other, "/items/bulk", "admin")
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000)))
                    .build());
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        } finally {
            server.destroy();
        }
    }

    @Test
    void requestIdGeneratedWhenAbsentOrMalformed() throws Exception {
        HttpResponse<String> r = send(request("/items/me", "admin").header("X-Request-Id", "bad id!").GET().build());
        assertThat(r.headers().firstValue("X-Request-Id")).get().asString().hasSize(36).isNotEqualTo("bad id!");
    }

    @Test
    void wadlIsNotServed() throws Exception {
        // the Jetty test transport answers an empty 404 here, the servlet transport in Karaf goes on to
        // matching and authentication; either way no description may come back
        HttpResponse<String> anonymous = get("/items/me?_wadl", null);
        assertThat(anonymous.statusCode()).isIn(401, 404);
        assertThat(anonymous.body()).doesNotContain("<application").doesNotContain("resource");
        HttpResponse<String> authed = get("/items?_wadl", "admin");
        assertThat(authed.statusCode()).isNotEqualTo(200);
        assertThat(authed.body()).doesNotContain("<application");
    }

    @Test
    void openApiIsPublicAndDocumentsResources() throws Exception {
        HttpResponse<String> r = get("/openapi.json", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Tongpao API");
        assertThat(doc.get("paths").has("/items/me")).isTrue();
        if (ENDPOINT.current() == initial) {
            // only what this server serves: Extra is on the class path but not registered yet
            assertThat(doc.get("paths").has("/extra")).isFalse();
        }
        assertThat(doc.get("components").get("securitySchemes").has("basicAuth")).isTrue();
        assertThat(doc.get("security").toString()).contains("basicAuth");
    }

    /** The document a client generator reads: valid, every answer documented, durations as ISO strings. */
    @Test
    void openApiDocumentIsValidAndDocumentsEveryAnswer() throws Exception {
        String body = get("/openapi.json", null).body();
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser()
                .readContents(body, null, new io.swagger.v3.parser.core.models.ParseOptions());
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();

        JsonNode doc = JSON.readTree(body);
        assertThat(doc.at("/info/description").asText()).doesNotContain("procurement").doesNotContain("donation");
        assertThat(doc.at("/components/schemas/Problem/properties/requestId/type").asText()).isEqualTo("string");
        assertThat(doc.at("/components/responses/Unauthorized/content").has("application/problem+json")).isTrue();
        assertThat(doc.at("/components/responses/Unauthorized/headers").has("WWW-Authenticate")).isTrue();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().get("responses");
            String where = op.getKey() + " " + path.getKey();
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(where).anyMatch(c -> c.startsWith("2")).doesNotContain("default").contains("500", "503");
            boolean open = op.getValue().has("security") && op.getValue().get("security").isEmpty();
            if (open) {
                assertThat(codes).as(where).doesNotContain("401", "403");
            } else {
                assertThat(codes).as(where).contains("401", "403", "429");
            }
        }));
        assertThat(doc.at("/paths/~1items~1public/get/security").isEmpty()).isTrue();
        JsonNode put = doc.at("/paths/~1contracts/put/responses");
        assertThat(put.fieldNames()).toIterable().contains("200", "400", "401", "403", "404", "409", "413", "415");
        assertThat(put.at("/409/$ref").asText()).isEqualTo("#/components/responses/Conflict");

        JsonNode contract = doc.at("/components/schemas/Contract/properties");
        assertThat(contract.at("/acceptWithin/type").asText()).isEqualTo("string");
        assertThat(contract.at("/acceptWithin/format").asText()).isEqualTo("duration");
        assertThat(contract.at("/acceptWithin/nullable").asBoolean()).as("required").isFalse();
        assertThat(contract.at("/pickupWithin/nullable").asBoolean()).isTrue();
        assertThat(contract.at("/byProvince/additionalProperties/type").asText()).isEqualTo("string");
        // an optional nested record: the referenced schema admits null
        assertThat(contract.at("/sample/$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(doc.at("/components/schemas/Item/nullable").asBoolean()).isTrue();
        // served twice: the completion is applied to the cached document again and must not pile up
        assertThat(get("/openapi.json", null).body()).isEqualTo(body);
    }

    @Test
    void aDurationThatIsNotIsoSaysSo() throws Exception {
        HttpResponse<String> r = send(request("/contracts", "admin")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"acceptWithin\":\"1 hour\"}")).build());
        JsonNode p = problem(r, 400);
        assertThat(p.get("field").asText()).isEqualTo("acceptWithin");
        assertThat(p.get("detail").asText()).contains("ISO-8601 duration").contains("PT1H");
    }

    @Test
    void rebuildSwitchesWithoutDroppingRequests() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread load = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> r = get("/items/public", null);
                    if (r.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        load.start();
        try {
            for (int i = 0; i < 8; i++) {
                List<Object> resources = i % 2 == 0
                        ? List.of(new TestResources.Items(), new TestResources.Things(), new TestResources.Extra())
                        : List.of(new TestResources.Items(), new TestResources.Things());
                ENDPOINT.switchTo(factory.create(settings, resources, jacksonAndCxfMappers()));
            }
            ENDPOINT.switchTo(factory.create(settings, List.of(new TestResources.Items(), new TestResources.Things(),
                    new TestResources.Extra()), jacksonAndCxfMappers()));
        } finally {
            running.set(false);
            load.join();
        }
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isPositive();
        assertThat(get("/extra", null).body()).isEqualTo("extra");
        // the document follows the rebuild
        JsonNode doc = JSON.readTree(get("/openapi.json", null).body());
        assertThat(doc.get("paths").has("/extra")).isTrue();
        Server live = ENDPOINT.current();
        assertThat(live).isNotNull();
        assertThat(bus.getExtension(org.apache.cxf.endpoint.ServerRegistry.class).getServers()).containsExactly(live);
    }

    /** A request sent as written (the JDK client will not send a Host header of our choosing). */
    private static RawHttp raw(String url, String request) throws Exception {
        return RawHttp.send(URI.create(url).getPort(), request);
    }

    private static String basic(String user) {
        return HttpTests.basic(user, "pw");
    }

    @Test
    void locationNeverComesFromTheHostHeader() throws Exception {
        String path = URI.create(base).getRawPath();
        RawHttp created = raw(base, "POST " + path + "/things HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                + basic("admin") + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(origin + path + "/things/7");

        RawHttp docs = raw(base, "GET " + path + "/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(docs.status()).isBetween(300, 399);
        assertThat(docs.header("Location")).startsWith(origin + path + "/api-docs").doesNotContain("evil");
    }

    @Test
    void locationUsesTheConfiguredPublicBaseUrl() throws Exception {
        String other = HttpTests.freshBase();
        ServerFactory.Settings proxied = new ServerFactory.Settings(other, "tongpao", MAX_BODY, "1.0.0",
                "/v1/openapi.json", "https://tongpao.example.gov.cn/node/");
        Server server = factory.create(proxied, List.of(new TestResources.Things()), List.of());
        server.start();
        try {
            RawHttp created = raw(other, "POST /v1/things HTTP/1.1\r\nHost: evil.example\r\nAuthorization: " + basic("admin")
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("https://tongpao.example.gov.cn/node/v1/things/7");
        } finally {
            server.destroy();
        }
    }

    @Test
    void publicBaseUrlIsCheckedNotTrusted() {
        assertThat(PublicBaseUriFilter.origin("")).isNull();
        assertThat(PublicBaseUriFilter.origin(null)).isNull();
        assertThat(PublicBaseUriFilter.origin("https://a.example:8443/")).isEqualTo("https://a.example:8443");
        assertThat(PublicBaseUriFilter.origin("HTTP://a.example/x//")).isEqualTo("http://a.example/x");
        assertThat(PublicBaseUriFilter.origin("ftp://a.example")).isNull();
        assertThat(PublicBaseUriFilter.origin("a.example:8181")).isNull();
        assertThat(PublicBaseUriFilter.origin("https://user@a.example")).isNull();
        assertThat(PublicBaseUriFilter.origin("https://a.example/?q=1")).isNull();
    }

    @Test
    void optionalBodiesCanBeOmitted() throws Exception {
        // a bare POST: no body, no Content-Type
        HttpResponse<String> bare = send(request("/things/5/deactivate", "admin").POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo("deactivated 5 without body");
        assertThat(post("/things/5/deactivate", "admin", "application/json", "{\"version\":3}").body())
                .isEqualTo("deactivated 5 with {\"version\":3}");
        // a body that is required is still required: 400, not 415
        JsonNode missing = problem(send(request("/items", "admin").POST(HttpRequest.BodyPublishers.noBody()).build()), 400);
        assertThat(missing.get("type").asText()).isEqualTo("urn:tongpao:problem:malformed-json");
        // a body sent without a type is still refused
        problem(send(request("/things/5/deactivate", "admin").POST(HttpRequest.BodyPublishers.ofString("{}")).build()),
                415);
    }

    @Test
    void securityHeaders() throws Exception {
        HttpResponse<String> authed = get("/items/me", "officer");
        assertThat(authed.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(authed.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(authed.headers().firstValue("Content-Security-Policy")).contains(SecurityHeadersFilter.API_POLICY);
        HttpResponse<String> denied = get("/items/admin-only", "officer");
        assertThat(denied.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(denied.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<String> anonymous = get("/items/public", null);
        assertThat(anonymous.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<String> ui = get("/api-docs/index.html?url=/v1/openapi.json", null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js");
        assertThat(ui.headers().firstValue("Content-Security-Policy")).contains(SecurityHeadersFilter.SWAGGER_UI_POLICY);
        assertThat(ui.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(ui.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        // the UI page loads only its own files: no inline script the policy would block
        assertThat(ui.body().replaceAll("<script src=[^>]*>\\s*</script>", "")).doesNotContain("<script");
        HttpResponse<String> script = get("/api-docs/swagger-initializer.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(script.body()).contains("/v1/openapi.json");
    }

    private static HttpResponse<String> options(String path, String user) throws Exception {
        return send(request(path, user).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void optionsListsTheMethodsThePathReallyHas() throws Exception {
        HttpResponse<String> me = options("/items/me", null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        // DELETE is refused there: OPTIONS must not advertise it
        problem(send(request("/items/me", "admin").DELETE().build()), 405);
        assertThat(options("/items", "admin").headers().firstValue("Allow")).contains("POST, OPTIONS");
        assertThat(options("/things/5/deactivate", null).headers().firstValue("Allow")).contains("POST, OPTIONS");
        assertThat(options("/items/missing/KN95", null).headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        HttpResponse<String> none = options("/nothing-here", null);
        problem(none, 404);
    }
}
