package org.tongpao.dataimport.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.tongpao.documents.spreadsheet.SheetRow;

/** Reading one row's cells into values; a cell that does not parse is one {@link RowFault}. */
final class Cells {
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    private final SheetRow row;

    Cells(SheetRow row) {
        this.row = row;
    }

    int number() {
        return row.number();
    }

    /** The text, or null when empty. */
    String text(String column) {
        return row.get(column);
    }

    /** A whole number (a spreadsheet may show {@code 1200} as {@code 1200.0}; a fraction is refused). */
    Long whole(String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(v.replace(",", "")).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RowFault(column, v, column + " must be a whole number");
        }
    }

    Integer integer(String column) {
        Long v = whole(column);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new RowFault(column, row.get(column), column + " is out of range");
        }
        return v.intValue();
    }

    /** yyyy-mm-dd (as the spreadsheet kit reads date cells) or yyyy/m/d. */
    LocalDate date(String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T'
                    ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new RowFault(column, v, column + " must be a date, yyyy-mm-dd");
        }
    }

    Boolean bool(String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw new RowFault(column, v, column + " must be true or false");
    }

    /** A fault in one cell of the row being read (or the row as a whole when {@code column} is null). */
    static final class RowFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String column;
        final String value;

        RowFault(String column, String value, String message) {
            super(message, null, false, false);
            this.column = column;
            this.value = value;
        }
    }
}
