package org.tongpao.dataimport;

/**
 * One fault in a file: the 1-based row as a spreadsheet program shows it (1 is the header row), the column header
 * (null when the fault is the row as a whole), the cell's text as read (null when empty) and what is wrong.
 */
public record RowError(int row, String column, String value, String message) {
}
