package org.tongpao.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.ValidationException;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.reporting.Tabular;

/** A report's table as CSV or XLSX through the documents kit. */
public final class Exports {
    private Exports() {
    }

    /** The table named {@code name} (null: the first), else a 400 naming {@code table} that lists the names. */
    public static Tabular.Table table(Tabular report, String name) {
        List<Tabular.Table> tables = report.tables();
        if (name == null || name.isBlank()) {
            return tables.get(0);
        }
        Optional<Tabular.Table> found = tables.stream().filter(t -> t.name().equals(name.strip())).findFirst();
        return found.orElseThrow(() -> new ValidationException("table", "table must be one of "
                + tables.stream().map(Tabular.Table::name).toList()));
    }

    public static byte[] write(Spreadsheets sheets, SheetFormat format, Tabular.Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sheets.write(format, table.name(), table.columns(), table.rows(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
