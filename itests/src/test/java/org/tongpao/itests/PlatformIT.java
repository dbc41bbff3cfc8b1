package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tongpao.core.Caller;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;

/**
 * The central install booted from the real distribution (tongpao-central), driven through its OSGi
 * services and its REST API with every demo role. One container for the whole class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    /** Chosen once in the test JVM; inside the container the probe reads it back from the system property. */
    private static final int HTTP_PORT = TongpaoContainer.freePort();

    @Inject
    BundleContext context;

    @Inject
    FeaturesService features;

    @Inject
    ServiceComponentRuntime scr;

    @Inject
    @Filter("(dataSourceName=tongpao)")
    DataSource dataSource;

    @Inject
    OrgUnitService units;

    @Inject
    SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return TongpaoContainer.options("central", HTTP_PORT);
    }

    private Api api() {
        return Api.at(Integer.getInteger("tongpao.http.port"));
    }

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
        Api.Reply outside = api().as("hubei").post("/units", unit("HB-IN-JS", "PREFECTURE", jiangsuDept));
        assertEquals(outside.toString(), 403, outside.status());
        assertEquals(before, count("tp_org_unit"));

        Api.Reply inside = api().as("hubei").post("/units", unit("HB-XG-CITY", "PREFECTURE", hubeiDept));
        assertEquals(inside.toString(), 201, inside.status());
        long id = inside.json().get("id").asLong();
        assertEquals("42", inside.json().get("provinceCode").asText());
        assertEquals(404, api().as("jiangsu").get("/units/" + id).status());
        assertEquals(200, api().as("admin").get("/units/" + id).status());

        Api.Reply depotOutside = api().as("hubei").post("/depots",
                Map.of("code", "HB-DEPOT-IN-JS", "name", "Wrong province", "orgUnitId", jiangsuDept));
        assertEquals(depotOutside.toString(), 403, depotOutside.status());
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
        assertTrue(unknownParent.toString(), unknownParent.status() == 400 || unknownParent.status() == 404);

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

    private long unitId(String code) {
        return units.getByCode(Caller.system("it"), code).id();
    }

    private static Map<String, Object> unit(String code, String level, long parentId) {
        return Map.of("code", code, "name", "Unit " + code, "level", level, "parentId", parentId,
                "frontLine", false);
    }

    private long count(String tableAndWhere) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tableAndWhere);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
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
}
