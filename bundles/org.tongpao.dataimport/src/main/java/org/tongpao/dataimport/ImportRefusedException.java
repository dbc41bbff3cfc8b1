package org.tongpao.dataimport;

import java.util.List;
import org.tongpao.core.ValidationException;

/**
 * A file refused whole (400): every bad row and column, at most {@link DataImports#MAX_ERRORS} of them, and how many
 * there were in all. Nothing of the file was written.
 */
public class ImportRefusedException extends ValidationException {
    private static final long serialVersionUID = 1L;
    private final transient List<RowError> errors;
    private final int errorCount;

    public ImportRefusedException(List<RowError> errors, int errorCount) {
        super(errors.isEmpty() || errors.get(0).column() == null ? "file" : errors.get(0).column(),
                errorCount == 1 ? "1 error in the file; nothing was imported"
                        : errorCount + " errors in the file; nothing was imported");
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    /** The errors, in row order, at most {@link DataImports#MAX_ERRORS}. */
    public List<RowError> errors() {
        return errors;
    }

    /** How many errors the file has (may exceed the list). */
    public int errorCount() {
        return errorCount;
    }
}
