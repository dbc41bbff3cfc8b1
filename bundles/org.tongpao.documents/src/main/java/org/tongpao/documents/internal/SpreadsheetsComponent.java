package org.tongpao.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.SheetReader;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.documents.spreadsheet.WorkbookSheet;

/** The {@link Spreadsheets} service. */
@Component(service = Spreadsheets.class)
public class SpreadsheetsComponent implements Spreadsheets {
    private final SpreadsheetCodec codec = new SpreadsheetCodec();

    @Override
    public void write(SheetFormat format, String sheetName, List<String> headers, Iterable<? extends List<?>> rows,
            OutputStream out) throws IOException {
        codec.write(format, sheetName, headers, rows, out);
    }

    @Override
    public void writeWorkbook(List<WorkbookSheet> sheets, OutputStream out) throws IOException {
        codec.writeWorkbook(sheets, out);
    }

    @Override
    public SheetReader read(SheetFormat format, InputStream in) throws IOException {
        return codec.read(format, in);
    }
}
