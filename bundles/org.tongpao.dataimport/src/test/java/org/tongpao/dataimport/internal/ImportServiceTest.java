package org.tongpao.dataimport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tongpao.dataimport.internal.ImportFixture.ADMIN;
import static org.tongpao.dataimport.internal.ImportFixture.AUDITOR;
import static org.tongpao.dataimport.internal.ImportFixture.HUBEI;
import static org.tongpao.dataimport.internal.ImportFixture.KEEPER;
import static org.tongpao.dataimport.internal.ImportFixture.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.ValidationException;
import org.tongpao.dataimport.DataImports;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.dataimport.ImportRefusedException;
import org.tongpao.dataimport.ImportResult;
import org.tongpao.dataimport.RowError;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.SheetRow;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;

class ImportServiceTest {
    private static final List<String> CATALOGUE = ImportKind.CATALOGUE.headers();
    private static final List<String> BALANCES = ImportKind.OPENING_BALANCES.headers();
    private final ImportFixture f = new ImportFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private ImportRefusedException refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ImportRefusedException e = catchThrowableOfType(ImportRefusedException.class, call);
        assertThat(e).as("the file is refused").isNotNull();
        return e;
    }

    private int itemCount() {
        return f.core.catalogue.list(ADMIN, ItemFilter.all(), 500, null).items().size();
    }

    private int lotCount() {
        return f.inventory.lots(ADMIN, null, null, null, 500, null).items().size();
    }

    // ---- catalogue

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void catalogueCreatesNewCodesUpdatesChangedOnesAndLeavesTheRest(SheetFormat format) throws IOException {
        Item mask = f.core.catalogue.getByCode(ADMIN, "MASK-KN95");
        byte[] file = f.file(format, CATALOGUE, List.of(
                Arrays.asList("MASK-FFP2", "MASK", "FFP2 respirator", "FFP2口罩", "piece", "EN 149", 36),
                Arrays.asList("FIELD-STOVE", "FIELD", "Field stove", "野营炉", "piece", null, null),
                Arrays.asList("MASK-KN95", "MASK", "KN95 respirator (renamed)", mask.nameZh(), "piece",
                        mask.standard(), mask.shelfLifeMonths()),
                Arrays.asList("MASK-MEDPROT", "MASK", "Medical protective mask", "医用防护口罩", "piece",
                        "GB 19083-2010", 36)));

        ImportResult result = f.run(ADMIN, ImportKind.CATALOGUE, format, file, false, null);

        assertThat(result.rows()).isEqualTo(4);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.dryRun()).isFalse();
        Item ffp2 = f.core.catalogue.getByCode(ADMIN, "MASK-FFP2");
        assertThat(ffp2.nameZh()).isEqualTo("FFP2口罩");
        assertThat(ffp2.shelfLifeMonths()).isEqualTo(36);
        assertThat(f.core.catalogue.getByCode(ADMIN, "FIELD-STOVE").shelfLifeMonths()).isNull();
        Item renamed = f.core.catalogue.getByCode(ADMIN, "MASK-KN95");
        assertThat(renamed.name()).isEqualTo("KN95 respirator (renamed)");
        assertThat(renamed.version()).isEqualTo(mask.version() + 1);
    }

    @Test
    void aFileWithOneBadRowWritesNothingAndNamesEveryBadRowAndColumn() {
        int before = itemCount();
        byte[] file = f.csv(CATALOGUE, List.of(
                Arrays.asList("NEW-ONE", "MASK", "Good row", null, "piece", null, null),
                Arrays.asList("bad code", "MASK", "Lower-case code", null, "piece", null, null),
                Arrays.asList("NEW-TWO", "NOPE", "Unknown category", null, "piece", null, null),
                Arrays.asList("NEW-THREE", "MASK", "Unknown unit", null, "bucket", null, null),
                Arrays.asList("NEW-FOUR", "MASK", "Shelf life not a number", null, "piece", null, "ten"),
                Arrays.asList("NEW-FIVE", "MASK", null, null, "piece", null, null),
                Arrays.asList("NEW-SIX", "MASK", "Another good row", null, "piece", null, 12),
                Arrays.asList("NEW-ONE", "MASK", "The same code again", null, "piece", null, null)));

        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, file));

        assertThat(e.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "code"),
                org.assertj.core.groups.Tuple.tuple(4, "categoryCode"),
                org.assertj.core.groups.Tuple.tuple(5, "unit"),
                org.assertj.core.groups.Tuple.tuple(6, "shelfLifeMonths"),
                org.assertj.core.groups.Tuple.tuple(7, "name"),
                org.assertj.core.groups.Tuple.tuple(9, "code"));
        assertThat(e.errorCount()).isEqualTo(6);
        assertThat(e.errors().get(5).message()).isEqualTo("code NEW-ONE is already in row 2");
        assertThat(e.errors().get(0).value()).isEqualTo("bad code");
        assertThat(e.errors().get(3).value()).isEqualTo("ten");
        assertThat(e.errors().get(3).message()).contains("whole number");
        assertThat(e.errors().get(1).message()).contains("NOPE");
        assertThat(itemCount()).as("the good rows were rolled back with the bad ones").isEqualTo(before);
        assertThat(f.core.outbox.events("org/tongpao/core/item")).as("no event of a rolled-back row").isEmpty();
    }

    @Test
    void headerFaultsRefuseTheFileBeforeAnyRow() {
        byte[] file = text("code,categoryCode,name,unit,colour,name\nX-1,MASK,x,piece,red,x\n");
        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, file));
        assertThat(e.errors()).extracting(RowError::row).containsOnly(1);
        assertThat(e.errors()).extracting(RowError::column, RowError::message).contains(
                org.assertj.core.groups.Tuple.tuple("colour", "unknown column; the columns are " + CATALOGUE),
                org.assertj.core.groups.Tuple.tuple("name", "the column name appears twice"));

        byte[] missing = text("code,name\nX-1,x\n");
        ImportRefusedException m = refused(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, missing));
        assertThat(m.errors()).extracting(RowError::column).containsExactlyInAnyOrder("categoryCode", "unit");
        assertThat(m.errors()).allSatisfy(err -> assertThat(err.message()).contains("is missing"));
    }

    @Test
    void emptyAndUnreadableFilesAreRefused() {
        assertThatThrownBy(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, new byte[0]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, text(String.join(",", CATALOGUE) + "\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no data rows");
        assertThatThrownBy(() -> f.run(ADMIN, ImportKind.CATALOGUE, SheetFormat.XLSX, text("code\nA\n"), false, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be read as XLSX")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("file");
        byte[] broken = text(String.join(",", CATALOGUE) + "\nNEW-X,MASK,\"never closed,piece,,\n");
        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, broken));
        assertThat(e.errors().get(0).message()).contains("cannot be read");
    }

    @Test
    void errorsAreListedUpToTheCapAndCountedBeyondIt() {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < DataImports.MAX_ERRORS + 500; i++) {
            rows.add(Arrays.asList("X-" + i, "MASK", "x", null, "bucket", null, null));
        }
        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.CATALOGUE, f.csv(CATALOGUE, rows)));
        assertThat(e.errors()).hasSize(DataImports.MAX_ERRORS);
        assertThat(e.errorCount()).isEqualTo(DataImports.MAX_ERRORS + 500);
        assertThat(e.getMessage()).contains("1500 errors");
    }

    @Test
    void masterDataIsTheMinistryAdminsOnly() {
        byte[] file = f.csv(CATALOGUE, List.of(Arrays.asList("X-1", "MASK", "x", null, "piece", null, null)));
        for (ImportKind kind : List.of(ImportKind.CATALOGUE, ImportKind.ORG_UNITS, ImportKind.DEPOTS)) {
            assertThatThrownBy(() -> f.csvImport(HUBEI, kind, file)).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> f.csvImport(AUDITOR, ImportKind.OPENING_BALANCES, file))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- org units and depots

    @Test
    void orgUnitsAndDepotsByCodeParentsCreatedEarlierInTheSameFile() throws IOException {
        byte[] units = f.csv(ImportKind.ORG_UNITS.headers(), List.of(
                Arrays.asList("P42-XIAOGAN", "Xiaogan Public Security Bureau", "孝感市公安局", "PREFECTURE", "P42", null,
                        false),
                Arrays.asList("P42-XIAOGAN-XN", "Xiaonan Sub-bureau", "孝南分局", "county", "P42-XIAOGAN", "42", "是"),
                Arrays.asList("P42-WUHAN", "Wuhan Municipal Public Security Bureau (renamed)", null, "PREFECTURE", "P42",
                        null, null)));
        ImportResult result = f.csvImport(ADMIN, ImportKind.ORG_UNITS, units);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.updated()).isEqualTo(1);
        OrgUnit county = f.core.units.getByCode(ADMIN, "P42-XIAOGAN-XN");
        assertThat(county.level()).isEqualTo(OrgLevel.COUNTY);
        assertThat(county.frontLine()).isTrue();
        assertThat(county.provinceCode()).isEqualTo("42");
        assertThat(county.parentId()).isEqualTo(f.core.units.getByCode(ADMIN, "P42-XIAOGAN").id());

        byte[] depots = f.csv(ImportKind.DEPOTS.headers(), List.of(
                Arrays.asList("HB-XG-01", "Xiaogan depot", "P42-XIAOGAN", "孝感市孝南区"),
                Arrays.asList("HB-XG-02", "Nowhere depot", "P99-NOWHERE", null)));
        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.DEPOTS, depots));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.row()).isEqualTo(3);
            assertThat(err.column()).isEqualTo("orgUnitCode");
            assertThat(err.value()).isEqualTo("P99-NOWHERE");
        });
        assertThat(f.core.depots.list(ADMIN, new DepotFilter(null, null, null, "HB-XG"), 50, null).items()).isEmpty();

        ImportResult good = f.csvImport(ADMIN, ImportKind.DEPOTS, f.csv(ImportKind.DEPOTS.headers(),
                List.of(Arrays.asList("HB-XG-01", "Xiaogan depot", "P42-XIAOGAN", "孝感市孝南区"))));
        assertThat(good.created()).isEqualTo(1);
        assertThat(f.core.depots.getByCode(ADMIN, "HB-XG-01").provinceCode()).isEqualTo("42");
    }

    @Test
    void orgUnitRowsThatWouldMoveAUnitOrBreakTheTreeAreErrors() {
        byte[] units = f.csv(ImportKind.ORG_UNITS.headers(), List.of(
                Arrays.asList("P42-WUHAN", "Wuhan", null, "PREFECTURE", "P32", null, null),
                Arrays.asList("P42-NEW", "Under a station", null, "PREFECTURE", "P42-WUHAN-JIANGAN-T01", null, null),
                Arrays.asList("P42-LEVEL", "Bad level", null, "CITY", "P42", null, null),
                Arrays.asList("P42-FL", "Bad flag", null, "PREFECTURE", "P42", null, "maybe")));
        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.ORG_UNITS, units));
        assertThat(e.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "parentCode"),
                org.assertj.core.groups.Tuple.tuple(3, "level"),
                org.assertj.core.groups.Tuple.tuple(4, "level"),
                org.assertj.core.groups.Tuple.tuple(5, "frontLine"));
    }

    // ---- opening balances

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void openingBalancesReceiveOneLotPerRowWithOriginOpeningBalance(SheetFormat format) throws IOException {
        byte[] file = f.file(format, BALANCES, List.of(
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 12_000, java.time.LocalDate.of(2029, 6, 30), null, "盘点"),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 3_000, "2030-01-31", "LEDGER-2020-001", null),
                Arrays.asList("HB-PROV-01", "FIELD-TENT", 40, null, null, null)));

        ImportResult result = f.run(HUBEI, ImportKind.OPENING_BALANCES, format, file, false, null);

        assertThat(result.created()).isEqualTo(3);
        assertThat(f.onHand("HB-WH-01", "MASK-MEDPROT")).isEqualTo(15_000);
        assertThat(f.onHand("HB-PROV-01", "FIELD-TENT")).isEqualTo(40);
        List<Lot> lots = f.inventory.lots(ADMIN, f.depot("HB-WH-01"), f.item("MASK-MEDPROT"), null, 50, null).items();
        assertThat(lots).extracting(Lot::origin).containsOnly(LotOrigin.OPENING_BALANCE);
        assertThat(lots).extracting(Lot::sourceDocument)
                .containsExactlyInAnyOrder("IMPORT-" + result.reference(), "LEDGER-2020-001");
        assertThat(lots).extracting(Lot::expiryDate).contains(java.time.LocalDate.of(2029, 6, 30));
        assertThat(result.reference()).hasSize(16);
    }

    @Test
    void openingBalancesOfManyRowsAreOneBatchedReceiptOnePostingPerDepot() throws Exception {
        List<List<?>> rows = new ArrayList<>();
        String[] depots = {"HB-WH-01", "HB-PROV-01", "CENTRAL-RESERVE"};
        for (int i = 0; i < 2_500; i++) {
            rows.add(Arrays.asList(depots[i % 3], "FIELD-TENT", 1 + i % 7, null, null, null));
        }
        long postings = count("SELECT COUNT(*) FROM tp_inv_posting");

        ImportResult result = f.csvImport(ADMIN, ImportKind.OPENING_BALANCES, f.csv(BALANCES, rows));

        assertThat(result.created()).isEqualTo(2_500);
        assertThat(count("SELECT COUNT(*) FROM tp_inv_posting")).isEqualTo(postings + 3);
        assertThat(count("SELECT COUNT(*) FROM tp_inv_movement WHERE movement_type = 'RECEIPT'")).isEqualTo(2_500);
        long expected = rows.stream().filter(r -> r.get(0).equals("HB-PROV-01")).mapToLong(r -> (Integer) r.get(2)).sum();
        assertThat(f.onHand("HB-PROV-01", "FIELD-TENT")).isEqualTo(expected);
        assertThat(count("SELECT SUM(on_hand) FROM tp_inv_stock_summary WHERE item_id = " + f.item("FIELD-TENT")))
                .isEqualTo(count("SELECT SUM(on_hand) FROM tp_inv_balance WHERE item_id = " + f.item("FIELD-TENT")));
    }

    private long count(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = f.ds.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void openingBalanceRowsOutsideTheCallersScopeOrBreakingTheLedgersRulesAreErrorsAndNothingIsReceived() {
        int before = lotCount();
        byte[] file = f.csv(BALANCES, List.of(
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 100, "2029-06-30", null, null),
                Arrays.asList("JS-PROV-01", "MASK-MEDPROT", 100, "2029-06-30", null, null),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 100, null, null, null),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 0, "2029-06-30", null, null),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", "12.5", "2029-06-30", null, null),
                Arrays.asList("HB-WH-01", "NO-SUCH-ITEM", 1, null, null, null),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 100, "2019-01-01", null, null),
                Arrays.asList("HB-WH-01", "MASK-MEDPROT", 100, "30.6.2029", null, null)));

        ImportRefusedException e = refused(() -> f.csvImport(HUBEI, ImportKind.OPENING_BALANCES, file));

        assertThat(e.errors()).extracting(RowError::row, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "depotCode"),
                org.assertj.core.groups.Tuple.tuple(4, "expiryDate"),
                org.assertj.core.groups.Tuple.tuple(5, "quantity"),
                org.assertj.core.groups.Tuple.tuple(6, "quantity"),
                org.assertj.core.groups.Tuple.tuple(7, "itemCode"),
                org.assertj.core.groups.Tuple.tuple(8, "expiryDate"),
                org.assertj.core.groups.Tuple.tuple(9, "expiryDate"));
        assertThat(e.errors().get(0).message()).as("another province's depot reads as unknown")
                .isEqualTo("unknown depot JS-PROV-01");
        assertThat(lotCount()).isEqualTo(before);
        assertThat(f.onHand("HB-WH-01", "MASK-MEDPROT")).isZero();
    }

    @Test
    void aDepotKeeperImportsForTheirOwnDepotOnly() throws IOException {
        byte[] own = f.csv(BALANCES, List.of(Arrays.asList("HB-WH-01", "FIELD-TENT", 5, null, null, null)));
        assertThat(f.csvImport(KEEPER, ImportKind.OPENING_BALANCES, own).created()).isEqualTo(1);
        byte[] other = f.csv(BALANCES, List.of(Arrays.asList("HB-PROV-01", "FIELD-TENT", 5, null, null, null)));
        ImportRefusedException e = refused(() -> f.csvImport(KEEPER, ImportKind.OPENING_BALANCES, other));
        assertThat(e.errors()).singleElement().extracting(RowError::column).isEqualTo("depotCode");
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() throws IOException {
        byte[] file = f.csv(BALANCES, List.of(Arrays.asList("HB-WH-01", "FIELD-TENT", 5, null, null, null)));
        ImportResult dry = f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, file, true, "dry-1");
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.created()).isEqualTo(1);
        assertThat(f.onHand("HB-WH-01", "FIELD-TENT")).isZero();
        assertThat(f.core.outbox.events("org/tongpao/inventory")).isEmpty();

        byte[] bad = f.csv(BALANCES, List.of(Arrays.asList("HB-WH-01", "MASK-MEDPROT", 5, null, null, null)));
        ImportRefusedException e = refused(() -> f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, bad, true,
                null));
        assertThat(e.errors()).singleElement().extracting(RowError::column)
                .as("the ledger's own rule, found by a dry run").isEqualTo("expiryDate");
    }

    @Test
    void aResentFileWithTheSameKeyImportsOnce() throws IOException {
        byte[] file = f.csv(BALANCES, List.of(Arrays.asList("HB-WH-01", "FIELD-TENT", 5, null, null, null)));
        ImportResult first = f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, file, false, "load-42");
        ImportResult again = f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, file, false, "load-42");
        assertThat(again).isEqualTo(first);
        assertThat(f.onHand("HB-WH-01", "FIELD-TENT")).isEqualTo(5);

        byte[] other = f.csv(BALANCES, List.of(Arrays.asList("HB-WH-01", "FIELD-TENT", 6, null, null, null)));
        assertThatThrownBy(() -> f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, other, false, "load-42"))
                .isInstanceOf(ConflictException.class);
        assertThat(f.onHand("HB-WH-01", "FIELD-TENT")).isEqualTo(5);
    }

    @Test
    void aRefusedFileUnderAKeyStaysRefused() {
        byte[] bad = f.csv(BALANCES, List.of(Arrays.asList("HB-WH-01", "MASK-MEDPROT", 5, null, null, null)));
        refused(() -> f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, bad, false, "bad-1"));
        assertThatThrownBy(() -> f.run(ADMIN, ImportKind.OPENING_BALANCES, SheetFormat.CSV, bad, false, "bad-1"))
                .isInstanceOf(ValidationException.class);
        assertThat(f.onHand("HB-WH-01", "MASK-MEDPROT")).isZero();
    }

    // ---- counts

    @Test
    void countsBookTheDifferencesOneCountPerDepot() throws IOException {
        f.csvImport(ADMIN, ImportKind.OPENING_BALANCES, f.csv(BALANCES, List.of(
                Arrays.asList("HB-WH-01", "FIELD-TENT", 50, null, null, null),
                Arrays.asList("HB-PROV-01", "FIELD-TENT", 20, null, null, null))));
        byte[] counts = f.csv(ImportKind.COUNTS.headers(), List.of(
                Arrays.asList("HB-WH-01", "FIELD-TENT", null, 47),
                Arrays.asList("HB-PROV-01", "FIELD-TENT", null, 21)));

        ImportResult result = f.csvImport(HUBEI, ImportKind.COUNTS, counts);

        assertThat(result.created()).as("count lines").isEqualTo(2);
        assertThat(result.updated()).as("counts").isEqualTo(2);
        assertThat(f.onHand("HB-WH-01", "FIELD-TENT")).isEqualTo(47);
        assertThat(f.onHand("HB-PROV-01", "FIELD-TENT")).isEqualTo(21);
    }

    @Test
    void countRowsTwiceForOneItemOrRefusedByTheLedgerAreErrors() throws IOException {
        f.csvImport(ADMIN, ImportKind.OPENING_BALANCES, f.csv(BALANCES, List.of(
                Arrays.asList("HB-WH-01", "FIELD-TENT", 50, null, null, null))));
        byte[] counts = f.csv(ImportKind.COUNTS.headers(), List.of(
                Arrays.asList("HB-WH-01", "FIELD-TENT", null, 40),
                Arrays.asList("HB-WH-01", "FIELD-TENT", null, 41),
                Arrays.asList("HB-WH-01", "FIELD-RAINCOAT", null, 3),
                Arrays.asList("HB-WH-01", "FIELD-BOOTS", null, -1)));
        ImportRefusedException e = refused(() -> f.csvImport(ADMIN, ImportKind.COUNTS, counts));
        assertThat(e.errors()).extracting(RowError::row, RowError::column).contains(
                org.assertj.core.groups.Tuple.tuple(3, "itemCode"));
        assertThat(e.errors()).extracting(RowError::row).contains(4, 5);
        assertThat(f.onHand("HB-WH-01", "FIELD-TENT")).as("nothing counted").isEqualTo(50);
    }

    // ---- templates and exports

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void templatesHoldTheHeaderRowOnly(SheetFormat format) throws IOException {
        for (ImportKind kind : ImportKind.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.imports.template(kind, format, out);
            try (SheetReader reader = f.sheets.read(format, new ByteArrayInputStream(out.toByteArray()))) {
                assertThat(reader.headers()).isEqualTo(kind.headers());
                assertThat(reader.iterator().hasNext()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void anExportedCatalogueImportsBackUnchangedAndAnEditedOneUpdates(SheetFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.imports.export(ADMIN, ImportKind.CATALOGUE, format, out);
        int items = itemCount();

        ImportResult same = f.run(ADMIN, ImportKind.CATALOGUE, format, out.toByteArray(), false, null);
        assertThat(same.rows()).isEqualTo(items);
        assertThat(same.unchanged()).isEqualTo(items);

        // edited in a spreadsheet: one name changed, one row added
        List<List<?>> rows = new ArrayList<>();
        try (SheetReader reader = f.sheets.read(format, new ByteArrayInputStream(out.toByteArray()))) {
            for (SheetRow row : reader) {
                List<Object> cells = new ArrayList<>();
                for (String h : CATALOGUE) {
                    cells.add(row.get(h));
                }
                if ("FIELD-TENT".equals(row.get("code"))) {
                    cells.set(2, "Tent, winter");
                }
                rows.add(cells);
            }
        }
        rows.add(Arrays.asList("FIELD-HEATER", "FIELD", "Heater", "取暖器", "piece", null, null));
        ImportResult edited = f.run(ADMIN, ImportKind.CATALOGUE, format, f.file(format, CATALOGUE, rows), false, null);
        assertThat(edited.created()).isEqualTo(1);
        assertThat(edited.updated()).isEqualTo(1);
        assertThat(edited.unchanged()).isEqualTo(items - 1);
        assertThat(f.core.catalogue.getByCode(ADMIN, "FIELD-TENT").name()).isEqualTo("Tent, winter");
    }

    @Test
    void exportedOrgUnitsAndDepotsImportBackUnchanged() throws IOException {
        for (ImportKind kind : List.of(ImportKind.ORG_UNITS, ImportKind.DEPOTS)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.imports.export(ADMIN, kind, SheetFormat.CSV, out);
            ImportResult back = f.csvImport(ADMIN, kind, out.toByteArray());
            assertThat(back.rows()).as(kind.path()).isPositive();
            assertThat(back.unchanged()).as(kind.path()).isEqualTo(back.rows());
        }
        assertThatThrownBy(() -> f.imports.export(ADMIN, ImportKind.COUNTS, SheetFormat.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(ValidationException.class);
    }
}
