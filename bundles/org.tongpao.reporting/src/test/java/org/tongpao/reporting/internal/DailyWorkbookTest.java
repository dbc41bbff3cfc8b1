package org.tongpao.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.reporting.internal.ReportingFixture.ADMIN;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.reporting.Capability;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.Tabular;

/**
 * The daily report as one XLSX workbook: a sheet per section, named in Chinese and English, read back with FastExcel
 * (the library that wrote it): every cell of every sheet equals the report's own figures (what its JSON carries).
 */
class DailyWorkbookTest {

    /**
     * Stock and transit from the real ledger; the batches and donations sections (their sources' clocks are the wall
     * clock's, not this fixture's) as those capabilities would give them, installed.
     */
    @Test
    void everySectionIsASheetWithTheReportsFigures() throws Exception {
        try (ReportingFixture f = new ReportingFixture()) {
            everySectionIsASheetWithTheReportsFigures(f);
        }
    }

    private static void everySectionIsASheetWithTheReportsFigures(ReportingFixture f) throws Exception {
        f.receive("CENTRAL-RESERVE", "MASK-KN95", 10_000);
        f.receive("HB-WH-01", "MASK-KN95", 1_000);
        f.issue("HB-WH-01", "MASK-KN95", 120, DailyReportTest.STATION);
        f.send("CENTRAL-RESERVE", "HB-WH-01", "MASK-KN95", 2_000);
        f.advance(Duration.ofHours(1));
        DailyReport day = f.reports.daily(ADMIN, f.clock.now);
        assertThat(day.stock()).isNotEmpty();
        assertThat(day.inTransit()).isNotEmpty();
        DailyReport r = new DailyReport(day.scope(), day.asOf(), day.from(), day.stock(), day.inTransit(),
                new Capability("allocation", true), List.of(new DailyReport.DailyBatchRow("B-2026-0001",
                        "第4批 湖北 Batch 4 to Hubei", "42", 4, day.from().plusSeconds(3_600), null, 300)),
                new Capability("donation", true), List.of());

        byte[] file = DailyWorkbook.write(Spreadsheets.standalone(), r);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("库存与收发 Stock and movements",
                    "在途物资 Goods in transit", "当日批次 Batches of the day", "当日捐赠 Donations of the day");
            for (int i = 0; i < sheets.size(); i++) {
                assertSheetEquals(sheets.get(i), r.tables().get(i));
            }
            // and by name, a figure the JSON report carries
            Row hubei = sheets.get(0).read().stream().filter(row -> "42".equals(row.getCell(0).getText()))
                    .findFirst().orElseThrow();
            assertThat(hubei.getCell(4).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(
                    DailyReportTest.stock(r, "42", f.core.catalogue.getByCode(ADMIN, "MASK-KN95").categoryCode())
                            .onHand()));
        }
    }

    @Test
    void sectionsWhoseCapabilityIsNotInstalledHaveNoSheet() throws Exception {
        DailyReport r;
        try (ReportingFixture f = new ReportingFixture()) {
            f.receive("HB-WH-01", "MASK-KN95", 1_000);
            r = f.reports.daily(ADMIN, null);
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                DailyWorkbook.write(Spreadsheets.standalone(), r)))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("库存与收发 Stock and movements",
                    "在途物资 Goods in transit");
            assertSheetEquals(sheets.get(0), r.tables().get(0));
        }
    }

    /** The header row is the table's columns; each row's cells are the table's values (numbers, text, UTC times). */
    static void assertSheetEquals(Sheet sheet, Tabular.Table table) throws Exception {
        List<Row> rows = sheet.read();
        assertThat(rows).as(sheet.getName()).hasSize(table.rows().size() + 1);
        for (int c = 0; c < table.columns().size(); c++) {
            assertThat(rows.get(0).getCell(c).getText()).isEqualTo(table.columns().get(c));
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> expected = table.rows().get(r);
            Row row = rows.get(r + 1);
            for (int c = 0; c < expected.size(); c++) {
                Object want = expected.get(c);
                Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
                String where = sheet.getName() + " row " + (r + 2) + " " + table.columns().get(c);
                if (want == null) {
                    assertThat(cell == null || cell.getRawValue() == null).as(where).isTrue();
                } else if (want instanceof Number n) {
                    assertThat(cell.asNumber()).as(where).isEqualByComparingTo(new BigDecimal(n.toString()));
                } else if (want instanceof Instant t) {
                    assertThat(cell.asDate().plusNanos(500_000_000L).truncatedTo(ChronoUnit.SECONDS)).as(where)
                            .isEqualTo(LocalDateTime.ofInstant(t, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
                } else {
                    assertThat(cell.getText()).as(where).isEqualTo(want.toString());
                }
            }
        }
    }
}
