/**
 * Spreadsheets in and out: {@link org.tongpao.documents.spreadsheet.Spreadsheets} writes rows as CSV or XLSX
 * (streaming, so a list of any length is never held in memory) and reads the first sheet of an uploaded CSV or XLSX
 * file row by row, header row first. Reports export with it; imports read with it. 1.1:
 * {@link org.tongpao.documents.spreadsheet.Spreadsheets#writeWorkbook} ({@link org.tongpao.documents.spreadsheet.WorkbookSheet}),
 * several sheets in one XLSX workbook.
 */
@Export
@Version("1.1.0")
package org.tongpao.documents.spreadsheet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
