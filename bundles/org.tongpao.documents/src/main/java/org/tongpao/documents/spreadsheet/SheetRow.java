package org.tongpao.documents.spreadsheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a sheet as read: its 1-based row number as a spreadsheet program shows it (the header row is row 1,
 * so the first data row is usually 2; blank rows are skipped but still counted) and its cells by column header.
 * Cell text is trimmed; an empty cell is absent ({@link #get} answers {@code null}). Numbers read from XLSX are
 * plain decimals ({@code 12}, {@code 0.5}, never {@code 1.2E3}); date cells are ISO dates ({@code 2020-02-03}) or
 * date-times ({@code 2020-02-03T08:00:00}, as the file holds them, no zone).
 */
public record SheetRow(int number, Map<String, String> cells) {

    public SheetRow {
        if (number < 1) {
            throw new IllegalArgumentException("row numbers start at 1: " + number);
        }
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The cell under this column header, or {@code null} when the cell is empty or the column absent. */
    public String get(String header) {
        return cells.get(header);
    }
}
