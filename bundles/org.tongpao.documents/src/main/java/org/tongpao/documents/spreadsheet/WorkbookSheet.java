package org.tongpao.documents.spreadsheet;

import java.util.List;
import java.util.Objects;

/**
 * One sheet of an XLSX workbook ({@link Spreadsheets#writeWorkbook}): its name (cut to what Excel allows, made unique
 * in the workbook), its header row and its rows, which may be lazy as for {@link Spreadsheets#write}.
 *
 * @since 1.1
 */
public record WorkbookSheet(String name, List<String> headers, Iterable<? extends List<?>> rows) {
    public WorkbookSheet {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(rows, "rows");
        headers = List.copyOf(headers);
    }
}
