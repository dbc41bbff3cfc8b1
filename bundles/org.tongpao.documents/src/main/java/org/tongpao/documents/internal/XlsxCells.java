package org.tongpao.documents.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.dhatim.fastexcel.reader.Cell;

/** How {@link SpreadsheetCodec} reads an XLSX cell as text: the same text a CSV export of that cell would give. */
final class XlsxCells {
    private XlsxCells() {
    }

    /** A cell's text: numbers plain, dates ISO, booleans true/false, formulas their cached result. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String text;
        switch (cell.getType()) {
            case EMPTY:
                return null;
            case NUMBER:
                text = isDateFormat(cell) ? isoDate(cell.asDate()) : plain(cell.asNumber());
                break;
            case BOOLEAN:
                text = String.valueOf(cell.asBoolean());
                break;
            case FORMULA:
                text = cell.getRawValue();
                break;
            default: // STRING, ERROR (its text, e.g. #DIV/0!, which no field accepts)
                text = cell.getText();
        }
        if (text == null) {
            return null;
        }
        text = text.trim();
        return text.isEmpty() ? null : text;
    }

    private static String plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String isoDate(LocalDateTime at) {
        if (at == null) {
            return null;
        }
        LocalDateTime seconds = at.plusNanos(500_000_000L).truncatedTo(ChronoUnit.SECONDS); // Excel stores days as doubles
        return seconds.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? seconds.toLocalDate().toString() : seconds.toString();
    }

    /** Excel's built-in date formats (including the Chinese ones, 27-36 and 50-58) or a custom format with dates. */
    static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47
                || id >= 50 && id <= 58)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        // drop quoted text, escaped characters and [colour]/[$-804] sections before looking for date letters
        String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^\\]]*\\]", "")
                .toLowerCase(java.util.Locale.ROOT);
        return bare.contains("y") || bare.contains("d") || bare.contains("h") && bare.contains("s");
    }
}
