package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tongpao.core.Caller;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.Page;
import org.tongpao.core.testing.RawHttp;

/**
 * The central install booted from the real distribution (tongpao-central), driven through its OSGi
 * services and its REST API with every demo role. One container for the whole class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends CentralNode {

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    @Inject
    ServiceComponentRuntime scr;

    @Inject
    SessionFactory sessions;

    @Before
    public void restServerHasMountedTheKernel() {
        // the REST server mounts resources shortly after their services appear; the first test may be early
        Poll.status("/units", 401, () -> api().get("/units"));
    }

    // ---------------------------------------------------------------- the container

    @Test
    public void everyBundleIsActiveAndEveryTongpaoComponentIsSatisfied() throws Exception {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());

        List<String> broken = new ArrayList<>();
        int tongpaoComponents = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.bundle.symbolicName.startsWith("org.tongpao")) {
                continue;
            }
            tongpaoComponents++;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    broken.add(d.name + " state " + c.state);
                }
            }
        }
        assertTrue("expected Tongpao components, found " + tongpaoComponents, tongpaoComponents >= 10);
        assertTrue("components not satisfied: " + broken, broken.isEmpty());
        assertTrue(features.isInstalled(features.getFeature("tongpao-central")));
    }

    @Test
    public void healthNamesTheNodeAndItsCapabilitiesWithoutCredentials() {
        Api.Reply r = api().get("/health");
        assertEquals(r.toString(), 200, r.status());
        JsonNode h = r.json();
        assertEquals("UP", h.get("status").asText());
        assertEquals("central", h.get("node").asText());
        // every Tongpao component of the central install is ready (none legitimately waits for anything)
        assertEquals(h.toString(), "UP", h.get("checks").get("components").asText());
        Set<String> caps = texts(h.get("capabilities"));
        assertTrue(caps.toString(), caps.containsAll(Set.of("tongpao-base", "tongpao-central")));
    }

    @Test
    public void openApiDocumentsEveryEndpointWithoutCredentials() {
        Api.Reply r = api().get("/openapi.json");
        assertEquals(r.toString(), 200, r.status());
        Set<String> paths = new HashSet<>();
        r.json().get("paths").fieldNames().forEachRemaining(paths::add);
        for (String p : List.of("/health", "/provinces", "/provinces/{code}", "/units", "/units/{id}",
                "/units/{id}/deactivate", "/catalogue/categories", "/items", "/items/{id}", "/depots",
                "/depots/{id}", "/inventory/issues", "/inventory/balances", "/inventory/national", "/needs",
                "/allocation/plans", "/allocation/batches/{id}/dispatch", "/allocation/mutual-aid")) {
            assertTrue(p + " missing from " + paths, paths.contains(p));
        }
    }

    /** Issue 9 #20: the document says what the server does (ApiContractCheck then checks every answer). */
    @Test
    public void openApiDocumentIsTrue() {
        JsonNode doc = api().get("/openapi.json").json();
        String description = doc.get("info").get("description").asText();
        assertFalse(description, description.contains("procurement") || description.contains("donation"));
        JsonNode schemas = doc.get("components").get("schemas");
        assertEquals("string", schemas.get("Problem").get("properties").get("requestId").get("type").asText());
        List<String> wrong = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode responses = op.getValue().get("responses");
            Set<String> codes = new HashSet<>();
            responses.fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(c -> c.startsWith("2")) || codes.contains("default")) {
                wrong.add(where + " success undocumented: " + codes);
            }
            boolean open = op.getValue().has("security") && op.getValue().get("security").isEmpty();
            if (!open && !codes.containsAll(Set.of("401", "403", "500", "503"))) {
                wrong.add(where + " errors undocumented: " + codes);
            }
            JsonNode ok = responses.path("200").path("content").path("application/json").path("schema");
            if ("get".equals(op.getKey()) && "array".equals(ok.path("type").asText())) {
                wrong.add(where + " answers a bare array");
            }
            op.getValue().path("requestBody").path("content").forEach(media -> {
                // a file upload (CSV, XLSX: format binary) is a string by nature; a JSON body never is
                if ("string".equals(media.path("schema").path("type").asText())
                        && !"binary".equals(media.path("schema").path("format").asText())) {
                    wrong.add(where + " body typed string");
                }
            });
        }));
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
        // a count line is {itemId, lotId?, counted}, not the reservation's line
        JsonNode countLine = schemas.get("NewCountLine").get("properties");
        assertTrue(countLine.toString(), countLine.has("itemId") && countLine.has("lotId") && countLine.has("counted"));
        assertTrue(schemas.get("NewCount").toString().contains("#/components/schemas/NewCountLine"));
        // contract durations are ISO-8601 strings
        JsonNode accept = schemas.get("Contract").get("properties").get("acceptWithin");
        assertEquals(accept.toString(), "string", accept.get("type").asText());
        assertEquals("duration", accept.get("format").asText());
        // optional bodies are optional, with their real shape
        JsonNode deactivate = doc.get("paths").get("/units/{id}/deactivate").get("post").get("requestBody");
        assertFalse(deactivate.toString(), deactivate.path("required").asBoolean(false));
        assertTrue(deactivate.toString(), deactivate.toString().contains("VersionBody"));
        assertTrue(doc.get("paths").has("/audit"));
    }

    /** Issue 9 #20: a duration that is not ISO-8601 is refused naming the format, not "must be an object". */
    @Test
    public void aContractDurationMustBeIso8601() {
        Api.Reply r = api().as("admin").put("/carriers/fleet/contract",
                Map.of("acceptWithin", "1 hour", "pickupWithin", "PT12H", "deliverWithin", "PT48H"));
        assertEquals(r.toString(), 400, r.status());
        assertProblem(r);
        assertEquals("acceptWithin", r.json().get("field").asText());
        assertTrue(r.toString(), r.json().get("detail").asText().contains("ISO-8601 duration"));
    }

    /** Issue 9 #21: every list answers {"items": [...], "nextCursor": ...}, short unpaged ones too. */
    @Test
    public void everyListAnswersTheSameEnvelope() {
        for (String path : List.of("/carriers", "/needs/key-areas", "/inventory/national",
                "/inventory/thresholds?depot=" + depotId("HB-PROV-01"), "/provinces", "/catalogue/categories",
                "/units?limit=2", "/audit?limit=2")) {
            Api.Reply r = api().as("admin").get(path);
            assertEquals(path + " " + r, 200, r.status());
            JsonNode body = r.json();
            assertTrue(path + " " + body, body.isObject() && body.get("items").isArray() && body.has("nextCursor"));
        }
    }

    /** Issue 9 #23: who deactivated a depot, over REST and on the console. */
    @Test
    public void theAuditTrailSaysWhoDeactivatedADepot() throws Exception {
        Api admin = api().as("admin");
        Api.Reply created = admin.post("/depots", Map.of("code", "HB-AUDIT-1", "name", "Audited store",
                "orgUnitId", unitId("P42")));
        assertEquals(created.toString(), 201, created.status());
        String id = created.json().get("id").asText();
        String requestId = "deactivate-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply off = admin.header("X-Request-Id", requestId).send("POST", "/depots/" + id + "/deactivate?version=1",
                "{}", "application/json");
        assertEquals(off.toString(), 200, off.status());

        Api.Reply trail = api().as("auditor").get("/audit?entity=depot&entityId=" + id);
        assertEquals(trail.toString(), 200, trail.status());
        JsonNode newest = trail.json().get("items").get(0);
        assertEquals(trail.toString(), 2, trail.json().get("items").size());
        assertEquals("admin", newest.get("actor").asText());
        assertEquals(requestId, newest.get("requestId").asText());
        assertTrue(newest.toString(), newest.get("afterJson").asText().contains("\"active\":false"));
        // the same row by request id, and a time range that ends before it finds nothing
        assertEquals(newest.get("id"), admin.get("/audit?requestId=" + requestId).json().get("items").get(0).get("id"));
        assertEquals(0, admin.get("/audit?entity=depot&entityId=" + id + "&to=2020-01-01T00:00:00Z").json()
                .get("items").size());
        Api.Reply page = admin.get("/audit?actor=admin&limit=1");
        assertEquals(1, page.json().get("items").size());
        assertFalse(page.toString(), page.json().get("nextCursor").isNull());

        for (String user : List.of("officer", "hubei")) {
            Api.Reply denied = api().as(user).get("/audit?entity=depot");
            assertEquals(user + " " + denied, 403, denied.status());
            assertProblem(denied);
        }
        assertEquals(401, api().get("/audit").status());
        Api.Reply badFrom = admin.get("/audit?from=yesterday");
        assertEquals(badFrom.toString(), 400, badFrom.status());
        assertEquals("from", badFrom.json().get("field").asText());

        String console = console("tongpao:audit -e depot -i " + id);
        assertTrue(console, console.contains("admin") && console.contains(requestId));
    }

    // ---------------------------------------------------------------- authentication and roles

    @Test
    public void everythingButHealthNeedsCredentials() {
        List<String> users = List.of("admin", "officer", "hubei", "jiangsu", "auditor");
        List<String> paths = List.of("/units", "/items", "/depots", "/provinces", "/catalogue/categories");
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            Api.Reply none = api().get(path);
            assertEquals(path + " " + none, 401, none.status());
            assertProblem(none);
            assertNotNull("WWW-Authenticate on " + path, none.wwwAuthenticate());
            // one wrong password per user: a fourth in a row for one user would be slowed down (429, SecurityIT)
            Api.Reply wrong = api().as(users.get(i), "not-the-password").get(path);
            assertEquals(path + " " + wrong, 401, wrong.status());
            // a success resets the account's failed-login count, so the throttle never slows the later tests
            assertEquals(200, api().as("admin").get(path).status());
        }
        assertEquals(401, api().as("nobody", "demo").get("/units").status());
    }

    @Test
    public void everyDemoRoleReadsTheSeededCatalogue() {
        for (String user : List.of("admin", "officer", "hubei", "jiangsu", "auditor")) {
            Api.Reply r = api().as(user).get("/items?category=MASK");
            assertEquals(user + " " + r, 200, r.status());
            JsonNode items = r.json().get("items");
            assertEquals(r.toString(), 4, items.size());
            for (JsonNode i : items) {
                assertEquals("MASK", i.get("categoryCode").asText());
            }
        }
        Api.Reply cats = api().as("hubei").get("/catalogue/categories");
        assertEquals(cats.toString(), 200, cats.status());
        Set<String> codes = new HashSet<>();
        cats.json().get("items").forEach(c -> codes.add(c.get("code").asText()));
        assertTrue(codes.toString(), codes.containsAll(Set.of("MASK", "SUIT", "GOGGLES", "GLOVES", "THERMOMETER",
                "DISINFECTANT", "MEDICINE", "FIELD")));
        Api.Reply provinces = api().as("auditor").get("/provinces");
        assertEquals(provinces.toString(), 31, provinces.json().get("items").size());
        assertEquals("Hubei", api().as("auditor").get("/provinces/42").json().get("nameEn").asText());
        assertEquals(404, api().as("auditor").get("/provinces/99").status());
    }

    @Test
    public void auditorReadsEverythingAndChangesNothing() throws Exception {
        long before = count("tp_org_unit");
        Api.Reply list = api().as("auditor").get("/units?province=32");
        assertEquals(list.toString(), 200, list.status());
        Api.Reply create = api().as("auditor").post("/units", unit("AUD-1", "PREFECTURE", unitId("P42")));
        assertEquals(create.toString(), 403, create.status());
        assertProblem(create);
        assertEquals(before, count("tp_org_unit"));
    }

    @Test
    public void aProvinceOfficerActsOnlyInsideItsProvince() throws Exception {
        long hubeiDept = unitId("P42");
        long jiangsuDept = unitId("P32");

        for (JsonNode u : api().as("hubei").get("/units?limit=500").json().get("items")) {
            assertEquals(u.toString(), "42", u.get("provinceCode").asText());
        }
        assertEquals(404, api().as("hubei").get("/units/" + jiangsuDept).status());
        assertEquals(404, api().as("jiangsu").get("/units/" + hubeiDept).status());

        long before = count("tp_org_unit");
        // another province's parent answers like an unknown one: 404 naming the field (see CrossProvinceIT)
        Api.Reply outside = api().as("hubei").post("/units", unit("HB-IN-JS", "PREFECTURE", jiangsuDept));
        assertEquals(outside.toString(), 404, outside.status());
        assertEquals("parentId", outside.json().get("field").asText());
        assertEquals(before, count("tp_org_unit"));

        Api.Reply inside = api().as("hubei").post("/units", unit("HB-XG-CITY", "PREFECTURE", hubeiDept));
        assertEquals(inside.toString(), 201, inside.status());
        long id = inside.json().get("id").asLong();
        assertEquals("42", inside.json().get("provinceCode").asText());
        assertEquals(404, api().as("jiangsu").get("/units/" + id).status());
        assertEquals(200, api().as("admin").get("/units/" + id).status());

        Api.Reply depotOutside = api().as("hubei").post("/depots",
                Map.of("code", "HB-DEPOT-IN-JS", "name", "Wrong province", "orgUnitId", jiangsuDept));
        assertEquals(depotOutside.toString(), 404, depotOutside.status());
        assertEquals("orgUnitId", depotOutside.json().get("field").asText());
    }

    // ---------------------------------------------------------------- writes

    @Test
    public void unitsAreCreatedUpdatedWithVersionsAndDeactivated() throws Exception {
        Api admin = api().as("admin");
        Api.Reply created = admin.post("/units", unit("HB-SY-CITY", "PREFECTURE", unitId("P42")));
        assertEquals(created.toString(), 201, created.status());
        assertNotNull("Location header", created.location());
        JsonNode u = created.json();
        long id = u.get("id").asLong();
        long version = u.get("version").asLong();

        Api.Reply updated = admin.put("/units/" + id, Map.of("name", "Shiyan City Public Security Bureau",
                "nameZh", "十堰市公安局", "frontLine", false, "version", version));
        assertEquals(updated.toString(), 200, updated.status());
        assertEquals(version + 1, updated.json().get("version").asLong());

        Api.Reply stale = admin.put("/units/" + id, Map.of("name", "Stale write", "frontLine", false,
                "version", version));
        assertEquals(stale.toString(), 409, stale.status());
        assertProblem(stale);
        assertEquals("Shiyan City Public Security Bureau", admin.get("/units/" + id).json().get("name").asText());

        Api.Reply deactivated = admin.post("/units/" + id + "/deactivate", Map.of("version", version + 1));
        assertEquals(deactivated.toString(), 200, deactivated.status());
        assertFalse(deactivated.json().get("active").asBoolean());

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT actor, actor_role, node_id, request_id, action FROM tp_audit "
                             + "WHERE entity = ? AND entity_id = ? ORDER BY id")) {
            ps.setString(1, "orgunit");
            ps.setString(2, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> actions = new ArrayList<>();
                while (rs.next()) {
                    assertEquals("admin", rs.getString(1));
                    assertEquals("ministry-admin", rs.getString(2));
                    assertEquals("central", rs.getString(3));
                    assertFalse(rs.getString(4).isBlank());
                    actions.add(rs.getString(5));
                }
                assertEquals("create, update, deactivate expected: " + actions, 3, actions.size());
            }
        }
    }

    @Test
    public void aRetriedCreateWithTheSameIdempotencyKeyCountsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Api admin = api().as("admin").header("Idempotency-Key", key);
        Map<String, Object> body = Map.of("code", "MPS-RESERVE-9", "name", "Reserve depot 9",
                "orgUnitId", unitId("MPS"));
        Api.Reply first = admin.post("/depots", body);
        Api.Reply again = admin.post("/depots", body);
        assertEquals(first.toString(), 201, first.status());
        assertEquals(again.toString(), first.status(), again.status());
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(1, count("tp_depot WHERE code = 'MPS-RESERVE-9'"));

        Api.Reply reused = admin.post("/depots", Map.of("code", "MPS-RESERVE-10", "name", "Another",
                "orgUnitId", unitId("MPS")));
        assertEquals(reused.toString(), 409, reused.status());
        assertEquals(0, count("tp_depot WHERE code = 'MPS-RESERVE-10'"));
    }

    @Test
    public void badInputGetsAProblemNamingTheFieldAndWritesNothing() throws Exception {
        Api admin = api().as("admin");
        long parent = unitId("P42");
        long units = count("tp_org_unit");
        long audit = count("tp_audit");

        Api.Reply malformed = admin.send("POST", "/units", "{\"code\": \"X\", ", "application/json");
        assertEquals(malformed.toString(), 400, malformed.status());
        assertProblem(malformed);

        Api.Reply missing = admin.post("/units", Map.of("name", "No code", "level", "PREFECTURE",
                "parentId", parent, "frontLine", false));
        assertEquals(missing.toString(), 400, missing.status());
        assertEquals("code", missing.json().get("field").asText());

        Api.Reply wrongType = admin.send("POST", "/units", "{\"code\":\"HB-WT\",\"name\":\"Wrong type\","
                + "\"level\":\"PREFECTURE\",\"parentId\":\"not-a-number\",\"frontLine\":false}", "application/json");
        assertEquals(wrongType.toString(), 400, wrongType.status());
        assertEquals("parentId", wrongType.json().get("field").asText());

        Api.Reply unknownField = admin.send("POST", "/units", "{\"code\":\"HB-UF\",\"name\":\"Unknown field\","
                + "\"level\":\"PREFECTURE\",\"parentId\":" + parent + ",\"frontLine\":false,\"colour\":\"red\"}",
                "application/json");
        assertEquals(unknownField.toString(), 400, unknownField.status());
        assertEquals("colour", unknownField.json().get("field").asText());

        Api.Reply badCode = admin.post("/units", unit("lower case!", "PREFECTURE", parent));
        assertEquals(badCode.toString(), 400, badCode.status());
        assertEquals("code", badCode.json().get("field").asText());

        Api.Reply wrongLevel = admin.post("/units", unit("HB-WL", "STATION", parent));
        assertEquals(wrongLevel.toString(), 400, wrongLevel.status());

        Api.Reply unknownParent = admin.post("/units", unit("HB-UP", "PREFECTURE", 987654321L));
        assertEquals(unknownParent.toString(), 404, unknownParent.status());
        assertEquals("parentId", unknownParent.json().get("field").asText());

        Api.Reply unknownId = admin.get("/units/987654321");
        assertEquals(unknownId.toString(), 404, unknownId.status());
        assertProblem(unknownId);

        Api.Reply notJson = admin.send("POST", "/units", "code=X", "text/plain");
        assertEquals(notJson.toString(), 415, notJson.status());
        assertProblem(notJson);

        String big = "{\"code\":\"HB-BIG\",\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"level\":\"PREFECTURE\","
                + "\"parentId\":" + parent + ",\"frontLine\":false}";
        Api.Reply tooBig = admin.send("POST", "/units", big, "application/json");
        assertEquals(tooBig.status() + " " + tooBig.contentType(), 413, tooBig.status());

        Api.Reply badLimit = admin.get("/units?limit=100000");
        assertEquals(badLimit.toString(), 400, badLimit.status());
        assertEquals("limit", badLimit.json().get("field").asText());

        assertEquals("no org unit written by rejected requests", units, count("tp_org_unit"));
        assertEquals("no audit row written by rejected requests", audit, count("tp_audit"));
    }

    @Test
    public void listsPageWithACursor() {
        Api admin = api().as("admin");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = admin.get("/units?level=PROVINCE&limit=10" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(u -> assertTrue("seen twice: " + u, seen.add(u.get("code").asText())));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(31, seen.size());
        assertEquals(4, pages);
        assertEquals(400, admin.get("/units?cursor=%21%21not-a-cursor").status());
    }

    // ---------------------------------------------------------------- console

    @Test
    public void consoleCommandsListTheKernelAndManageApiUsers() throws Exception {
        assertTrue(console("tongpao:node").contains("central"));
        assertTrue(console("tongpao:provinces Hubei").contains("42"));
        String units = console("tongpao:units -p 42 -l PROVINCE");
        assertTrue(units, units.contains("P42"));
        assertFalse(units, units.contains("P32"));
        assertTrue(console("tongpao:items -c GLOVES").contains("GLOVES-EXAM"));
        assertTrue(console("tongpao:depots -p 42").contains("HB-PROV-01"));

        // the operator's way to add an API user, as the README documents it
        console("jaas:realm-manage --realm tongpao; jaas:user-add inspector s3cret-Pass; "
                + "jaas:role-add inspector auditor; jaas:update");
        Poll.status("the new API user", 200, () -> api().as("inspector", "s3cret-Pass").get("/units?limit=1"));
        assertEquals(403, api().as("inspector", "s3cret-Pass").post("/units",
                unit("INSPECTED", "PREFECTURE", unitId("P42"))).status());
    }

    private String console(String command) throws Exception {
        return Console.run(sessions, command);
    }

    // ---------------------------------------------------------------- OSGi API and restarts

    @Test
    public void otherBundlesUseTheOrgUnitServiceDirectly() {
        Page<OrgUnit> page = units.list(Caller.system("it"), new OrgUnitFilter(null, null, null, null, "MPS"), 10, null);
        assertTrue(page.items().stream().anyMatch(u -> u.code().equals("MPS")));
    }

    @Test
    public void dataSurvivesARestartOfTheKernelBundles() throws Exception {
        Api admin = api().as("admin");
        Api.Reply created = admin.post("/depots", Map.of("code", "HB-RESTART-1", "name", "Restart-proof depot",
                "orgUnitId", unitId("P42")));
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().get("id").asLong();

        // stopping Derby's bundle shuts the database engine down; the kernel and the DataSource go with it
        List<String> chain = List.of("org.tongpao.core", "org.ops4j.pax.jdbc.config", "derby");
        try {
            for (String bsn : chain) {
                bundle(bsn).stop();
            }
        } finally {
            for (int i = chain.size() - 1; i >= 0; i--) {
                bundle(chain.get(i)).start();
            }
        }
        Api.Reply again = Poll.status("the depot after the restart", 200, () -> admin.get("/depots/" + id));
        assertEquals("Restart-proof depot", again.json().get("name").asText());
        // core migrates on the extender's thread, so the bundles built on it come back a little later: wait
        // until every capability answers again before the next test
        Poll.status("health after the restart", 200, () -> api().get("/health"));
    }

    // ---------------------------------------------------------------- HTTP layer: errors, headers, Location, bodies

    /** Item 19: UP came 0.2-0.5 s before a restarted capability's endpoints were mounted again. */
    @Test
    public void healthSaysUpOnlyWhenEveryCapabilityAnswers() throws Exception {
        Api anonymous = api();
        Bundle inventory = bundle("org.tongpao.inventory");
        inventory.stop();
        try {
            Poll.status("the inventory's endpoints to go", 404, () -> anonymous.post("/inventory/receipts", Map.of()));
        } finally {
            inventory.start();
        }
        // no pause between UP and the first calls: UP must already mean every endpoint is mounted
        Poll.status("health after the restart", 200, () -> anonymous.get("/health"));
        for (String path : List.of("/inventory/receipts", "/needs", "/shipments", "/units")) {
            Api.Reply r = anonymous.post(path, Map.of());
            assertEquals(path + " right after UP: " + r, 401, r.status());
        }
    }

    @Test
    public void everyErrorTheNodeSendsIsAProblemWithARequestId() throws Exception {
        String big = "a".repeat(20_000);
        Map<String, Integer> requests = new LinkedHashMap<>();
        // Jetty's parser: malformed header, bad Content-Length, URI and headers too large
        requests.put("GET /api/v1/units HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n", 400);
        requests.put("POST /api/v1/units HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n", 400);
        requests.put(rawGet("/api/v1/units?q=" + big), 414);
        requests.put(rawGet("/api/v1/units", "X-Big: " + big), 431);
        // paths no CXF endpoint or servlet serves, for any method
        requests.put(rawGet("/api/v2/x"), 404);
        requests.put(rawGet("/api/"), 404);
        requests.put(rawGet("/nothing"), 404);
        requests.put("PUT /nothing HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 404);
        // TRACE would echo the credentials back
        requests.put("TRACE /api/v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 405);
        requests.put("TRACE /api/v1/units HTTP/1.1\r\nHost: a\r\nAuthorization: " + basic("admin")
                + "\r\nConnection: close\r\n\r\n", 405);
        for (Map.Entry<String, Integer> e : requests.entrySet()) {
            RawHttp r = RawHttp.send(httpPort(), e.getKey());
            String what = e.getKey().substring(0, Math.min(60, e.getKey().indexOf('\r'))) + " -> " + r;
            assertRawProblem(what, r, e.getValue());
            assertFalse(what, r.body().contains(basic("admin").substring(6)));
        }
        // the client's request id is kept where the request could be read
        RawHttp withId = RawHttp.send(httpPort(), rawGet("/api/v2/x", "X-Request-Id: it-below-the-api"));
        assertEquals("it-below-the-api", withId.header("X-Request-Id"));
        assertEquals("it-below-the-api", new ObjectMapper().readTree(withId.body())
                .get("requestId").asText());
    }

    @Test
    public void optionsAnswersTheMethodsOfThePath() throws Exception {
        RawHttp deactivate = RawHttp.send(httpPort(), "OPTIONS /api/v1/units/1/deactivate HTTP/1.1\r\nHost: a\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(deactivate.toString(), 200, deactivate.status());
        assertEquals("POST, OPTIONS", deactivate.header("Allow"));
        RawHttp units = RawHttp.send(httpPort(),
                "OPTIONS /api/v1/units HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertEquals("GET, HEAD, POST, OPTIONS", units.header("Allow"));
        // what OPTIONS does not list is refused, and what it lists is there
        assertEquals(405, api().as("admin").send("DELETE", "/units/1/deactivate", null, null).status());
        assertRawProblem("OPTIONS on no resource", RawHttp.send(httpPort(), "OPTIONS /api/v1/nothing HTTP/1.1\r\n"
                + "Host: a\r\nConnection: close\r\n\r\n"), 404);
    }

    @Test
    public void securityHeadersOnApiAnswersAndTheSwaggerUi() throws Exception {
        RawHttp units = RawHttp.send(httpPort(), rawGet("/api/v1/units?limit=1", "Authorization: " + basic("admin")));
        assertEquals(units.toString(), 200, units.status());
        assertEquals("nosniff", units.header("X-Content-Type-Options"));
        assertEquals("an authenticated answer is never cached", "no-store", units.header("Cache-Control"));
        assertTrue(units.toString(), units.header("Content-Security-Policy").startsWith("default-src 'none'"));
        RawHttp health = RawHttp.send(httpPort(), rawGet("/api/v1/health"));
        assertEquals("nosniff", health.header("X-Content-Type-Options"));

        RawHttp ui = RawHttp.send(httpPort(), rawGet("/api/v1/api-docs/index.html?url=/api/v1/openapi.json"));
        assertEquals(ui.toString(), 200, ui.status());
        assertTrue(ui.body().contains("swagger-ui-bundle.js"));
        String csp = ui.header("Content-Security-Policy");
        assertTrue(csp, csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                && csp.contains("connect-src 'self'") && !csp.contains("unsafe-eval"));
        assertEquals("DENY", ui.header("X-Frame-Options"));
        assertEquals("no-referrer", ui.header("Referrer-Policy"));
        assertEquals("nosniff", ui.header("X-Content-Type-Options"));
        // script-src 'self' is enough: the page has no inline script
        assertFalse(ui.body(), ui.body().replaceAll("<script src=[^>]*>\\s*</script>", "").contains("<script"));
        for (String file : List.of("swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css")) {
            RawHttp asset = RawHttp.send(httpPort(), rawGet("/api/v1/api-docs/" + file));
            assertEquals(file + " " + asset.status(), 200, asset.status());
            assertEquals(file, "nosniff", asset.header("X-Content-Type-Options"));
        }
    }

    @Test
    public void locationAndRedirectsNeverFollowTheHostHeader() throws Exception {
        String origin = "http://127.0.0.1:" + httpPort() + "/api/v1/";
        String body = new ObjectMapper().writeValueAsString(
                unit("HB-HOST-1", "PREFECTURE", unitId("P42")));
        RawHttp created = RawHttp.send(httpPort(), "POST /api/v1/units HTTP/1.1\r\nHost: evil.example\r\n"
                + "Authorization: " + basic("admin") + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.toString(), created.header("Location").startsWith(origin + "units/"));
        RawHttp docs = RawHttp.send(httpPort(), "GET /api/v1/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(docs.toString(), docs.status() >= 300 && docs.status() < 400);
        assertTrue(docs.toString(), docs.header("Location").startsWith(origin + "api-docs"));

        // one form in every bundle: core (units, depots), inventory (lots), allocation (needs)
        Api admin = api().as("admin");
        Api.Reply depot = admin.post("/depots", Map.of("code", "HB-HOST-D", "name", "Location test",
                "orgUnitId", unitId("P42")));
        assertTrue(depot.toString(), depot.location().startsWith(origin + "depots/"));
        long depotId = depot.json().get("id").asLong();
        long item = admin.get("/items?q=KN95").json().get("items").get(0).get("id").asLong();
        Api.Reply lot = admin.post("/inventory/receipts", Map.of("depotId", depotId, "itemId", item, "quantity", 5,
                "origin", "PURCHASE_ORDER", "sourceDocument", "PO-HOST-1",
                "expiryDate", LocalDate.now().plusYears(2).toString()));
        assertEquals(lot.toString(), 201, lot.status());
        assertTrue(lot.toString(), lot.location().startsWith(origin + "inventory/lots/"));
        Api.Reply need = admin.post("/needs", Map.of("orgUnitId", unitId("P42"), "itemId", item, "quantity", 1,
                "urgency", "ROUTINE", "justification", "Location test", "receivingDepotId", depotId));
        assertEquals(need.toString(), 201, need.status());
        assertEquals(origin + "needs/" + need.json().get("id").asLong(), need.location());
    }

    @Test
    public void optionalBodiesCanBeOmitted() throws Exception {
        Api admin = api().as("admin");
        // POST without a body and without Content-Type, as curl -X POST sends it
        long unit = admin.post("/units", unit("HB-BARE-1", "PREFECTURE", unitId("P42"))).json().get("id").asLong();
        Api.Reply off = admin.send("POST", "/units/" + unit + "/deactivate?version=1", null, null);
        assertEquals(off.toString(), 200, off.status());
        assertFalse(off.json().get("active").asBoolean());
        Api.Reply depot = admin.post("/depots", Map.of("code", "HB-BARE-D", "name", "Bare POST", "orgUnitId",
                unitId("P42")));
        Api.Reply depotOff = admin.send("POST", "/depots/" + depot.json().get("id").asLong() + "/deactivate", null, null);
        assertEquals(depotOff.toString(), 200, depotOff.status());
        Api.Reply census = admin.post("/inventory/census", Map.of("title", "Bare submissions",
                "categories", List.of("GLOVES"), "deadline", Instant.now().plusSeconds(86_400).toString()));
        assertEquals(census.toString(), 201, census.status());
        Api.Reply submitted = api().as("hubei").send("POST", "/inventory/census/" + census.json().get("id").asLong()
                + "/submissions", null, null);
        assertEquals(submitted.toString(), 201, submitted.status());
        // a body that is required stays required, and says so (not 415)
        Api.Reply missing = admin.send("POST", "/units", null, null);
        assertEquals(missing.toString(), 400, missing.status());
        assertProblem(missing);
    }

    // ---------------------------------------------------------------- helpers

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private long depotId(String code) {
        for (JsonNode d : api().as("admin").get("/depots?limit=500&q=" + code).json().get("items")) {
            if (d.get("code").asText().equals(code)) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no depot " + code);
    }

    private long unitId(String code) {
        return units.getByCode(Caller.system("it"), code).id();
    }

    private static Map<String, Object> unit(String code, String level, long parentId) {
        return Map.of("code", code, "name", "Unit " + code, "level", level, "parentId", parentId,
                "frontLine", false);
    }

    private static void assertProblem(Api.Reply r) {
        assertTrue("problem+json expected: " + r, r.contentType().startsWith("application/problem+json"));
        JsonNode p = r.json();
        assertEquals(r.status(), p.get("status").asInt());
        assertNotNull(p.get("title"));
        assertFalse("no stack traces: " + r.body(), r.body().contains("\tat ") || r.body().contains("Exception"));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }

    private static int httpPort() {
        return Integer.getInteger("tongpao.http.port");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String rawGet(String path, String... headers) {
        StringBuilder sb = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("Connection: close\r\n\r\n").toString();
    }

    private static void assertRawProblem(String what, RawHttp r, int status) throws Exception {
        assertEquals(what, status, r.status());
        assertTrue(what, r.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(what, "nosniff", r.header("X-Content-Type-Options"));
        String id = r.header("X-Request-Id");
        assertNotNull(what, id);
        JsonNode p = new ObjectMapper().readTree(r.body());
        assertEquals(what, status, p.get("status").asInt());
        assertTrue(what, p.get("type").asText().startsWith("urn:tongpao:problem:"));
        assertEquals(what, id, p.get("requestId").asText());
        assertFalse(what, r.body().contains("<") || r.body().contains("Exception"));
    }
}
