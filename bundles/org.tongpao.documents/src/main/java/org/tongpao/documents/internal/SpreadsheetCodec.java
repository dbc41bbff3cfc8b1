package org.tongpao.documents.internal;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.SheetRow;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.documents.spreadsheet.WorkbookSheet;

/** {@link Spreadsheets} with Apache Commons CSV and FastExcel (writer and reader); stateless and thread-safe. */
public final class SpreadsheetCodec implements Spreadsheets {

    /** XLSX rows are handed to the stream in batches of this many (FastExcel keeps unflushed rows in memory). */
    private static final int FLUSH_EVERY = 1_000;
    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat CSV_WRITE = CSVFormat.RFC4180;
    // blank lines kept so that a record's number is the row number a spreadsheet program shows
    private static final CSVFormat CSV_READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    @Override
    public void write(SheetFormat format, String sheetName, List<String> headers, Iterable<? extends List<?>> rows,
            OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        switch (format) {
            case CSV:
                writeCsv(headers, rows, out);
                break;
            case XLSX:
                writeXlsx(sheetName, headers, rows, out);
                break;
            default:
                throw new IllegalArgumentException(format.name());
        }
    }

    @Override
    public SheetReader read(SheetFormat format, InputStream in) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(in, "in");
        switch (format) {
            case CSV:
                return readCsv(in);
            case XLSX:
                return readXlsx(in);
            default:
                throw new IllegalArgumentException(format.name());
        }
    }

    // ---- CSV

    private static void writeCsv(List<String> headers, Iterable<? extends List<?>> rows, OutputStream out)
            throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CSVPrinter printer = new CSVPrinter(writer, CSV_WRITE);
        printer.printRecord(headers.stream().map(SpreadsheetCodec::csvCell).toArray());
        List<String> cells = new ArrayList<>();
        for (List<?> row : rows) {
            cells.clear();
            for (Object value : row) {
                cells.add(csvCell(value));
            }
            printer.printRecord(cells);
        }
        printer.flush(); // not closed: the caller owns the stream
    }

    /** The text of a cell in CSV; text a spreadsheet program would take for a formula gets an apostrophe first. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            String text = (String) value;
            return startsLikeFormula(text) ? "'" + text : text;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant) {
            return ((Instant) value).truncatedTo(ChronoUnit.MILLIS).toString();
        }
        // Integer, Long, BigInteger, LocalDate (ISO), LocalDateTime (ISO), Boolean (true/false), anything else
        String text = value.toString();
        return value instanceof Number || value instanceof Boolean || value instanceof LocalDate
                || value instanceof LocalDateTime || !startsLikeFormula(text) ? text : "'" + text;
    }

    private static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Undoes {@link #csvCell}'s apostrophe: the CSV reader gives back what was exported. */
    private static String unneutralised(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && startsLikeFormula(text.substring(1))
                ? text.substring(1) : text;
    }

    private static SheetReader readCsv(InputStream in) throws IOException {
        BOMInputStream unmarked = BOMInputStream.builder().setInputStream(in).get(); // Excel writes a UTF-8 BOM
        CSVParser parser;
        try {
            parser = CSV_READ.parse(new InputStreamReader(unmarked, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            in.close();
            throw e;
        }
        Iterator<CSVRecord> records = parser.iterator();
        List<String> headers = new ArrayList<>();
        try {
            if (records.hasNext()) {
                for (String header : records.next()) {
                    headers.add(header.trim());
                }
            }
        } catch (UncheckedIOException e) {
            parser.close();
            throw e.getCause();
        }
        Iterator<SheetRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public SheetRow next() {
                CSVRecord record = records.next();
                List<String> values = new ArrayList<>(record.size());
                for (String value : record) {
                    values.add(unneutralised(value).trim());
                }
                return new SheetRow((int) record.getRecordNumber(), byHeader(headers, values));
            }
        };
        return new Reader(headers, skipBlank(rows), parser);
    }

    // ---- XLSX

    private static void writeXlsx(String sheetName, List<String> headers, Iterable<? extends List<?>> rows,
            OutputStream out) throws IOException {
        Workbook workbook = new Workbook(new KeepOpen(out), "Tongpao", "1.0");
        fill(workbook.newWorksheet(sheetName(sheetName)), headers, rows);
        workbook.finish();
        out.flush();
    }

    @Override
    public void writeWorkbook(List<WorkbookSheet> sheets, OutputStream out) throws IOException {
        Objects.requireNonNull(sheets, "sheets");
        Objects.requireNonNull(out, "out");
        Workbook workbook = new Workbook(new KeepOpen(out), "Tongpao", "1.0");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (WorkbookSheet sheet : sheets) {
            fill(workbook.newWorksheet(uniqueSheetName(sheet.name(), used)), sheet.headers(), sheet.rows());
        }
        workbook.finish();
        out.flush();
    }

    /** {@link #sheetName}, then " (2)", " (3)"… until no sheet of the workbook has it (Excel ignores case). */
    static String uniqueSheetName(String wanted, java.util.Set<String> used) {
        String base = sheetName(wanted);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = sheetName(base.substring(0, base.offsetByCodePoints(0,
                    Math.min(base.codePointCount(0, base.length()), 31 - suffix.length()))) + suffix);
        }
        return name;
    }

    /** Header row (bold, frozen), then the rows, flushed to the stream every {@link #FLUSH_EVERY}. */
    private static void fill(Worksheet sheet, List<String> headers, Iterable<? extends List<?>> rows) throws IOException {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int r = 1;
        for (List<?> row : rows) {
            int c = 0;
            for (Object value : row) {
                xlsxCell(sheet, r, c++, value);
            }
            if (++r % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.finish();
    }

    private static void xlsxCell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String) {
            sheet.value(r, c, (String) value);
        } else if (value instanceof BigInteger) {
            sheet.value(r, c, new BigDecimal((BigInteger) value));
        } else if (value instanceof Number) {
            sheet.value(r, c, (Number) value);
        } else if (value instanceof Boolean) {
            sheet.value(r, c, (Boolean) value);
        } else if (value instanceof LocalDate) {
            sheet.value(r, c, (LocalDate) value);
            sheet.style(r, c).format(DATE_FORMAT).set();
        } else if (value instanceof LocalDateTime) {
            sheet.value(r, c, (LocalDateTime) value);
            sheet.style(r, c).format(DATE_TIME_FORMAT).set();
        } else if (value instanceof Instant) {
            sheet.value(r, c, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            sheet.style(r, c).format(DATE_TIME_FORMAT).set();
        } else {
            sheet.value(r, c, value.toString());
        }
    }

    /** Excel's rules for a sheet name: 1 to 31 characters, none of {@code []:*?/\}, no apostrophe at either end. */
    static String sheetName(String wanted) {
        String name = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\]", "_").trim();
        name = name.replaceAll("^'+|'+$", "");
        if (name.codePointCount(0, name.length()) > 31) {
            name = name.substring(0, name.offsetByCodePoints(0, 31));
        }
        return name.isEmpty() ? "Sheet1" : name;
    }

    private static SheetReader readXlsx(InputStream in) throws IOException {
        ReadableWorkbook workbook;
        try {
            // with cell formats, so that date cells (numbers in a date format) read as dates
            workbook = new ReadableWorkbook(in, new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e instanceof IOException ? (IOException) e : new IOException("not an XLSX workbook: " + e, e);
        }
        Stream<Row> stream;
        try {
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            workbook.close();
            in.close();
            throw e instanceof IOException ? (IOException) e : new IOException("not an XLSX workbook: " + e, e);
        }
        Iterator<Row> source = stream.iterator();
        List<String> headers = new ArrayList<>();
        try {
            // the first row present is the header row, even when a sheet starts lower down
            if (source.hasNext()) {
                Row first = source.next();
                for (int c = 0; c < first.getCellCount(); c++) {
                    String text = XlsxCells.text(first.getCell(c));
                    headers.add(text == null ? "" : text);
                }
            }
        } catch (RuntimeException e) {
            stream.close();
            workbook.close();
            in.close();
            throw new IOException("cannot read the XLSX header row: " + e, e);
        }
        Iterator<SheetRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return source.hasNext();
                } catch (UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new UncheckedIOException(new IOException("cannot read the XLSX sheet: " + e, e));
                }
            }

            @Override
            public SheetRow next() {
                Row row;
                try {
                    row = source.next();
                } catch (NoSuchElementException | UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new UncheckedIOException(new IOException("cannot read the XLSX sheet: " + e, e));
                }
                List<String> values = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    values.add(XlsxCells.text(row.getCell(c)));
                }
                return new SheetRow(row.getRowNum(), byHeader(headers, values));
            }
        };
        return new Reader(headers, skipBlank(rows), () -> {
            try {
                stream.close();
            } finally {
                try {
                    workbook.close();
                } finally {
                    in.close();
                }
            }
        });
    }

    // ---- common

    private static Map<String, String> byHeader(List<String> headers, List<String> values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int c = 0; c < headers.size() && c < values.size(); c++) {
            String header = headers.get(c);
            String value = values.get(c);
            if (!header.isEmpty() && value != null && !value.isEmpty() && !cells.containsKey(header)) {
                cells.put(header, value);
            }
        }
        return cells;
    }

    private static Iterator<SheetRow> skipBlank(Iterator<SheetRow> rows) {
        return new Iterator<>() {
            private SheetRow next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    SheetRow row = rows.next();
                    if (!row.cells().isEmpty()) {
                        next = row;
                    }
                }
                return next != null;
            }

            @Override
            public SheetRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SheetRow row = next;
                next = null;
                return row;
            }
        };
    }

    private static final class Reader implements SheetReader {
        private final List<String> headers;
        private final Iterator<SheetRow> rows;
        private final java.io.Closeable resources;
        private boolean iterated;

        Reader(List<String> headers, Iterator<SheetRow> rows, java.io.Closeable resources) {
            this.headers = List.copyOf(headers);
            this.rows = rows;
            this.resources = resources;
        }

        @Override
        public List<String> headers() {
            return headers;
        }

        @Override
        public synchronized Iterator<SheetRow> iterator() {
            if (iterated) {
                throw new IllegalStateException("the rows of a sheet can be iterated once");
            }
            iterated = true;
            return rows;
        }

        @Override
        public void close() throws IOException {
            resources.close();
        }
    }

    /** FastExcel closes the stream it writes to when it finishes; the caller owns ours. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
