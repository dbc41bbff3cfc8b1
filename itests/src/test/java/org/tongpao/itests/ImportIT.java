package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;
import org.tongpao.dataimport.DataImports;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.dataimport.ImportRefusedException;
import org.tongpao.dataimport.ImportResult;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.SheetRow;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.ReceiptsRefusedException;
import org.tongpao.inventory.ReceivedLots;
import org.tongpao.inventory.StockLedger;

/**
 * Spreadsheet imports in the central install (tongpao-import): every kind over REST as CSV and as XLSX, the stock
 * visible through the inventory's API, a bad file refused with its rows and columns and nothing written, a province
 * officer's row outside the province refused, an exported catalogue imported back, a re-sent file imported once,
 * and the OSGi service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportIT extends CentralNode {
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DataImports imports;

    @Inject
    Spreadsheets sheets;

    @Inject
    StockLedger ledger;

    @Before
    public void restServerHasMountedImports() {
        Poll.status("/imports/catalogue/template", 401, () -> api().get("/imports/catalogue/template"));
    }

    private byte[] file(SheetFormat format, ImportKind kind, List<List<?>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.write(format, kind.path(), kind.headers(), rows, out);
        return out.toByteArray();
    }

    private static String text(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8);
    }

    private Api.Reply postCsv(Api as, ImportKind kind, List<List<?>> rows) throws IOException {
        return as.send("POST", "/imports/" + kind.path(), text(file(SheetFormat.CSV, kind, rows)), CSV);
    }

    private Api.Reply postXlsx(Api as, ImportKind kind, List<List<?>> rows) throws IOException {
        return as.sendBytes("POST", "/imports/" + kind.path(), file(SheetFormat.XLSX, kind, rows), XLSX);
    }

    private static JsonNode ok(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status());
        return r.json();
    }

    /** On hand of an item in a depot, read through the inventory's REST API. */
    private static long onHand(String depot, String item) {
        JsonNode page = ok(api().as("admin").get("/inventory/balances?depot=" + depot + "&item=" + item + "&by=item"));
        long sum = 0;
        for (JsonNode b : page.path("items")) {
            sum += b.path("onHand").asLong();
        }
        return sum;
    }

    @Test
    public void everyKindImportsOverRestAsCsvAndXlsxAndTheStockShowsInTheInventory() throws Exception {
        Api admin = api().as("admin");
        JsonNode cat = ok(postCsv(admin, ImportKind.CATALOGUE, List.of(
                Arrays.asList("IT-HEATER", "FIELD", "Field heater", "取暖器", "piece", null, null))));
        assertEquals(1, cat.path("created").asInt());
        assertEquals("CATALOGUE", cat.path("kind").asText());
        JsonNode catX = ok(postXlsx(admin, ImportKind.CATALOGUE, List.of(
                Arrays.asList("IT-GEL", "DISINFECTANT", "Hand gel", "免洗洗手液", "bottle", null, 24))));
        assertEquals(1, catX.path("created").asInt());
        assertEquals(Integer.valueOf(24), catalogue.getByCode(Caller.system("it"), "IT-GEL").shelfLifeMonths());

        ok(postCsv(admin, ImportKind.ORG_UNITS, List.of(
                Arrays.asList("P42-IT-XG", "Xiaogan bureau", "孝感市公安局", "PREFECTURE", "P42", null, false))));
        ok(postXlsx(admin, ImportKind.ORG_UNITS, List.of(
                Arrays.asList("P32-IT-SZ", "Suzhou bureau", "苏州市公安局", "PREFECTURE", "P32", null, false))));
        ok(postCsv(admin, ImportKind.DEPOTS, List.of(Arrays.asList("HB-IT-01", "Xiaogan depot", "P42-IT-XG", null))));
        ok(postXlsx(admin, ImportKind.DEPOTS, List.of(Arrays.asList("JS-IT-01", "Suzhou depot", "P32-IT-SZ", "苏州"))));
        assertEquals("42", depots.getByCode(Caller.system("it"), "HB-IT-01").provinceCode());

        LocalDate expiry = LocalDate.now().plusYears(2);
        JsonNode hb = ok(postCsv(api().as("hubei"), ImportKind.OPENING_BALANCES, List.of(
                Arrays.asList("HB-IT-01", "FIELD-TENT", 30, null, null, "开账"),
                Arrays.asList("HB-IT-01", "MASK-MEDPROT", 2_000, expiry, "LEDGER-1", null))));
        assertEquals(2, hb.path("created").asInt());
        ok(postXlsx(admin, ImportKind.OPENING_BALANCES, List.of(
                Arrays.asList("JS-IT-01", "IT-GEL", 48, expiry, null, null))));
        assertEquals(30, onHand("HB-IT-01", "FIELD-TENT"));
        assertEquals(2_000, onHand("HB-IT-01", "MASK-MEDPROT"));
        assertEquals(48, onHand("JS-IT-01", "IT-GEL"));
        JsonNode lots = ok(admin.get("/inventory/lots?depot=" + depot("HB-IT-01")));
        for (JsonNode lot : lots.path("items")) {
            assertEquals(lot.toString(), "OPENING_BALANCE", lot.path("origin").asText());
        }

        // a depot keeper loads and counts their own depot
        Api keeper = api().as("keeper");
        ok(postCsv(keeper, ImportKind.OPENING_BALANCES, List.of(Arrays.asList("HB-WH-01", "IT-HEATER", 10, null,
                null, null))));
        JsonNode count = ok(postXlsx(keeper, ImportKind.COUNTS, List.of(Arrays.asList("HB-WH-01", "IT-HEATER", null,
                8))));
        assertEquals(1, count.path("updated").asInt());
        assertEquals(8, onHand("HB-WH-01", "IT-HEATER"));
        JsonNode countCsv = ok(postCsv(api().as("hubei"), ImportKind.COUNTS, List.of(
                Arrays.asList("HB-IT-01", "FIELD-TENT", null, 29))));
        assertEquals(1, countCsv.path("created").asInt());
        assertEquals(29, onHand("HB-IT-01", "FIELD-TENT"));
    }

    @Test
    public void aBadFileIsRefusedWithEveryRowAndColumnNamedAndNothingWritten() throws Exception {
        long lots = count("tp_inv_lot");
        long items = count("tp_item");
        Api.Reply r = postCsv(api().as("admin"), ImportKind.OPENING_BALANCES, List.of(
                Arrays.asList("HB-WH-01", "FIELD-TENT", 5, null, null, null),
                Arrays.asList("HB-WH-01", "NO-SUCH-ITEM", 5, null, null, null),
                Arrays.asList("HB-WH-01", "FIELD-TENT", "many", null, null, null),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 5, null, null, null)));
        assertEquals(r.toString(), 400, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        JsonNode p = r.json();
        assertEquals(3, p.path("errorCount").asInt());
        assertEquals("urn:tongpao:problem:import-refused", p.path("type").asText());
        JsonNode errors = p.path("errors");
        assertEquals(3, errors.size());
        assertEquals(3, errors.get(0).path("row").asInt());
        assertEquals("itemCode", errors.get(0).path("column").asText());
        assertEquals("NO-SUCH-ITEM", errors.get(0).path("value").asText());
        assertEquals(4, errors.get(1).path("row").asInt());
        assertEquals("quantity", errors.get(1).path("column").asText());
        assertEquals(5, errors.get(2).path("row").asInt());
        assertEquals("expiryDate", errors.get(2).path("column").asText());
        assertEquals("nothing written: not the good first row either", lots, count("tp_inv_lot"));

        Api.Reply cat = api().as("admin").send("POST", "/imports/catalogue",
                "code,categoryCode,name,unit,colour\nIT-X,MASK,x,piece,red\nit y,MASK,y,piece,blue\n", CSV);
        assertEquals(cat.toString(), 400, cat.status());
        assertEquals("colour", cat.json().path("errors").get(0).path("column").asText());
        assertEquals(1, cat.json().path("errors").get(0).path("row").asInt());
        assertEquals(items, count("tp_item"));

        Api.Reply asJson = api().as("admin").sendBytes("POST", "/imports/catalogue",
                file(SheetFormat.XLSX, ImportKind.CATALOGUE, List.of()), "application/json");
        assertEquals(asJson.toString(), 400, asJson.status());
        assertEquals("Content-Type", asJson.json().path("field").asText());
        Api.Reply notXlsx = api().as("admin").send("POST", "/imports/catalogue", "code\nX\n", XLSX);
        assertEquals(notXlsx.toString(), 400, notXlsx.status());
        assertEquals("file", notXlsx.json().path("field").asText());
        Api.Reply unknownKind = api().as("admin").send("POST", "/imports/suppliers", "code\nX\n", CSV);
        assertEquals(unknownKind.toString(), 400, unknownKind.status());
        assertEquals("kind", unknownKind.json().path("field").asText());
    }

    @Test
    public void aProvinceOfficerIsRefusedRowsOutsideTheProvinceAndMasterData() throws Exception {
        long lots = count("tp_inv_lot");
        Api hubei = api().as("hubei");
        Api.Reply r = postCsv(hubei, ImportKind.OPENING_BALANCES, List.of(
                Arrays.asList("HB-PROV-01", "FIELD-BOOTS", 5, null, null, null),
                Arrays.asList("JS-PROV-01", "FIELD-BOOTS", 5, null, null, null)));
        assertEquals(r.toString(), 400, r.status());
        JsonNode only = r.json().path("errors");
        assertEquals(1, only.size());
        assertEquals(3, only.get(0).path("row").asInt());
        assertEquals("depotCode", only.get(0).path("column").asText());
        assertEquals("unknown depot JS-PROV-01", only.get(0).path("message").asText());
        assertEquals(lots, count("tp_inv_lot"));

        Api.Reply master = postCsv(hubei, ImportKind.CATALOGUE, List.of(
                Arrays.asList("IT-NOPE", "MASK", "x", null, "piece", null, null)));
        assertEquals(master.toString(), 403, master.status());
        Api.Reply auditor = postCsv(api().as("auditor"), ImportKind.OPENING_BALANCES, List.of(
                Arrays.asList("HB-PROV-01", "FIELD-BOOTS", 5, null, null, null)));
        assertEquals(auditor.toString(), 403, auditor.status());
        assertEquals(401, api().send("POST", "/imports/counts", "x", CSV).status());
    }

    @Test
    public void anExportedCatalogueImportsBackAndTemplatesHoldTheHeaderRow() throws Exception {
        Api admin = api().as("admin");
        Api.Bytes export = admin.getBytes("/imports/catalogue/export?format=xlsx");
        assertEquals(200, export.status());
        assertTrue(export.contentType(), export.contentType().startsWith(XLSX));
        assertTrue(export.disposition(), export.disposition().contains("catalogue.xlsx"));
        List<List<?>> rows = new ArrayList<>();
        try (SheetReader reader = sheets.read(SheetFormat.XLSX, new ByteArrayInputStream(export.body()))) {
            assertEquals(ImportKind.CATALOGUE.headers(), reader.headers());
            for (SheetRow row : reader) {
                List<Object> cells = new ArrayList<>();
                for (String h : ImportKind.CATALOGUE.headers()) {
                    cells.add(row.get(h));
                }
                rows.add(cells);
            }
        }
        assertTrue(rows.size() >= 17);
        JsonNode back = ok(admin.sendBytes("POST", "/imports/catalogue", export.body(), XLSX));
        assertEquals(rows.size(), back.path("rows").asInt());
        assertEquals(rows.size(), back.path("unchanged").asInt());

        Api.Bytes csvExport = admin.getBytes("/imports/catalogue/export?format=csv");
        assertTrue(csvExport.contentType(), csvExport.contentType().startsWith(CSV));
        JsonNode csvBack = ok(admin.send("POST", "/imports/catalogue", new String(csvExport.body(),
                StandardCharsets.UTF_8), "text/csv; charset=UTF-8"));
        assertEquals(rows.size(), csvBack.path("unchanged").asInt());

        for (ImportKind kind : ImportKind.values()) {
            Api.Bytes template = api().as("keeper").getBytes("/imports/" + kind.path() + "/template?format=xlsx");
            assertEquals(kind.path(), 200, template.status());
            try (SheetReader reader = sheets.read(SheetFormat.XLSX, new ByteArrayInputStream(template.body()))) {
                assertEquals(kind.headers(), reader.headers());
                assertFalse(reader.iterator().hasNext());
            }
        }
        Api.Reply csvTemplate = api().as("hubei").get("/imports/opening-balances/template");
        assertEquals(200, csvTemplate.status());
        assertTrue(csvTemplate.body(), csvTemplate.body().contains("depotCode,itemCode,quantity,expiryDate"));
        assertEquals(400, admin.get("/imports/counts/export").status());
        assertEquals(400, admin.get("/imports/catalogue/template?format=ods").status());
    }

    @Test
    public void aResentFileImportsOnceAndADryRunWritesNothing() throws Exception {
        Api admin = api().as("admin");
        byte[] file = file(SheetFormat.CSV, ImportKind.OPENING_BALANCES, List.of(
                Arrays.asList("HB-PROV-01", "FIELD-RAINCOAT", 7, null, null, null)));
        long before = onHand("HB-PROV-01", "FIELD-RAINCOAT");
        JsonNode dry = ok(admin.send("POST", "/imports/opening-balances?dryRun=true", text(file), CSV));
        assertTrue(dry.path("dryRun").asBoolean());
        assertEquals(1, dry.path("created").asInt());
        assertEquals(before, onHand("HB-PROV-01", "FIELD-RAINCOAT"));

        Api keyed = admin.header("Idempotency-Key", "import-it-raincoats");
        JsonNode first = ok(keyed.send("POST", "/imports/opening-balances", text(file), CSV));
        JsonNode again = ok(keyed.send("POST", "/imports/opening-balances", text(file), CSV));
        assertEquals(first, again);
        assertEquals(before + 7, onHand("HB-PROV-01", "FIELD-RAINCOAT"));
    }

    @Test
    public void thousandsOfOpeningBalancesAreOneBatchedReceiptCountedOnceUnderOneKey() throws Exception {
        List<List<?>> rows = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 3_000; i++) {
            rows.add(Arrays.asList(i % 2 == 0 ? "HB-PROV-01" : "CENTRAL-RESERVE", "FIELD-BOOTS", 1 + i % 9, null,
                    "IT-BULK-" + i, null));
            total += 1 + i % 9;
        }
        long prov = onHand("HB-PROV-01", "FIELD-BOOTS");
        long central = onHand("CENTRAL-RESERVE", "FIELD-BOOTS");
        long postings = count("tp_inv_posting");
        Api keyed = api().as("admin").header("Idempotency-Key", "import-it-bulk");
        JsonNode first = ok(keyed.send("POST", "/imports/opening-balances",
                text(file(SheetFormat.CSV, ImportKind.OPENING_BALANCES, rows)), CSV));
        JsonNode again = ok(keyed.send("POST", "/imports/opening-balances",
                text(file(SheetFormat.CSV, ImportKind.OPENING_BALANCES, rows)), CSV));
        assertEquals(first, again);
        assertEquals(3_000, first.path("created").asInt());
        assertEquals("one posting per depot", postings + 2, count("tp_inv_posting"));
        assertEquals(total, onHand("HB-PROV-01", "FIELD-BOOTS") - prov + onHand("CENTRAL-RESERVE", "FIELD-BOOTS")
                - central);
        assertEquals(3_000, count("tp_inv_movement WHERE source_document LIKE 'IT-BULK-%'"));

        // the inventory's bulk receipt through the OSGi service: one key, every bad receipt named
        Caller admin = Caller.of("admin", Set.of("ministry-admin"), "it-bulk");
        long boots = catalogue.getByCode(admin, "FIELD-BOOTS").id();
        List<NewReceipt> receipts = List.of(
                NewReceipt.builder().depotId(depot("HB-PROV-01")).itemId(boots).quantity(4L)
                        .origin(LotOrigin.DONATION).sourceDocument("IT-BULK-OSGI").build(),
                NewReceipt.builder().depotId(depot("CENTRAL-RESERVE")).itemId(boots).quantity(6L)
                        .origin(LotOrigin.DONATION).sourceDocument("IT-BULK-OSGI").build());
        ReceivedLots lots = ledger.receiveAll(admin, receipts, "it-bulk-osgi");
        assertEquals(2, lots.lotIds().size());
        assertEquals(10, lots.quantity());
        assertEquals(lots, ledger.receiveAll(admin, receipts, "it-bulk-osgi"));
        assertEquals(2, count("tp_inv_movement WHERE source_document = 'IT-BULK-OSGI'"));
        List<NewReceipt> bad = List.of(receipts.get(0), receipts.get(1).toBuilder().quantity(-1L).build(),
                receipts.get(0).toBuilder().itemId(-5L).build());
        try {
            ledger.receiveAll(admin, bad, null);
            throw new AssertionError("refused");
        } catch (ReceiptsRefusedException e) {
            assertEquals(2, e.faultCount());
            assertEquals(1, e.faults().get(0).index());
            assertEquals("quantity", e.faults().get(0).field());
            assertEquals(2, e.faults().get(1).index());
            assertEquals("itemId", e.faults().get(1).field());
        }
        assertEquals(2, count("tp_inv_movement WHERE source_document = 'IT-BULK-OSGI'"));
    }

    /**
     * The imports' own body limit (64 MiB, {@code @BodyLimit}): a file over the server's 1 MiB imports, every other
     * operation still refuses 1 MiB, and a streamed file over 64 MiB is 413 with nothing written.
     */
    @Test
    public void aFileOverOneMebibyteImportsAndOneOverTheImportLimitIsRefusedWithNothingWritten() throws Exception {
        Api admin = api().as("admin");
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            rows.add(Arrays.asList("HB-PROV-01", "FIELD-COLDCOAT", 1, null, "IT-MIB-" + i,
                    "opening balance carried over from the provincial ledger 省级台账结转"));
        }
        byte[] csv = file(SheetFormat.CSV, ImportKind.OPENING_BALANCES, rows);
        assertTrue(csv.length + " bytes", csv.length > 1 << 20);
        long coats = onHand("HB-PROV-01", "FIELD-COLDCOAT");
        JsonNode done = ok(admin.sendBytes("POST", "/imports/opening-balances", csv, CSV));
        assertEquals(12_000, done.path("created").asInt());
        assertEquals(coats + 12_000, onHand("HB-PROV-01", "FIELD-COLDCOAT"));

        byte[] bigItem = ("{\"code\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Reply item = admin.sendStream("POST", "/items", () -> new ByteArrayInputStream(bigItem),
                "application/json");
        assertEquals("every other operation keeps 1 MiB", 413, item.status());

        long lots = count("tp_inv_lot");
        byte[] header = "depotCode,itemCode,quantity\n".getBytes(StandardCharsets.UTF_8);
        byte[] row = "HB-PROV-01,FIELD-COLDCOAT,1\n".getBytes(StandardCharsets.UTF_8);
        long size = (64L << 20) + 1_000;
        Api.Reply over = admin.sendStream("POST", "/imports/opening-balances", () -> repeated(header, row, size), CSV);
        assertEquals(413, over.status());
        assertTrue(over.contentType(), over.contentType().startsWith("application/problem+json"));
        assertTrue(over.body(), over.json().path("detail").asText().contains(String.valueOf(64L << 20)));
        assertEquals("nothing written", lots, count("tp_inv_lot"));
    }

    /** {@code head}, then {@code row} over and over, {@code size} bytes in all, made as it is read. */
    private static InputStream repeated(byte[] head, byte[] row, long size) {
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                if (at >= size) {
                    return -1;
                }
                long i = at++;
                return (i < head.length ? head[(int) i] : row[(int) ((i - head.length) % row.length)]) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - at);
                for (int k = 0; k < n; k++) {
                    b[off + k] = (byte) read();
                }
                return n;
            }
        };
    }

    @Test
    public void theOsgiServiceImportsAndRefusesLikeRest() throws Exception {
        Caller admin = Caller.of("admin", Set.of("ministry-admin"), "it-import");
        byte[] good = file(SheetFormat.XLSX, ImportKind.CATALOGUE, List.of(
                Arrays.asList("IT-OSGI", "FIELD", "Sleeping bag", "睡袋", "piece", null, null)));
        ImportResult result = imports.importFile(admin, ImportKind.CATALOGUE, SheetFormat.XLSX,
                new ByteArrayInputStream(good), false, null);
        assertEquals(1, result.created());
        assertEquals("Sleeping bag", catalogue.getByCode(admin, "IT-OSGI").name());

        byte[] bad = file(SheetFormat.CSV, ImportKind.CATALOGUE, List.of(
                Arrays.asList("IT-OSGI-2", "FIELD", "x", null, "bucket", null, null)));
        try {
            imports.importFile(admin, ImportKind.CATALOGUE, SheetFormat.CSV, new ByteArrayInputStream(bad), false,
                    null);
            throw new AssertionError("refused");
        } catch (ImportRefusedException e) {
            assertEquals(1, e.errorCount());
            assertEquals("unit", e.errors().get(0).column());
        }
    }
}
