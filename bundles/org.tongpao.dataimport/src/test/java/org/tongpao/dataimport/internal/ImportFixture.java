package org.tongpao.dataimport.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.testing.TestCore;
import org.tongpao.core.testing.TestDatabase;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.dataimport.ImportResult;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.inventory.internal.InventoryComponent;
import org.tongpao.inventory.testing.TestInventory;

/** A fresh Derby with core (demo data) and the real inventory, wired by hand as DS would, and the import service. */
final class ImportFixture implements AutoCloseable {
    static final Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    static final Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    static final Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
    static final Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");

    private final TestDatabase database = new TestDatabase();
    final DataSource ds;
    final TestCore core;
    final InventoryComponent inventory;
    final Spreadsheets sheets = Spreadsheets.standalone();
    final ImportService imports;

    ImportFixture() {
        this(null);
    }

    /**
     * With {@code outbox} (a function of the data source) in place of the test outbox for the inventory: the
     * platform's own outbox posting on its own thread, for benchmarks.
     */
    ImportFixture(java.util.function.Function<DataSource, EventOutbox> outbox) {
        ds = database.dataSource();
        core = new TestCore(ds, TestCore.node("central", true));
        SchemaReady inventorySchema = TestInventory.migrate(ds);
        inventory = TestInventory.on(core, inventorySchema, outbox == null ? core.outbox : outbox.apply(ds));
        imports = new ImportService(inventorySchema, core.catalogue, core.units, core.depots, inventory, core.keys,
                sheets);
    }

    /** A CSV file as the kit writes it. */
    byte[] csv(List<String> headers, List<List<?>> rows) {
        return file(SheetFormat.CSV, headers, rows);
    }

    byte[] file(SheetFormat format, List<String> headers, List<List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sheets.write(format, "import", headers, rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] text(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    ImportResult run(Caller caller, ImportKind kind, SheetFormat format, byte[] file, boolean dryRun, String key)
            throws IOException {
        return imports.importFile(caller, kind, format, new ByteArrayInputStream(file), dryRun, key);
    }

    ImportResult csvImport(Caller caller, ImportKind kind, byte[] file) throws IOException {
        return run(caller, kind, SheetFormat.CSV, file, false, null);
    }

    long depot(String code) {
        return core.depotId(code);
    }

    long item(String code) {
        return core.itemId(code);
    }

    /** Stock on hand of an item in a depot, across its lots. */
    long onHand(String depot, String item) {
        return inventory.lotBalances(ADMIN, depot(depot), item(item)).stream().mapToLong(b -> b.onHand()).sum();
    }

    @Override
    public void close() {
        database.close();
    }
}
