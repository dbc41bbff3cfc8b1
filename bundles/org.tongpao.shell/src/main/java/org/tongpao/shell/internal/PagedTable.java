package org.tongpao.shell.internal;

import java.util.function.Function;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.core.Page;

/** Prints the pages of a keyset-paged list as one table: every list command's loop. */
final class PagedTable {
    /** The largest page a core list serves. */
    static final int PAGE = 500;

    /** Reads one page of at most {@code limit} rows after {@code cursor}. */
    @FunctionalInterface
    interface Pages<T> {
        Page<T> read(int limit, String cursor);
    }

    private PagedTable() {
    }

    /** Prints at most {@code max} rows (at least one page is read), following the cursors. */
    static <T> void print(String[] columns, int max, Pages<T> pages, Function<T, Object[]> row) {
        ShellTable table = new ShellTable();
        for (String c : columns) {
            table.column(c);
        }
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
}
