package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;
import org.tongpao.core.Item;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.SheetRow;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.inventory.ExpiryStock;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.StockLedger;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.Reports;
import org.tongpao.reporting.StockReport;

/**
 * Reporting in the central install (tongpao-reporting with every capability): each report over REST and through
 * the OSGi service, CSV and XLSX read back with the spreadsheet kit, the daily report's PDF, a Hubei officer who sees
 * only Hubei, and the daily report as of a cut-off unchanged by later movements.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportingIT extends CentralNode {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "it-reporting");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "it-reporting-hb");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String[] REPORTS = {"stock", "cover", "shortages", "transit", "batches", "funding", "census", "daily",
        "expiring"};

    @Inject
    Reports reports;

    @Inject
    StockLedger ledger;

    @Inject
    Spreadsheets sheets;

    @Inject
    SessionFactory sessions;

    private long item(String code) {
        return catalogue.getByCode(Caller.system("it"), code).id();
    }

    /** Stock in the reserve, Hubei and Jiangsu, issues in Wuhan and goods on their way to Hubei (once per class). */
    @Before
    public void stockMovedAndReportsMounted() {
        Poll.status("/reports/stock", 401, () -> api().get("/reports/stock"));
        long kn95 = item("MASK-KN95");
        LocalDate expiry = LocalDate.now().plusYears(3);
        ledger.receive(ADMIN, new NewReceipt(depot("CENTRAL-RESERVE"), kn95, 20_000L, LotOrigin.PURCHASE_ORDER,
                "IT-REP-1", expiry, null), "it-rep-receipt-1");
        ledger.receive(ADMIN, new NewReceipt(depot("HB-WH-01"), kn95, 1_000L, LotOrigin.PURCHASE_ORDER, "IT-REP-2",
                expiry, null), "it-rep-receipt-2");
        ledger.receive(ADMIN, new NewReceipt(depot("JS-PROV-01"), kn95, 300L, LotOrigin.PURCHASE_ORDER, "IT-REP-3",
                expiry, null), "it-rep-receipt-3");
        ledger.issue(ADMIN, new NewIssue(depot("HB-WH-01"), kn95, 70L, units.getByCode(Caller.system("it"),
                "P42-WUHAN-JIANGAN-T01").id(), null, "IT-REP-ISS", null), "it-rep-issue-1");
        ledger.transferOut(ADMIN, new NewTransfer(depot("CENTRAL-RESERVE"), depot("HB-WH-01"), kn95, 2_000L, null,
                "IT-REP-TR", null), "it-rep-transfer-1");
    }

    private static JsonNode ok(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/json"));
        return r.json();
    }

    private static JsonNode row(JsonNode rows, String province, String item) {
        return row(rows, "place", province, item);
    }

    /** The row whose {@code placeField} ({@code place}, or {@code to} for goods in transit) is the province. */
    private static JsonNode row(JsonNode rows, String placeField, String province, String item) {
        for (JsonNode r : rows) {
            if (r.path(placeField).path("code").asText().equals(province)
                    && r.path("itemCode").asText().equals(item)) {
                return r;
            }
        }
        throw new AssertionError("no row " + province + " " + item + " in " + rows);
    }

    private List<SheetRow> read(SheetFormat format, byte[] file) throws IOException {
        try (SheetReader reader = sheets.read(format, new ByteArrayInputStream(file))) {
            List<SheetRow> rows = new ArrayList<>();
            reader.forEach(rows::add);
            return rows;
        }
    }

    private static SheetRow sheetRow(List<SheetRow> rows, String province, String item) {
        return rows.stream().filter(r -> province.equals(r.get("province")) && item.equals(r.get("item"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + province + " " + item + " in " + rows));
    }

    @Test
    public void everyReportAnswersOverRestAsTheServiceDoes() {
        Api admin = api().as("admin");
        for (String name : REPORTS) {
            JsonNode r = ok(admin.get("/reports/" + name));
            assertEquals(name, "national", r.path("scope").asText());
        }
        JsonNode stock = ok(admin.get("/reports/stock"));
        StockReport service = reports.stock(ADMIN);
        StockReport.StockItemRow hubei = service.byItem().stream().filter(x -> x.place().code().equals("42")
                && x.itemCode().equals("MASK-KN95")).findFirst().orElseThrow();
        assertEquals(hubei.onHand(), row(stock.path("byItem"), "42", "MASK-KN95").path("onHand").asLong());
        assertEquals(930, hubei.onHand());
        // the report reads the inventory's province × item summary (1.7), which the service publishes as it is
        org.tongpao.inventory.ItemStock summary = ledger.itemStock(ADMIN).stream().filter(x -> "42".equals(
                x.provinceCode()) && x.itemId() == item("MASK-KN95")).findFirst().orElseThrow();
        assertEquals(930, summary.onHand());
        assertEquals(hubei.available(), summary.available());
        assertTrue(summary.lots() >= 1);
        JsonNode reserve = stock.path("byCategory").get(0).path("place");
        assertTrue(reserve.toString(), reserve.path("centralReserve").asBoolean());
        assertEquals("CENTRAL", reserve.path("code").asText());
        assertEquals("湖北省", row(stock.path("byItem"), "42", "MASK-KN95").path("place").path("nameZh").asText());

        JsonNode cover = ok(admin.get("/reports/cover?window=7"));
        JsonNode hubeiCover = row(cover.path("rows"), "42", "MASK-KN95");
        assertEquals(70, hubeiCover.path("issuedInWindow").asLong());
        assertEquals(10.0, hubeiCover.path("dailyRate").asDouble(), 0.001);
        assertEquals(2_000, hubeiCover.path("inTransit").asLong());
        assertTrue(cover.path("procurement").path("installed").asBoolean()); // the central install has procurement
        assertEquals(0, hubeiCover.path("onOrder").asLong());

        JsonNode transit = ok(admin.get("/reports/transit"));
        assertTrue(transit.path("transport").path("installed").asBoolean());
        assertEquals(2_000, row(transit.path("inTransit"), "to", "42", "MASK-KN95").path("quantity").asLong());
        JsonNode funding = ok(admin.get("/reports/funding"));
        assertTrue(funding.path("procurement").path("installed").asBoolean());
        assertTrue(funding.path("funding").path("installed").asBoolean());
        assertTrue(ok(admin.get("/reports/batches")).path("allocation").path("installed").asBoolean());
        assertTrue(ok(admin.get("/reports/shortages")).path("allocation").path("installed").asBoolean());
        // the central install has donation: its section is there (DonationIT checks its figures)
        assertTrue(ok(admin.get("/reports/donations")).path("donation").path("installed").asBoolean());
        assertTrue(ok(admin.get("/reports/daily")).path("donation").path("installed").asBoolean());
        assertEquals(reports.census(ADMIN).censusId() == null, ok(admin.get("/reports/census")).path("censusId")
                .isNull());
    }

    @Test
    public void csvAndXlsxReadBackWithTheSpreadsheetKit() throws IOException {
        Api admin = api().as("admin");
        long onHand = row(ok(admin.get("/reports/stock")).path("byItem"), "42", "MASK-KN95").path("onHand").asLong();

        Api.Bytes csv = admin.download("/reports/stock?format=csv&table=by-item", null);
        assertEquals(csv.text(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.disposition(), csv.disposition().contains("stock-by-item.csv"));
        assertEquals(String.valueOf(onHand), sheetRow(read(SheetFormat.CSV, csv.body()), "42", "MASK-KN95")
                .get("on_hand"));

        Api.Bytes xlsx = admin.download("/reports/stock?table=by-item", XLSX);
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType(), xlsx.contentType().startsWith(XLSX));
        SheetRow fromXlsx = sheetRow(read(SheetFormat.XLSX, xlsx.body()), "42", "MASK-KN95");
        assertEquals(String.valueOf(onHand), fromXlsx.get("on_hand"));
        assertEquals("湖北省", fromXlsx.get("province_zh"));

        Api.Bytes cover = admin.download("/reports/cover?format=xlsx", null);
        SheetRow hubei = sheetRow(read(SheetFormat.XLSX, cover.body()), "42", "MASK-KN95");
        assertEquals("70", hubei.get("issued_in_window"));
        assertEquals("2000", hubei.get("in_transit"));

        for (String name : REPORTS) {
            Api.Bytes d = admin.download("/reports/" + name + "?format=csv", null);
            assertEquals(name + ": " + d.text(), 200, d.status());
            assertNotNull(name, read(SheetFormat.CSV, d.body()));
        }
    }

    /**
     * Inventory 1.10's earliest expiry per province × item through the OSGi service, and in the stock report's by-item
     * rows over REST, the service and CSV; issuing the first-expiring lot moves it on. Gloves in Jiangsu: no other
     * test here counts them.
     */
    @Test
    public void theEarliestExpiryIsInTheServiceAndTheStockReportAndMovesOn() throws IOException {
        Api admin = api().as("admin");
        long gloves = item("GLOVES-EXAM");
        LocalDate soon = LocalDate.now().plusDays(30);
        LocalDate later = LocalDate.now().plusYears(2);
        ledger.receive(ADMIN, new NewReceipt(depot("JS-PROV-01"), gloves, 60L, LotOrigin.PURCHASE_ORDER, "IT-REP-EXP-1",
                later, null), "it-rep-expiry-1");
        ledger.receive(ADMIN, new NewReceipt(depot("JS-PROV-01"), gloves, 40L, LotOrigin.PURCHASE_ORDER, "IT-REP-EXP-2",
                soon, null), "it-rep-expiry-2");
        assertEquals(List.of(new ExpiryStock("32", gloves, soon, 40)), ledger.earliestExpiry(ADMIN).stream()
                .filter(e -> e.itemId() == gloves).toList());
        assertEquals(List.of(new ExpiryStock("32", gloves, soon, 40)), ledger.expiringBefore(ADMIN, soon.plusDays(1))
                .stream().filter(e -> e.itemId() == gloves).toList());

        JsonNode row = row(ok(admin.get("/reports/stock")).path("byItem"), "32", "GLOVES-EXAM");
        assertEquals(soon.toString(), row.path("earliestExpiry").asText());
        assertEquals(40, row.path("earliestExpiryOnHand").asLong());
        assertEquals(soon, reports.stock(ADMIN).byItem().stream().filter(x -> x.itemCode().equals("GLOVES-EXAM"))
                .findFirst().orElseThrow().earliestExpiry());
        SheetRow csv = sheetRow(read(SheetFormat.CSV, admin.download("/reports/stock?format=csv&table=by-item", null)
                .body()), "32", "GLOVES-EXAM");
        assertEquals(soon.toString(), csv.get("earliest_expiry"));
        assertEquals("40", csv.get("earliest_expiry_on_hand"));

        ledger.issue(ADMIN, new NewIssue(depot("JS-PROV-01"), gloves, 40L, units.getByCode(Caller.system("it"),
                "P32-NANJING").id(), null, "IT-REP-EXP-ISS", null), "it-rep-expiry-issue"); // first-expiry-first-out
        JsonNode after = row(ok(admin.get("/reports/stock")).path("byItem"), "32", "GLOVES-EXAM");
        assertEquals(later.toString(), after.path("earliestExpiry").asText());
        assertEquals(60, after.path("earliestExpiryOnHand").asLong());
    }

    /**
     * Reporting 1.3's expiring stock: what expires within N days per place × item, soonest first, over REST as the
     * OSGi service gives it, as CSV, in a Hubei officer's scope, and with {@code days} checked. Surgical masks: no
     * other test here counts them.
     */
    @Test
    public void stockExpiringWithinNDaysIsReportedSoonestFirstInTheCallersScope() throws Exception {
        long masks = item("MASK-SURGICAL");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        ledger.receive(ADMIN, new NewReceipt(depot("CENTRAL-RESERVE"), masks, 50L, LotOrigin.PURCHASE_ORDER,
                "IT-REP-EXPG-1", today.plusDays(10), null), "it-rep-expiring-1");
        ledger.receive(ADMIN, new NewReceipt(depot("HB-WH-01"), masks, 30L, LotOrigin.PURCHASE_ORDER,
                "IT-REP-EXPG-2", today.plusDays(3), null), "it-rep-expiring-2");
        ledger.receive(ADMIN, new NewReceipt(depot("HB-WH-01"), masks, 70L, LotOrigin.PURCHASE_ORDER,
                "IT-REP-EXPG-3", today.plusYears(2), null), "it-rep-expiring-3");
        Api admin = api().as("admin");

        JsonNode report = ok(admin.get("/reports/expiring?days=30"));
        assertEquals(30, report.path("days").asInt());
        assertEquals(today.plusDays(30).toString(), report.path("lastDay").asText());
        List<String> order = new ArrayList<>();
        report.path("rows").forEach(r -> {
            if (r.path("itemCode").asText().equals("MASK-SURGICAL")) {
                order.add(r.path("place").path("code").asText());
            }
        });
        assertEquals("soonest first", List.of("42", "CENTRAL"), order);
        JsonNode hubei = row(report.path("rows"), "42", "MASK-SURGICAL");
        assertEquals(today.plusDays(3).toString(), hubei.path("earliestExpiry").asText());
        assertEquals(3, hubei.path("daysLeft").asLong());
        assertEquals(30, hubei.path("expiring").asLong());
        assertEquals(100, hubei.path("onHand").asLong());
        assertEquals(0.3, hubei.path("shareOfOnHand").asDouble(), 0.0001);
        assertEquals(50, row(report.path("rows"), "CENTRAL", "MASK-SURGICAL").path("expiring").asLong());
        // the service gives the same rows; the default is 30 days
        org.tongpao.reporting.ExpiringReport service = reports.expiring(ADMIN, null);
        assertEquals(30, service.days());
        assertEquals(30, service.rows().stream().filter(x -> x.itemCode().equals("MASK-SURGICAL")
                && x.place().code().equals("42")).findFirst().orElseThrow().expiring());
        assertFalse("day 3 is after a 2-day horizon", ok(admin.get("/reports/expiring?days=2")).path("rows")
                .findValuesAsText("itemCode").contains("MASK-SURGICAL"));

        SheetRow csv = sheetRow(read(SheetFormat.CSV, admin.download("/reports/expiring?format=csv", null).body()),
                "CENTRAL", "MASK-SURGICAL");
        assertEquals("50", csv.get("expiring"));
        assertEquals(today.plusDays(10).toString(), csv.get("earliest_expiry"));

        JsonNode hubeiOnly = ok(api().as("hubei").get("/reports/expiring"));
        assertEquals("42", hubeiOnly.path("scope").asText());
        assertEquals(List.of("42"), hubeiOnly.findValues("place").stream().map(p -> p.path("code").asText())
                .distinct().toList());
        assertTrue(reports.expiring(HUBEI, 30).rows().stream().allMatch(x -> x.place().code().equals("42")));
        assertField(admin.get("/reports/expiring?days=0"), "days");
        assertField(admin.get("/reports/expiring?days=3651"), "days");
        assertField(admin.get("/reports/expiring?days=soon"), "days");
        assertTrue(Console.run(sessions, "tongpao:report -d 30 expiring").contains("MASK-SURGICAL"));
    }

    /**
     * The daily report as XLSX: one workbook, a sheet per section named in Chinese and English (allocation and donation
     * are installed here: four), its stock sheet holding the JSON report's figures; {@code table=} gives one sheet.
     */
    @Test
    public void theDailyReportIsOneWorkbookWithASheetPerSection() throws IOException {
        Api admin = api().as("admin");
        Instant cutOff = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Api.Bytes xlsx = admin.download("/reports/daily?format=xlsx&asOf=" + cutOff, null);
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType(), xlsx.contentType().startsWith(XLSX));
        assertTrue(xlsx.disposition(), xlsx.disposition().contains("daily.xlsx"));
        assertEquals(List.of("库存与收发 Stock and movements", "在途物资 Goods in transit", "当日批次 Batches of the day",
                "当日捐赠 Donations of the day"), sheetNames(xlsx.body()));
        JsonNode json = ok(admin.get("/reports/daily?asOf=" + cutOff));
        long hubeiOnHand = 0;
        for (JsonNode r : json.path("stock")) {
            hubeiOnHand += r.path("place").path("code").asText().equals("42") ? r.path("onHand").asLong() : 0;
        }
        long fromSheet = 0;
        for (SheetRow r : read(SheetFormat.XLSX, xlsx.body())) { // the kit reads the first sheet: stock
            fromSheet += "42".equals(r.get("province")) ? Long.parseLong(r.get("on_hand")) : 0;
        }
        assertEquals(hubeiOnHand, fromSheet);
        assertTrue(hubeiOnHand > 0);
        Api.Bytes one = admin.download("/reports/daily?format=xlsx&table=in-transit&asOf=" + cutOff, null);
        assertEquals(List.of("in-transit"), sheetNames(one.body()));
    }

    /**
     * The sheet names of an XLSX workbook, in order, from its {@code xl/workbook.xml}; read through the zip's central
     * directory ({@code ZipInputStream} refuses FastExcel's streamed entries).
     */
    private static List<String> sheetNames(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("daily", ".xlsx");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(java.nio.file.Files.write(file, xlsx).toFile())) {
            java.util.zip.ZipEntry workbook = zip.getEntry("xl/workbook.xml");
            assertNotNull("no xl/workbook.xml", workbook);
            String xml = new String(zip.getInputStream(workbook).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<sheet [^>]*name=\"([^\"]*)\"").matcher(xml);
            while (m.find()) { // FastExcel writes non-ASCII as character references
                names.add(java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(m.group(1)).replaceAll(
                        r -> new String(Character.toChars(Integer.parseInt(r.group(1), 16)))).replace("&amp;", "&"));
            }
            return names;
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    public void theDailyReportRendersAsAPdfInChineseWithEnglishLabels() throws IOException {
        Api.Bytes pdf = api().as("admin").download("/reports/daily?format=pdf", null);
        assertEquals(pdf.text(), 200, pdf.status());
        assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text, text.contains("应急物资日报"));
            assertTrue(text, text.contains("Daily situation report"));
            assertTrue(text, text.contains("湖北省"));
            assertTrue(text, text.contains("中央储备"));
        }
        Api.Bytes accepted = api().as("admin").download("/reports/daily", "application/pdf");
        assertTrue(accepted.contentType(), accepted.contentType().startsWith("application/pdf"));
    }

    @Test
    public void aHubeiOfficerSeesOnlyHubei() {
        Api hubei = api().as("hubei");
        for (String name : new String[] {"stock", "cover", "daily"}) {
            JsonNode r = ok(hubei.get("/reports/" + name));
            assertEquals(name, "42", r.path("scope").asText());
            List<String> places = r.findValues("place").stream().map(p -> p.path("code").asText()).distinct().toList();
            assertEquals(name + ": " + places, List.of("42"), places);
        }
        assertFalse(ok(hubei.get("/reports/daily")).path("inTransit").isEmpty()); // goods coming from the reserve
        assertTrue(reports.stock(HUBEI).byItem().stream().allMatch(x -> x.place().code().equals("42")));

        Api.Reply keeper = api().as("keeper").get("/reports/stock");
        assertEquals(keeper.toString(), 403, keeper.status());
        assertEquals(401, api().get("/reports/daily").status());
    }

    @Test
    public void theDailyReportIsTheSameOnReRunAfterLaterMovements() throws Exception {
        Instant cutOff = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
        Api admin = api().as("admin");
        String json = admin.get("/reports/daily?asOf=" + cutOff).body();
        byte[] csv = admin.download("/reports/daily?format=csv&asOf=" + cutOff, null).body();
        DailyReport service = reports.daily(ADMIN, cutOff);

        long kn95 = item("MASK-KN95");
        // in Jiangsu, so that the other tests' Hubei figures stay whatever order the tests run in
        ledger.receive(ADMIN, new NewReceipt(depot("JS-PROV-01"), kn95, 555L, LotOrigin.PURCHASE_ORDER,
                "IT-REP-LATER", LocalDate.now().plusYears(2), null), null);
        ledger.issue(ADMIN, new NewIssue(depot("JS-PROV-01"), kn95, 5L, units.getByCode(Caller.system("it"),
                "P32-NANJING").id(), null, "IT-REP-LATER", null), null);
        // the later movements are in the ledger (a later cut-off sees them) ...
        Poll.until("a later receipt", Duration.ofSeconds(30), () -> Optional.of(reports.daily(ADMIN, null))
                .filter(d -> !d.stock().equals(service.stock())));

        // ... and change nothing as of the earlier cut-off
        assertEquals(json, admin.get("/reports/daily?asOf=" + cutOff).body());
        assertTrue(java.util.Arrays.equals(csv, admin.download("/reports/daily?format=csv&asOf=" + cutOff, null)
                .body()));
        assertEquals(service, reports.daily(ADMIN, cutOff));
    }

    /**
     * The depots and items that label report rows are kept between requests: a new item is reported at once (an id
     * not kept reads them again), and a rename reaches the report through core's change event well before the 60 s
     * the labels are kept at most.
     */
    @Test
    public void aNewItemIsReportedAtOnceAndARenameFollowsCoresEvent() {
        Api admin = api().as("admin");
        ok(admin.get("/reports/stock"));
        Item created = catalogue.create(ADMIN, new NewItem("IT-REP-LABEL", "MASK", "Label mask", null, "piece", null,
                36), "it-rep-label-item");
        ledger.receive(ADMIN, new NewReceipt(depot("JS-PROV-01"), created.id(), 40L, LotOrigin.PURCHASE_ORDER,
                "IT-REP-LABEL", LocalDate.now().plusYears(2), null), "it-rep-label-receipt");
        JsonNode row = row(ok(admin.get("/reports/stock")).path("byItem"), "32", "IT-REP-LABEL");
        assertEquals(40L, row.path("onHand").asLong());
        assertEquals("Label mask", row.path("itemName").asText());

        catalogue.update(ADMIN, created.id(), new ItemUpdate("MASK", "Label mask renamed", null, "piece", null, 36,
                created.version()), "it-rep-label-rename");
        Poll.until("the renamed item in the stock report", Duration.ofSeconds(30), () -> Optional.of(
                row(ok(admin.get("/reports/stock")).path("byItem"), "32", "IT-REP-LABEL"))
                .filter(r -> r.path("itemName").asText().equals("Label mask renamed")));
    }

    private static void assertField(Api.Reply r, String field) {
        assertEquals(r.toString(), 400, r.status());
        assertTrue(r.toString(), r.contentType().startsWith("application/problem+json"));
        assertEquals(r.toString(), field, r.json().path("field").asText());
    }

    @Test
    public void badParametersAreA400NamingThem() {
        Api admin = api().as("admin");
        assertField(admin.get("/reports/cover?window=0"), "window");
        assertField(admin.get("/reports/cover?window=seven"), "window");
        assertField(admin.get("/reports/daily?asOf=yesterday"), "asOf");
        assertField(admin.get("/reports/daily?asOf=" + Instant.now().plus(Duration.ofDays(1))), "asOf");
        assertField(admin.get("/reports/stock?format=doc"), "format");
        assertField(admin.get("/reports/stock?format=pdf"), "format");
        assertField(admin.get("/reports/stock?format=csv&table=nope"), "table");
    }

    @Test
    public void theConsolePrintsAReport() throws Exception {
        String out = Console.run(sessions, "tongpao:report stock");
        assertTrue(out, out.contains("by-item"));
        assertTrue(out, out.contains("MASK-KN95"));
        assertTrue(Console.run(sessions, "tongpao:report daily").contains("in-transit"));
    }
}
