/**
 * Spreadsheet imports: the catalogue, org units, depots, opening balances and stock counts from CSV or XLSX, in the
 * same columns the lists use. A file is validated row by row and written whole or not at all.
 */
@Export
@Version("1.0.0")
package org.tongpao.dataimport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
