package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless chromium driven by Selenium through Debian's chromedriver
 * (never a downloaded browser or driver: both paths are given, so Selenium Manager is not used), against the real
 * distribution started as an operator starts it ({@code ./tongpao run}, demo mode, free loopback ports). The ministry
 * officer logs in and sees the national map with the API's numbers; the zh/en switch; the ministry admin approves a
 * plan from the page; a Hubei officer does not see Jiangsu; laptop and tablet widths. Screenshots go to
 * {@code target/screenshots/}; first meaningful paint and page weight are printed as {@code [figures]}.
 * Skipped, with a message, where chromium is not installed; {@code .ci/run} installs it.
 */
public class DashboardBrowserIT {
    static final Path CHROMIUM = Paths.get(System.getProperty("it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    private static final Path WORK = Paths.get(System.getProperty("it.work", "target")).toAbsolutePath();
    private static final Path SHOTS = WORK.resolve("screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static NodeProcess node;
    private static ChromeDriverService service;
    private static WebDriver driver;
    private static String origin;

    @BeforeClass
    public static void startNodeAndBrowser() throws IOException {
        Assume.assumeTrue("DashboardBrowserIT skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install "
                + "-y chromium chromium-driver; .ci/run installs them)", Files.isExecutable(CHROMIUM)
                && Files.isExecutable(CHROMEDRIVER));
        Path instances = WORK.resolve("dashboard-instances");
        NodeProcess.deleteTree(instances);
        node = new NodeProcess("central", instances, List.of("--broker-port",
                Integer.toString(TongpaoContainer.freePort())), Map.of());
        node.start();
        node.awaitHealthy(FederatedNodes.BOOT);
        origin = "http://127.0.0.1:" + node.port();

        Files.createDirectories(SHOTS);
        Path profile = Files.createTempDirectory(WORK, "chromium-profile-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(WORK.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=zh-CN");
        driver = new ChromeDriver(service, options);
    }

    @AfterClass
    public static void stopBrowserAndNode() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    public void theOperatorsDayInARealBrowser() throws Exception {
        Api api = node.api();
        DashboardSeed seed = DashboardSeed.plan(api, "PO-DASH-BROWSER-1", 500);
        DashboardSeed.stock(api, "JS-PROV-01", 1_200, "PO-DASH-BROWSER-JS");
        // Jiangsu issues half of it this week: at that rate it runs out within days (the cover report's forecast)
        DashboardSeed.issue(api, "JS-PROV-01", "P32-NANJING", 600);
        // a census nobody has answered yet, and Jiangsu's store below a minimum: the operator's day lists both
        Api.Reply census = api.as("officer").post("/inventory/census", Map.of("title", "Mask reserves",
                "categories", List.of("MASK"), "deadline", java.time.Instant.now().plusSeconds(86_400).toString()));
        assertEquals(census.toString(), 201, census.status());
        Api.Reply threshold = api.as("admin").put("/inventory/thresholds", Map.of("depotId",
                DashboardSeed.exact(api.as("admin").get("/depots?q=JS-PROV-01").json(), "JS-PROV-01"), "itemId", seed.kn95,
                "minimumLevel", 5_000, "reorderLevel", 8_000));
        assertEquals(threshold.toString(), 200, threshold.status());
        // gloves expiring within 30 days in Hubei and Jiangsu: the "expiring within 30 days" panel
        DashboardSeed.expiring(api, "HB-WH-01", "GLOVES-EXAM", 40, 10, "PO-DASH-EXP-HB");
        DashboardSeed.expiring(api, "JS-PROV-01", "GLOVES-EXAM", 25, 5, "PO-DASH-EXP-JS");

        driver.get(origin + "/dashboard/");
        waitVisible(By.id("username"));
        shot("01-login");
        figures("first visit, login page, empty cache", false);
        assertEquals("zh-CN", js("return document.documentElement.lang"));

        // the ministry officer: the national map and figures are the API's
        login("officer");
        waitFor(By.cssSelector("#map .tile[data-value]"));
        Map<String, Long> expected = DashboardSeed.availableByProvince(api.as("officer").get("/inventory/national").json());
        assertTrue("stock in Hubei and Jiangsu: " + expected, expected.getOrDefault("42", 0L) > 0
                && expected.getOrDefault("32", 0L) >= 600);
        for (WebElement tile : driver.findElements(By.cssSelector("#map .tile"))) {
            String province = tile.getAttribute("data-province");
            String shown = tile.getAttribute("data-value");
            if (expected.containsKey(province)) {
                assertEquals("tile " + province, expected.get(province).toString(), shown);
            } else {
                assertNull("tile " + province + " has no stock in the API", shown);
            }
        }
        assertEquals(31, driver.findElements(By.cssSelector("#map .tile")).size());
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(Long.toString(total), driver.findElement(By.id("total-available")).getAttribute("data-value"));
        waitFor(By.cssSelector("#chart-stock canvas"));
        // the officer proposed the plan: it is listed, but a second person approves (the API's rule)
        waitFor(By.cssSelector("#plans li a[href$='/allocation/plans/" + seed.planId + "']"));
        assertTrue(driver.findElements(By.cssSelector("button[data-plan='" + seed.planId + "']")).isEmpty());
        waitFor(By.cssSelector("#census li[data-province='42']"));
        waitFor(By.cssSelector("#census li[data-province='32']"));
        waitFor(By.cssSelector("#low li[data-depot='JS-PROV-01']"));
        assertTrue(driver.findElement(By.cssSelector("#low li[data-depot='JS-PROV-01']")).getText().contains("5,000"));
        // the reporting bundle is installed: the coming stock-out and the daily report, through the same session
        waitFor(By.cssSelector("#stockouts li[data-province='32']"));
        assertTrue(driver.findElement(By.id("reports")).isDisplayed());
        expiringPanelShowsTheApi(api.as("officer"), "32", "42");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("expiring-province"))).selectByValue("32");
        waitFor(By.cssSelector("#expiring li[data-province='32']"));
        assertTrue("filtered to Jiangsu", driver.findElements(By.cssSelector("#expiring li[data-province]")).stream()
                .allMatch(li -> "32".equals(li.getAttribute("data-province"))));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("expiring-province"))).selectByValue("");
        Object pdf = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('daily-pdf').href).then(function (r) { return r.arrayBuffer()"
                + ".then(function (b) { done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + b.byteLength); }); });");
        assertTrue("the daily report as PDF with the session: " + pdf, String.valueOf(pdf).startsWith("200 application/pdf"));
        shot("02-national-officer-zh");

        // the login is an HttpOnly, SameSite=Strict cookie; nothing about it in storage or the URL
        Cookie cookie = driver.manage().getCookieNamed("tongpao_session");
        assertNotNull(cookie);
        assertTrue(cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        assertEquals(Boolean.FALSE, js("return document.cookie.indexOf('tongpao_session') >= 0"));
        assertEquals(0L, js("return window.localStorage.length"));
        assertFalse(driver.getCurrentUrl().contains("demo"));

        // zh → en, kept across a reload (sessionStorage), and the session survives the reload too
        assertEquals("各省库存", driver.findElement(By.cssSelector("[data-i18n='map']")).getText());
        driver.findElement(By.id("lang-switch")).click();
        assertEquals("Stock by province", driver.findElement(By.cssSelector("[data-i18n='map']")).getText());
        assertEquals("en", js("return document.documentElement.lang"));
        shot("03-national-officer-en");
        driver.navigate().refresh();
        waitFor(By.cssSelector("#map .tile[data-value]"));
        assertEquals("Stock by province", driver.findElement(By.cssSelector("[data-i18n='map']")).getText());
        figures("officer, reload with the session", true);
        ((org.openqa.selenium.chromium.ChromiumDriver) driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.navigate().refresh();
        waitFor(By.cssSelector("#map .tile[data-value]"));
        figures("officer, reload with the session, empty cache", true);

        // the ministry admin approves the plan from the page
        logout();
        login("admin");
        WebElement approve = waitVisible(By.cssSelector("button[data-plan='" + seed.planId + "']"));
        approve.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textMatches(By.id("message"),
                java.util.regex.Pattern.compile("Approved: batch \\d{4}-\\d+")));
        JsonNode plan = api.as("admin").get("/allocation/plans/" + seed.planId).json();
        assertEquals("APPROVED", plan.get("status").asText());
        assertEquals("admin", plan.get("decidedBy").asText());
        JsonNode batch = api.as("admin").get("/allocation/batches/" + plan.get("batchId").asLong()).json();
        assertEquals("admin", batch.get("approvedBy").asText());
        assertTrue(driver.findElement(By.id("message")).getText().contains(batch.get("number").asText()));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("button[data-plan='" + seed.planId + "']")));
        shot("04-approved-admin");

        // dispatched (API), then Hubei confirms the receipt from the page
        Api.Reply dispatched = api.as("officer").post("/allocation/batches/" + batch.get("id").asLong() + "/dispatch",
                null);
        assertEquals(dispatched.toString(), 200, dispatched.status());

        // a Hubei officer: Hubei's tile, not Jiangsu's; the API refuses the rest through the same session
        logout();
        driver.findElement(By.id("lang-switch")).click(); // back to Chinese
        login("hubei");
        waitFor(By.cssSelector("#map .tile[data-province='42'][data-value]"));
        WebElement confirm = waitVisible(By.cssSelector("button[data-batch='" + batch.get("id").asLong() + "']"));
        confirm.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "已确认收货：" + batch.get("number").asText()));
        JsonNode received = api.as("admin").get("/allocation/batches/" + batch.get("id").asLong()).json();
        assertEquals(received.toString(), "RECEIVED", received.get("status").asText());
        assertNull(driver.findElement(By.cssSelector("#map .tile[data-province='32']")).getAttribute("data-value"));
        assertEquals(1, driver.findElements(By.cssSelector("#map .tile[data-value]")).size());
        expiringPanelShowsTheApi(api.as("hubei"), "42");
        assertTrue("Hubei's panel has no Jiangsu row", driver.findElements(
                By.cssSelector("#expiring li[data-province='32']")).isEmpty());
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/inventory/balances?province=32', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                + ".then(function (r) { return r.json().then(function (j) { done(r.status + ':' + "
                + "(j.items ? j.items.length : j.type)); }); });");
        assertTrue("Jiangsu's balances for Hubei: " + status, "200:0".equals(status)
                || String.valueOf(status).startsWith("403:"));
        Object post = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/inventory/census', {method: 'POST', headers: {'Content-Type': 'application/json',"
                + "'X-Requested-With': 'XMLHttpRequest'}, body: '{}'}).then(function (r) { return r.json()"
                + ".then(function (j) { done(r.status + ':' + j.type); }); });");
        assertEquals("a script without the page's CSRF token is refused", "403:urn:tongpao:problem:csrf-token-required",
                post);
        shot("05-hubei-zh");

        // a tablet: the page fits its width
        driver.manage().window().setSize(new Dimension(768, 1024));
        waitFor(By.cssSelector("#map .tile[data-value]"));
        assertTrue("no horizontal scrolling at 768 px",
                (Long) js("return document.documentElement.scrollWidth") <= (Long) js("return window.innerWidth"));
        shot("06-hubei-tablet");
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    /**
     * The "expiring within 30 days" panel lists exactly the rows {@code /reports/expiring?days=30} gives {@code as}
     * (the API's scope), with its quantities; {@code provinces} must be among them.
     */
    private static void expiringPanelShowsTheApi(Api as, String... provinces) {
        JsonNode rows = as.get("/reports/expiring?days=30").json().path("rows");
        for (String p : provinces) {
            waitFor(By.cssSelector("#expiring li[data-province='" + p + "'][data-item='GLOVES-EXAM']"));
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        rows.forEach(r -> expected.put(r.path("place").path("code").asText() + "|" + r.path("itemCode").asText(),
                r.path("expiring").asText()));
        try {
            // a list left from the previous login is replaced once this login's requests answer
            new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> expected.equals(expiringShown()));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(expected, expiringShown());
        }
    }

    private static Map<String, String> expiringShown() {
        Map<String, String> shown = new java.util.TreeMap<>();
        for (WebElement li : driver.findElements(By.cssSelector("#expiring li[data-province]"))) {
            shown.put(li.getAttribute("data-province") + "|" + li.getAttribute("data-item"),
                    li.getAttribute("data-expiring"));
        }
        return shown;
    }

    private static void login(String user) {
        WebElement name = waitVisible(By.id("username"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login-submit")).click();
        waitVisible(By.id("app"));
    }

    private static void logout() {
        driver.findElement(By.id("logout")).click();
        waitVisible(By.id("username"));
        new WebDriverWait(driver, WAIT).until(d -> d.manage().getCookieNamed("tongpao_session") == null);
    }

    /** First contentful paint, the map's moment and the page weight from the browser's own timeline. */
    @SuppressWarnings("unchecked")
    private static void figures(String when, boolean withMap) {
        Map<String, Object> f = (Map<String, Object>) js("var nav = performance.getEntriesByType('navigation')[0];"
                + "var paint = performance.getEntriesByName('first-contentful-paint')[0];"
                + "var map = performance.getEntriesByName('tongpao-map')[0];"
                + "var res = performance.getEntriesByType('resource');"
                + "var api = res.filter(function (r) { return r.name.indexOf('/inventory/national') >= 0; })[0];"
                + "var transfer = nav.transferSize, decoded = nav.decodedBodySize, files = 1, apiBytes = 0;"
                + "res.forEach(function (r) { if (r.name.indexOf('/api/') >= 0) { apiBytes += r.transferSize; } else {"
                + " transfer += r.transferSize; decoded += r.decodedBodySize; files++; } });"
                + "return {fcp: paint ? paint.startTime : -1, map: map ? map.startTime : -1,"
                + " dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, transfer: transfer, decoded: decoded,"
                + " files: files, api: apiBytes, national: api ? api.duration : -1};");
        System.out.printf("[figures] dashboard (%s): first contentful paint %.0f ms, map with numbers %s, "
                        + "DOMContentLoaded %.0f ms, load %.0f ms; page weight %d files, %d bytes transferred "
                        + "(%d decoded), API answers %d bytes; baseline: the /inventory/national answer itself %s%n", when, num(f.get("fcp")),
                withMap ? String.format("%.0f ms", num(f.get("map"))) : "n/a",
                num(f.get("dcl")), num(f.get("load")), (long) num(f.get("files")), (long) num(f.get("transfer")),
                (long) num(f.get("decoded")), (long) num(f.get("api")),
                num(f.get("national")) < 0 ? "n/a" : String.format("%.0f ms", num(f.get("national"))));
        if (withMap) {
            assertTrue("first meaningful paint (the map) within 1.5 s: " + f, num(f.get("map")) > 0
                    && num(f.get("map")) < 1_500);
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static WebElement waitVisible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void waitFor(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
