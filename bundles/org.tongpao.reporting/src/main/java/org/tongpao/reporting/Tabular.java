package org.tongpao.reporting;

import java.util.List;

/**
 * A report as tables: the first is its main table, the one a CSV or XLSX export holds unless another is asked for
 * by name ({@code ?table=}); the console prints them all.
 */
public interface Tabular {

    List<Table> tables();

    /**
     * One table: {@code name} (lower case with hyphens: the sheet name and the value of {@code ?table=}), column
     * headings, and rows of cells (String, Number, Boolean, LocalDate, Instant or null), one cell per column.
     */
    record Table(String name, List<String> columns, List<List<Object>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }
}
