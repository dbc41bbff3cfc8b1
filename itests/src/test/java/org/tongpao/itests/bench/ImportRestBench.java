package org.tongpao.itests.bench;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.SheetRow;
import org.tongpao.documents.spreadsheet.Spreadsheets;

/**
 * Issue 15's 100,000-lot opening-balance file over REST on the central install (the imports' own 64 MiB body limit,
 * {@code @BodyLimit}), beside raw JDBC in the same run and database: the same file read with the same kit and its rows
 * inserted into one plain table with batches of 1,000 and one commit (ImportBench's raw floor). A 2,000-lot warm-up of
 * each first. {@code -Dbench.importLots=N} (default 100,000).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportRestBench extends CentralBench {
    private static final int LOTS = Integer.getInteger("bench.importLots", 100_000);
    private static final String[] DEPOTS = {"HB-PROV-01", "HB-WH-01", "JS-PROV-01", "CENTRAL-RESERVE"};
    private static final String[] ITEMS = {"FIELD-TENT", "FIELD-BOOTS", "FIELD-RAINCOAT", "MASK-KN95", "GLOVES-EXAM",
        "MASK-MEDPROT"};

    @Inject
    Spreadsheets sheets;

    @Override
    protected String[] knobs() {
        return new String[] {"bench.importLots", "bench.importOut"};
    }

    @Test
    public void hundredThousandLotsOverRestAgainstRawBatchedInserts() throws Exception {
        raw(file(2_000, "W"), "bench_raw_warm");
        post(file(2_000, "W"));
        byte[] file = file(LOTS, "B");

        long t0 = System.nanoTime();
        int created = post(file);
        long restNanos = System.nanoTime() - t0;
        assertEquals(LOTS, created);
        long t1 = System.nanoTime();
        int inserted = raw(file, "bench_raw_lot");
        long rawNanos = System.nanoTime() - t1;
        assertEquals(LOTS, inserted);

        report.line(String.format("| %,d lots, CSV (%,d KB), one POST /imports/opening-balances | import over REST %,.2f s "
                        + "(%,.0f lots/s) | raw batched inserts of the same rows into one table, same run and database "
                        + "%,.2f s | **%.2f×** |", LOTS, file.length / 1024, restNanos / 1e9, LOTS / (restNanos / 1e9),
                rawNanos / 1e9, (double) restNanos / rawNanos));
        report.write("bench.importOut", "import-rest-bench.md");
    }

    /** One lot per row, depots and items in turn; items with a shelf life carry an expiry date. */
    private byte[] file(int lots, String prefix) throws Exception {
        List<List<?>> rows = new ArrayList<>(lots);
        String expiry = LocalDate.now().plusYears(2).toString();
        for (int i = 0; i < lots; i++) {
            String item = ITEMS[i % ITEMS.length];
            rows.add(Arrays.asList(DEPOTS[(i / ITEMS.length) % DEPOTS.length], item, 1 + i % 50,
                    item.startsWith("FIELD") ? null : expiry, "BENCH-" + prefix + "-" + i, null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.write(SheetFormat.CSV, ImportKind.OPENING_BALANCES.path(), ImportKind.OPENING_BALANCES.headers(), rows,
                out);
        return out.toByteArray();
    }

    /** The file as the operator sends it: one POST, the ministry admin; answers the lots created. */
    private static int post(byte[] csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + Integer.getInteger("tongpao.http.port") + "/api/v1/imports/opening-balances"))
                .timeout(Duration.ofMinutes(9))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        return new ObjectMapper().readTree(r.body()).path("created").asInt();
    }

    /** The raw floor: the file read with the kit, codes looked up once, batched inserts into one table, one commit. */
    private int raw(byte[] csv, String table) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, depot_id BIGINT, item_id BIGINT, "
                        + "quantity BIGINT, expiry_date DATE, source_document VARCHAR(64))");
            }
            c.setAutoCommit(false);
            int n = 0;
            try (SheetReader reader = sheets.read(SheetFormat.CSV, new ByteArrayInputStream(csv));
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?)")) {
                java.util.Map<String, Long> ids = new java.util.HashMap<>();
                for (SheetRow row : reader) {
                    insert.setInt(1, n++);
                    insert.setLong(2, ids.computeIfAbsent("d" + row.get("depotCode"), k -> depot(k.substring(1))));
                    insert.setLong(3, ids.computeIfAbsent("i" + row.get("itemCode"), k -> catalogue.getByCode(
                            org.tongpao.core.Caller.system("bench"), k.substring(1)).id()));
                    insert.setLong(4, Long.parseLong(row.get("quantity")));
                    String expiry = row.get("expiryDate");
                    if (expiry == null || expiry.isEmpty()) {
                        insert.setNull(5, java.sql.Types.DATE);
                    } else {
                        insert.setDate(5, java.sql.Date.valueOf(expiry));
                    }
                    insert.setString(6, row.get("sourceDocument"));
                    insert.addBatch();
                    if (n % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            return n;
        }
    }
}
