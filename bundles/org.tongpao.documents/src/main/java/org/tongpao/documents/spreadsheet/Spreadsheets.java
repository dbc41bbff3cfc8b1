package org.tongpao.documents.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.documents.internal.SpreadsheetCodec;

/**
 * Writes and reads spreadsheets, CSV and XLSX alike, streaming both ways.
 *
 * <p>Cells written may be {@link String}, {@link Number}, {@link java.time.LocalDate}, {@link java.time.Instant}
 * (as UTC), {@link java.time.LocalDateTime}, {@link Boolean} or {@code null} (an empty cell); anything else is
 * written as its {@code toString()}. In CSV, dates are ISO-8601 and numbers plain decimals; in XLSX they are real
 * date and number cells. <b>Formula injection</b>: a CSV text cell starting with {@code = + - @}, a tab or a carriage
 * return is written with a leading apostrophe, so a spreadsheet program shows it as text instead of running it; the
 * CSV reader removes exactly that apostrophe again, so an export imports back unchanged. XLSX text cells are typed as
 * text and never evaluated, so they are written as they are.
 */
@ProviderType
public interface Spreadsheets {

    /**
     * Writes one sheet: a header row (bold and frozen in XLSX), then the rows as the iterable gives them (it may be
     * lazy: rows are written and forgotten, so 100,000 rows take no more memory than one). The stream is flushed,
     * not closed. The sheet name is used by XLSX only and cut to what Excel allows (31 characters, no {@code []:*?/\}).
     */
    void write(SheetFormat format, String sheetName, List<String> headers, Iterable<? extends List<?>> rows,
            OutputStream out) throws IOException;

    /**
     * Writes one XLSX workbook of several sheets, in the order given, each as {@link #write} writes one (header row
     * bold and frozen, rows streamed). Names are cut to what Excel allows; a name already used in the workbook gets
     * " (2)", " (3)"… The stream is flushed, not closed.
     *
     * @since 1.1
     */
    void writeWorkbook(List<WorkbookSheet> sheets, OutputStream out) throws IOException;

    /**
     * Opens the first sheet of a file for reading; its header row is read at once (an {@link IOException} if the file
     * is not of that format). The stream is read as the rows are iterated and closed with the reader.
     */
    SheetReader read(SheetFormat format, InputStream in) throws IOException;

    /** The same service for code that runs outside OSGi (tests, tools). */
    static Spreadsheets standalone() {
        return new SpreadsheetCodec();
    }
}
