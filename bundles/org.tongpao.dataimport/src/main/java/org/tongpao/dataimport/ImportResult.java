package org.tongpao.dataimport;

/**
 * What an import did (or, for a dry run, would do): data rows read; records created, updated and left as they were
 * (master data), lots received (opening balances) or count lines recorded (counts) are {@code created}; for counts
 * {@code updated} is the number of counts (one per depot). {@code reference} names the file (the SHA-256 of its
 * bytes, first 16 hex digits), used as the source document of opening balances and in the counts' note.
 */
public record ImportResult(ImportKind kind, boolean dryRun, int rows, int created, int updated, int unchanged,
        String reference) {
}
