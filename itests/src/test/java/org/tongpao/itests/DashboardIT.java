package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The dashboard in the central install (tongpao-central brings tongpao-dashboard): its files served by the node's
 * Jetty with their content types, caching and the security headers (a CSP with no inline script), and the browser
 * login of the REST layer — the cookie's flags, the API read with the cookie alone, an unsafe request refused without
 * the CSRF header and done with it, logout, and a province officer's scope through the cookie.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DashboardIT extends CentralNode {

    @Inject
    BundleContext bundleContext;

    @Inject
    FeaturesService features;

    private static int port() {
        return Integer.getInteger("tongpao.http.port");
    }

    @Before
    public void restServerHasMountedTheSession() {
        Poll.status("/session", 401, () -> api().get("/session"));
        Poll.status("/allocation/plans", 401, () -> api().get("/allocation/plans"));
    }

    @Test
    public void theFilesAreServedWithTheirTypesCachingAndTheSecurityHeaders() throws Exception {
        assertTrue(features.isInstalled(features.getFeature("tongpao-dashboard")));
        Bundle dashboard = null;
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.tongpao.dashboard".equals(b.getSymbolicName())) {
                dashboard = b;
            }
        }
        assertNotNull("the dashboard bundle is installed", dashboard);
        assertEquals(Bundle.ACTIVE, dashboard.getState());

        BrowserSession page = new BrowserSession(port());
        HttpResponse<String> bare = page.get("/dashboard");
        assertEquals(bare.toString(), 301, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElseThrow().endsWith("/dashboard/"));

        HttpResponse<String> index = page.get("/dashboard/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp, csp.contains("script-src 'self'"));
        assertTrue(csp, csp.contains("frame-ancestors 'none'"));
        assertFalse(csp, csp.contains("unsafe-inline"));
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", index.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("no-referrer", index.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(index.body().contains("<script src=\"app.js\""));
        assertFalse("no inline script: the CSP would block it", index.body().matches("(?s).*<script>.*"));

        HttpResponse<String> js = page.get("/dashboard/app.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(js.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));
        assertTrue(page.get("/dashboard/app.css").headers().firstValue("Content-Type").orElseThrow()
                .startsWith("text/css"));

        // ECharts is in the bundle (from its webjar), gzip on request, revalidated by its ETag
        HttpResponse<String> echarts = page.send("GET", "/dashboard/vendor/echarts.min.js", null, false);
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.body().length() > 500_000);
        String etag = echarts.headers().firstValue("ETag").orElseThrow();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> gz = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(page.origin + "/dashboard/vendor/echarts.min.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue("gzip: " + gz.body().length, gz.body().length < 400_000);
        HttpResponse<byte[]> again = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(page.origin + "/dashboard/vendor/echarts.min.js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());

        // only the bundle's own files: nothing else, no way out of the folder
        HttpResponse<String> missing = page.get("/dashboard/nothing.js");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(404, page.get("/dashboard/vendor/LICENSE").statusCode());
        assertTrue(page.get("/dashboard/%2e%2e/etc/users.properties").statusCode() >= 400);
        assertEquals(405, page.send("POST", "/dashboard/", "{}", false).statusCode());
    }

    @Test
    public void theBrowserLoginSetsASafeCookieAndUnsafeRequestsNeedItsCsrfToken() {
        DashboardSeed seed = DashboardSeed.plan(api(), "PO-DASH-IT-1", 400);

        BrowserSession wrong = new BrowserSession(port()).login("admin", "not-the-password");
        assertEquals(401, wrong.login.statusCode());
        assertTrue(wrong.login.headers().firstValue("Set-Cookie").isEmpty());
        // no Basic challenge for a page: the browser would open its own password dialog
        assertFalse(wrong.login.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        BrowserSession admin = new BrowserSession(port()).login("admin", "demo");
        assertEquals(admin.login.body(), 201, admin.login.statusCode());
        String set = admin.login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(set, set.startsWith("tongpao_session="));
        assertTrue(set, set.contains("; HttpOnly"));
        assertTrue(set, set.contains("; SameSite=Strict"));
        assertTrue(set, set.contains("; Path=/"));
        assertFalse("plain http here: " + set, set.contains("Secure"));
        assertEquals("no-store", admin.login.headers().firstValue("Cache-Control").orElseThrow());
        assertFalse("the session id is not in the body", admin.login.body().contains(admin.cookie.substring(16)));

        // the cookie alone reads the API, the same numbers as Basic
        HttpResponse<String> session = admin.get("/api/v1/session");
        assertEquals(200, session.statusCode());
        assertEquals("admin", BrowserSession.body(session).get("user").asText());
        assertEquals(admin.csrfToken, BrowserSession.body(session).get("csrfToken").asText());
        HttpResponse<String> national = admin.get("/api/v1/inventory/national");
        assertEquals(200, national.statusCode());
        assertEquals(DashboardSeed.availableByProvince(api().as("admin").get("/inventory/national").json()),
                DashboardSeed.availableByProvince(BrowserSession.body(national)));

        // approving without the CSRF header: 403 problem, nothing approved; with it: the batch
        String approve = "/api/v1/allocation/plans/" + seed.planId + "/approve";
        HttpResponse<String> noToken = admin.post(approve, null, false);
        assertEquals(noToken.body(), 403, noToken.statusCode());
        assertTrue(noToken.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("urn:tongpao:problem:csrf-token-required", BrowserSession.body(noToken).get("type").asText());
        assertEquals("DRAFT", api().as("admin").get("/allocation/plans/" + seed.planId).json().get("status").asText());
        HttpResponse<String> approved = admin.post(approve, null, true);
        assertEquals(approved.body(), 201, approved.statusCode());
        JsonNode batch = BrowserSession.body(approved);
        assertEquals("admin", batch.get("approvedBy").asText());
        assertEquals("APPROVED", api().as("admin").get("/allocation/plans/" + seed.planId).json().get("status").asText());

        // logout needs the token too; afterwards the cookie is worth nothing
        assertEquals(403, admin.delete("/api/v1/session", false).statusCode());
        HttpResponse<String> out = admin.delete("/api/v1/session", true);
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, admin.get("/api/v1/inventory/national").statusCode());
    }

    @Test
    public void aProvinceOfficerSeesOnlyTheirProvinceThroughTheCookie() {
        DashboardSeed.stock(api(), "JS-PROV-01", 250, "PO-DASH-IT-JS");
        DashboardSeed.stock(api(), "HB-PROV-01", 150, "PO-DASH-IT-HB");
        assertTrue(DashboardSeed.availableByProvince(api().as("officer").get("/inventory/national").json())
                .getOrDefault("32", 0L) >= 250);
        BrowserSession hubei = new BrowserSession(port()).login("hubei", "demo");
        assertEquals(201, hubei.login.statusCode());
        JsonNode me = BrowserSession.body(hubei.get("/api/v1/session"));
        assertEquals("42", me.get("province").asText());
        JsonNode national = BrowserSession.body(hubei.get("/api/v1/inventory/national"));
        assertTrue(national.toString(), national.get("items").size() > 0);
        for (JsonNode row : national.get("items")) {
            assertEquals(row.toString(), "42", row.get("provinceCode").asText());
        }
        HttpResponse<String> jiangsu = hubei.get("/api/v1/inventory/balances?province=32");
        assertTrue(jiangsu.body(), jiangsu.statusCode() == 403
                || BrowserSession.body(jiangsu).get("items").size() == 0);
        long jiangsuStore = DashboardSeed.exact(api().as("admin").get("/depots?q=JS-PROV-01").json(), "JS-PROV-01");
        HttpResponse<String> depot = hubei.get("/api/v1/depots/" + jiangsuStore);
        assertTrue(depot.body(), depot.statusCode() == 403 || depot.statusCode() == 404);
        // and no write outside the province, token or not
        HttpResponse<String> census = hubei.post("/api/v1/inventory/census", Map.of("title", "x",
                "categories", java.util.List.of("MASK"), "deadline", java.time.Instant.now().plusSeconds(86_400).toString()),
                true);
        assertEquals(census.body(), 403, census.statusCode());
        assertEquals("urn:tongpao:problem:forbidden", BrowserSession.body(census).get("type").asText());
    }
}
