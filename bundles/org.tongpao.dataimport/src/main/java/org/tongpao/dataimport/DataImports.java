package org.tongpao.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.documents.spreadsheet.SheetFormat;

/**
 * Imports spreadsheet files through the owning services (core's catalogue, org units and depots; the inventory's
 * receipts and counts), all rows in one transaction: a file with any error is refused whole with every bad row and
 * column ({@link ImportRefusedException}, 400) and nothing is written. A dry run checks everything a real run would
 * (the services' own rules included) and writes nothing. An Idempotency-Key makes a re-sent file import once.
 */
@ProviderType
public interface DataImports {

    /** Errors listed in a refusal at most; the count goes on. */
    int MAX_ERRORS = 1_000;

    /**
     * Reads the file (the stream is consumed, not closed) and imports it.
     *
     * @throws ImportRefusedException the file's faults (400), nothing written
     * @throws org.tongpao.core.AccessDeniedException the caller may not import this kind at all (403)
     */
    ImportResult importFile(Caller caller, ImportKind kind, SheetFormat format, InputStream file, boolean dryRun,
            String idempotencyKey) throws IOException;

    /** An empty file of the kind's layout: the header row only. */
    void template(ImportKind kind, SheetFormat format, OutputStream out) throws IOException;

    /**
     * The caller's view of the master data of {@code kind} (catalogue, org units, depots) in the same layout, so an
     * export edited in a spreadsheet imports back; other kinds are a 400.
     */
    void export(Caller caller, ImportKind kind, SheetFormat format, OutputStream out) throws IOException;
}
