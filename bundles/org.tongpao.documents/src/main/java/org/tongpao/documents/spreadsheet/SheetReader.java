package org.tongpao.documents.spreadsheet;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The rows of the first sheet of a file, read as they are iterated (a file of any length is never held in memory).
 * The header row (row 1) is read when the reader opens and names the columns; {@link #iterator()} answers the data
 * rows after it, skipping blank ones. Iterate once. A file that turns out malformed part-way (an unclosed quote in a
 * CSV, a broken XLSX part) throws {@link java.io.UncheckedIOException} from the iterator. Close the reader when done.
 */
@ProviderType
public interface SheetReader extends Iterable<SheetRow>, Closeable {

    /**
     * The column headers as they appear in row 1, trimmed, in order (blank ones as {@code ""}; duplicates kept so a
     * caller can refuse them; a row's cells take the first column of a duplicated name). Empty for an empty file.
     */
    List<String> headers();

    /** The data rows; may be called once. */
    @Override
    Iterator<SheetRow> iterator();
}
