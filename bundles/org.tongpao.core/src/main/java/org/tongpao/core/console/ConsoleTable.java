package org.tongpao.core.console;

import java.util.function.Function;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Page;

/** Prints rows as one Karaf {@link ShellTable} on standard output: every list command's loop. */
public final class ConsoleTable {
    /** The largest page a list serves. */
    public static final int PAGE = 500;

    /** Reads one page of at most {@code limit} rows after {@code cursor}. */
    @FunctionalInterface
    public interface Pages<T> {
        Page<T> read(int limit, String cursor);
    }

    private ConsoleTable() {
    }

    /** Prints every row of a keyset-paged list, following the cursors to the end. */
    public static <T> void printAll(String[] columns, Pages<T> pages, Function<T, Object[]> row) {
        printPages(columns, Integer.MAX_VALUE, pages, row);
    }

    /** Prints at most {@code max} rows (at least one page is read), following the cursors. */
    public static <T> void printPages(String[] columns, int max, Pages<T> pages, Function<T, Object[]> row) {
        ShellTable table = table(columns);
        int left = Math.max(1, max);
        String cursor = null;
        do {
            Page<T> page = pages.read(Math.min(left, PAGE), cursor);
            for (T item : page.items()) {
                table.addRow().addContent(row.apply(item));
            }
            left -= page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null && left > 0);
        table.print(System.out);
    }

    /** Prints one table of these items. */
    public static <T> void print(String[] columns, Iterable<T> items, Function<T, Object[]> row) {
        ShellTable table = table(columns);
        for (T item : items) {
            table.addRow().addContent(row.apply(item));
        }
        table.print(System.out);
    }

    private static ShellTable table(String[] columns) {
        ShellTable table = new ShellTable();
        for (String c : columns) {
            table.column(c);
        }
        return table;
    }
}
