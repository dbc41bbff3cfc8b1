package org.tongpao.documents.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpreadsheetsTest {
    private final Spreadsheets sheets = Spreadsheets.standalone();

    private static final List<String> HEADERS = List.of("编码 code", "名称 name", "数量 quantity", "有效期 expiry",
            "时间 at", "active", "note");

    private static final List<List<?>> ROWS = List.of(
            Arrays.asList("N95", "医用防护口罩 N95", 1200, LocalDate.of(2020, 2, 3),
                    Instant.parse("2020-02-03T08:15:30Z"), true, "湖北 武汉"),
            Arrays.asList("GOWN-1", "防护服, \"一次性\"\n第二行", new BigDecimal("0.5"), null, null, false, null),
            Arrays.asList("BIG", "", 9_007_199_254_740_993L, LocalDate.of(1999, 12, 31),
                    Instant.parse("2021-06-30T23:59:59Z"), null, "  padded  "));

    private byte[] written(SheetFormat format, List<String> headers, Iterable<? extends List<?>> rows)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.write(format, "库存 stock", headers, rows, out);
        return out.toByteArray();
    }

    private List<SheetRow> read(SheetFormat format, byte[] file) throws IOException {
        try (SheetReader reader = sheets.read(format, new ByteArrayInputStream(file))) {
            List<SheetRow> rows = new ArrayList<>();
            reader.forEach(rows::add);
            return rows;
        }
    }

    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void roundTripKeepsChineseTextNumbersDatesAndEmptyCells(SheetFormat format) throws IOException {
        byte[] file = written(format, HEADERS, ROWS);
        try (SheetReader reader = sheets.read(format, new ByteArrayInputStream(file))) {
            assertThat(reader.headers()).isEqualTo(HEADERS);
            List<SheetRow> rows = new ArrayList<>();
            reader.forEach(rows::add);
            assertThat(rows).extracting(SheetRow::number).containsExactly(2, 3, 4);

            SheetRow first = rows.get(0);
            assertThat(first.get("编码 code")).isEqualTo("N95");
            assertThat(first.get("名称 name")).isEqualTo("医用防护口罩 N95");
            assertThat(first.get("数量 quantity")).isEqualTo("1200");
            assertThat(first.get("有效期 expiry")).isEqualTo("2020-02-03");
            assertThat(first.get("时间 at")).startsWith("2020-02-03T08:15:30");
            assertThat(first.get("active")).isEqualTo("true");
            assertThat(first.get("note")).isEqualTo("湖北 武汉");

            SheetRow second = rows.get(1);
            assertThat(second.get("名称 name")).isEqualTo("防护服, \"一次性\"\n第二行");
            assertThat(second.get("数量 quantity")).isEqualTo("0.5");
            assertThat(second.get("有效期 expiry")).isNull();
            assertThat(second.get("时间 at")).isNull();
            assertThat(second.get("active")).isEqualTo("false");
            assertThat(second.cells()).doesNotContainKey("note");

            SheetRow third = rows.get(2);
            assertThat(third.get("名称 name")).as("an empty string is an empty cell").isNull();
            assertThat(third.get("数量 quantity")).as("no rounding through a double").isEqualTo("9007199254740993");
            assertThat(third.get("有效期 expiry")).isEqualTo("1999-12-31");
            assertThat(third.get("note")).as("trimmed").isEqualTo("padded");
            assertThat(third.get("no such column")).isNull();
        }
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndIsoDates() throws IOException {
        byte[] file = written(SheetFormat.CSV, HEADERS, ROWS);
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("编码 code,名称 name,数量 quantity,有效期 expiry,时间 at,active,note\r\n");
        assertThat(text).contains("N95,医用防护口罩 N95,1200,2020-02-03,2020-02-03T08:15:30Z,true,湖北 武汉\r\n");
    }

    @Test
    void csvNeutralisesCellsThatASpreadsheetWouldRunAsFormulasAndReadsThemBackUnchanged() throws IOException {
        List<String> dangerous = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1");
        List<List<?>> rows = new ArrayList<>();
        for (String cell : dangerous) {
            rows.add(List.of(cell, -5, "a-b=c"));
        }
        byte[] file = written(SheetFormat.CSV, List.of("text", "number", "inner"), rows);
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")", "'+1+1", "'-2+3", "'@SUM(A1)",
                "'\t=1", "\"'\r=1\"");
        assertThat(text).as("numbers and text with a sign inside are left alone").contains(",-5,a-b=c");
        for (String line : text.substring(1).split("\r\n")) {
            assertThat(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }

        List<SheetRow> back = read(SheetFormat.CSV, file);
        assertThat(back).extracting(row -> row.get("text"))
                .as("the apostrophe comes off again; tab and CR are trimmed as any surrounding blank")
                .containsExactly("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "=1", "=1");
        assertThat(back).extracting(row -> row.get("number")).containsOnly("-5");
    }

    @Test
    void xlsxWritesFormulaLikeTextAsTextCellsNeverAsFormulas() throws IOException {
        byte[] file = written(SheetFormat.XLSX, List.of("text"), List.of(List.of("=1+1"), List.of("@SUM(A1)")));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("库存 stock");
            assertThat(rows.get(1).getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(rows.get(1).getCell(0).getText()).isEqualTo("=1+1");
            assertThat(rows.get(2).getCell(0).getType()).isEqualTo(CellType.STRING);
        }
        assertThat(read(SheetFormat.XLSX, file)).extracting(row -> row.get("text")).containsExactly("=1+1", "@SUM(A1)");
    }

    @Test
    void xlsxMadeByASpreadsheetProgramReadsItsDatesNumbersAndFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Excel", "16.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        sheet.value(0, 0, "date");
        sheet.value(0, 1, "chinese date");
        sheet.value(0, 2, "amount");
        sheet.value(0, 3, "sum");
        sheet.value(1, 0, LocalDate.of(2020, 1, 23));
        sheet.style(1, 0).format("yyyy/m/d").set();
        sheet.value(1, 1, LocalDateTime.of(2020, 2, 3, 0, 0));
        sheet.style(1, 1).format("yyyy年m月d日").set(); // FastExcel does not escape quotes in formats
        sheet.value(1, 2, 1.0);

        // row 3 left blank, row 4 has data: blank rows are skipped, numbering is the sheet's
        sheet.value(3, 2, 2.25);
        sheet.value(3, 0, 45000); // a plain number, no date format: stays a number
        sheet.finish();
        workbook.finish();

        List<SheetRow> rows = read(SheetFormat.XLSX, out.toByteArray());
        assertThat(rows).extracting(SheetRow::number).containsExactly(2, 4);
        assertThat(rows.get(0).get("date")).isEqualTo("2020-01-23");
        assertThat(rows.get(0).get("chinese date")).isEqualTo("2020-02-03");
        assertThat(rows.get(0).get("amount")).isEqualTo("1");
        assertThat(rows.get(1).get("amount")).isEqualTo("2.25");
        assertThat(rows.get(1).get("date")).isEqualTo("45000");
    }

    @Test
    void csvRowNumbersAreTheRowsASpreadsheetShowsAndBlankRowsAreSkipped() throws IOException {
        String csv = "\uFEFFcode,name\r\nA,\"two\r\nlines\"\r\n\r\n,\r\nB,b\r\n";
        List<SheetRow> rows = read(SheetFormat.CSV, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(SheetRow::number).containsExactly(2, 5);
        assertThat(rows.get(0).get("name")).isEqualTo("two\r\nlines");
        assertThat(rows.get(1).get("code")).isEqualTo("B");
    }

    @Test
    void headersKeepDuplicatesAndBlanksSoACallerCanRefuseThem() throws IOException {
        String csv = " code , ,code\nA,x,B\n";
        try (SheetReader reader = sheets.read(SheetFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reader.headers()).containsExactly("code", "", "code");
            Iterator<SheetRow> rows = reader.iterator();
            assertThat(rows.next().cells()).containsExactly(java.util.Map.entry("code", "A"));
            assertThat(rows.hasNext()).isFalse();
            assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void emptyFilesHaveNoHeadersAndNoRows() throws IOException {
        for (SheetFormat format : SheetFormat.values()) {
            byte[] file = format == SheetFormat.CSV ? new byte[0] : written(format, List.of(), List.of());
            try (SheetReader reader = sheets.read(format, new ByteArrayInputStream(file))) {
                assertThat(reader.headers()).isEmpty();
                assertThat(reader.iterator().hasNext()).isFalse();
            }
        }
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedWhenOpened() {
        assertThatThrownBy(() -> sheets.read(SheetFormat.XLSX,
                new ByteArrayInputStream("code,name\nA,b\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aCsvWithAnUnclosedQuoteFailsWhileReading() throws IOException {
        String csv = "code,name\nA,\"never closed\nB,b\n";
        try (SheetReader reader = sheets.read(SheetFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> reader.forEach(row -> { }))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void theCallersStreamIsFlushedButNotClosed() throws IOException {
        for (SheetFormat format : SheetFormat.values()) {
            boolean[] closed = {false};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OutputStream out = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            sheets.write(format, "s", List.of("a"), List.of(List.of("x")), out);
            assertThat(closed[0]).as(format.name()).isFalse();
            assertThat(read(format, bytes.toByteArray())).extracting(row -> row.get("a")).containsExactly("x");
        }
    }

    /** Rows are produced lazily and written as they come: 100,000 rows never exist together. */
    @ParameterizedTest
    @EnumSource(SheetFormat.class)
    void hundredThousandRowsStreamBothWays(SheetFormat format) throws IOException {
        int count = 100_000;
        Iterable<List<?>> lazy = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public List<?> next() {
                i++;
                return List.of("LOT-" + i, "口罩 " + i, i, LocalDate.of(2020, 1, 1).plusDays(i % 365));
            }
        };
        byte[] file = written(format, List.of("lot", "item", "quantity", "expiry"), lazy);
        int seen = 0;
        try (SheetReader reader = sheets.read(format, new ByteArrayInputStream(file))) {
            for (SheetRow row : reader) {
                seen++;
                if (seen == count) {
                    assertThat(row.number()).isEqualTo(count + 1);
                    assertThat(row.get("lot")).isEqualTo("LOT-" + count);
                    assertThat(row.get("quantity")).isEqualTo(String.valueOf(count));
                    assertThat(row.get("expiry")).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(count % 365).toString());
                }
            }
        }
        assertThat(seen).isEqualTo(count);
    }

    /** An XLSX whose sheet declares an external entity (XXE): refused, the entity never fetched. */
    @Test
    void xlsxExternalEntitiesAreNeverResolved(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path secret = dir.resolve("secret.txt");
        java.nio.file.Files.writeString(secret, "TOP-SECRET");
        byte[] plain = written(SheetFormat.XLSX, List.of("a"), List.of(List.of(5)));
        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        java.nio.file.Path original = dir.resolve("plain.xlsx");
        java.nio.file.Files.write(original, plain);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(original.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(evil)) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] body = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(body, StandardCharsets.UTF_8);
                    xml = xml.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                            + secret.toUri() + "\">]>");
                    xml = xml.replace("<v>5</v>", "<v>&xxe;5</v>");
                    assertThat(xml).contains("&xxe;5");
                    body = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(body);
                out.closeEntry();
            }
        }
        // aalto-xml does not expand entities at all: the sheet is refused, nothing is read from the file
        assertThatThrownBy(() -> read(SheetFormat.XLSX, evil.toByteArray()))
                .isInstanceOfAny(IOException.class, UncheckedIOException.class)
                .hasMessageContaining("entity").hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void formatsByMediaTypeAndExtension() {
        assertThat(SheetFormat.fromMediaType("text/csv; charset=UTF-8")).contains(SheetFormat.CSV);
        assertThat(SheetFormat.fromMediaType("application/csv")).contains(SheetFormat.CSV);
        assertThat(SheetFormat.fromMediaType(SheetFormat.XLSX.mediaType().toUpperCase())).contains(SheetFormat.XLSX);
        assertThat(SheetFormat.fromMediaType("application/json")).isEmpty();
        assertThat(SheetFormat.fromMediaType(null)).isEmpty();
        assertThat(SheetFormat.fromExtension("XLSX")).contains(SheetFormat.XLSX);
        assertThat(SheetFormat.fromExtension(".csv")).contains(SheetFormat.CSV);
        assertThat(SheetFormat.fromExtension("xls")).isEmpty();
        assertThat(SheetFormat.CSV.extension()).isEqualTo("csv");
    }

    @Test
    void sheetNamesAreCutToWhatExcelAllows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.write(SheetFormat.XLSX, "'[全国]: 库存/stock?*' and a very long tail indeed", List.of("a"), List.of(), out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            String name = workbook.getFirstSheet().getName();
            assertThat(name).hasSizeLessThanOrEqualTo(31).startsWith("_全国__ 库存_stock__").doesNotContain("[", "]", ":", "/", "?", "*");
        }
    }

    /** 1.1: several sheets in one workbook, in order, each with its own header row and cells; names made unique. */
    @Test
    void aWorkbookHoldsEverySheetInOrderWithItsOwnRowsAndUniqueNames() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.writeWorkbook(List.of(new WorkbookSheet("库存 Stock", HEADERS, ROWS),
                new WorkbookSheet("在途 In transit", List.of("to", "quantity"), List.of(List.of("湖北", 7L))),
                new WorkbookSheet("库存 stock", List.of("empty"), List.of()),
                new WorkbookSheet("一个非常长的名字 and a very long English tail", List.of("x"), List.of()),
                new WorkbookSheet("一个非常长的名字 and a very long English tail", List.of("x"), List.of())), out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<org.dhatim.fastexcel.reader.Sheet> all = workbook.getSheets().toList();
            assertThat(all).extracting(org.dhatim.fastexcel.reader.Sheet::getName).hasSize(5)
                    .startsWith("库存 Stock", "在途 In transit", "库存 stock (2)")
                    .allMatch(n -> n.length() <= 31).doesNotHaveDuplicates();
            assertThat(all.get(4).getName()).endsWith(" (2)");
            List<Row> transit = all.get(1).read();
            assertThat(transit).hasSize(2);
            assertThat(transit.get(0).getCell(0).getText()).isEqualTo("to");
            assertThat(transit.get(1).getCell(0).getText()).isEqualTo("湖北");
            assertThat(transit.get(1).getCell(1).asNumber()).isEqualByComparingTo("7");
            assertThat(all.get(0).read()).hasSize(ROWS.size() + 1);
            assertThat(all.get(2).read()).hasSize(1);
        }
        // the first sheet reads as a one-sheet file does
        assertThat(read(SheetFormat.XLSX, out.toByteArray())).hasSize(ROWS.size());
    }
}
