package org.tongpao.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.documents.spreadsheet.WorkbookSheet;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.Tabular;

/**
 * The daily report as one XLSX workbook, one sheet per section, named in Chinese and English as the PDF's headings
 * are. A section whose capability is not installed (batches without allocation, donations without donation) has no
 * sheet: an empty sheet would read as "none", which the report never says for what it cannot see.
 */
public final class DailyWorkbook {
    /** Each of {@link DailyReport#tables()}' names → its sheet's name (at most 31 characters, Excel's limit). */
    static final Map<String, String> SHEETS = Map.of(
            "stock", "库存与收发 Stock and movements",
            "in-transit", "在途物资 Goods in transit",
            "batches", "当日批次 Batches of the day",
            "donations", "当日捐赠 Donations of the day");

    private DailyWorkbook() {
    }

    public static byte[] write(Spreadsheets sheets, DailyReport report) {
        List<WorkbookSheet> workbook = new ArrayList<>();
        for (Tabular.Table t : report.tables()) {
            if (t.name().equals("batches") && !report.allocation().installed()
                    || t.name().equals("donations") && !report.donation().installed()) {
                continue;
            }
            workbook.add(new WorkbookSheet(SHEETS.getOrDefault(t.name(), t.name()), t.columns(), t.rows()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sheets.writeWorkbook(workbook, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
