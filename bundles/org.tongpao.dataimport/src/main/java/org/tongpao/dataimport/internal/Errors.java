package org.tongpao.dataimport.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongpao.dataimport.DataImports;
import org.tongpao.dataimport.ImportRefusedException;
import org.tongpao.dataimport.RowError;

/** The faults found in one file: the first {@link DataImports#MAX_ERRORS} kept, all counted. */
final class Errors {
    private final List<RowError> kept = new ArrayList<>();
    private int count;

    void add(int row, String column, String value, String message) {
        count++;
        if (kept.size() < DataImports.MAX_ERRORS) {
            kept.add(new RowError(row, column, value, message));
        }
    }

    /** Faults found but not named (a service kept only so many). */
    void counted(int more) {
        count += more;
    }

    boolean any() {
        return count > 0;
    }

    ImportRefusedException refusal() {
        List<RowError> sorted = new ArrayList<>(kept);
        sorted.sort(java.util.Comparator.comparingInt(RowError::row));
        return new ImportRefusedException(sorted, count);
    }
}
