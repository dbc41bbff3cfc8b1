package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * Batch numbers from counter rows ({@code tp_alloc_batch_counter}), one per scope and year: the nation
 * ({@link #NATIONAL}) and each destination province. The row is incremented in the approving transaction,
 * so a concurrent approval waits on its lock and takes the next number; a rolled-back approval gives its
 * number back. The year's row is created at 0 beforehand ({@link #ensure}) in a transaction of its own, so
 * two first approvals of a year meet on the primary key there, not in the approving transaction.
 */
final class BatchNumbers {
    static final String NATIONAL = "*";

    private BatchNumbers() {
    }

    /** Creates the counter row of {@code scope} and {@code year} at 0 unless it exists (nothing is numbered). */
    static void ensure(DataSource ds, String scope, int year) {
        try {
            Transactions.write(ds, "batch counter " + scope + "/" + year, c -> {
                if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_alloc_batch_counter WHERE scope = ? AND batch_year = ?",
                        Jdbc.args(scope, year)) == 0) {
                    Jdbc.update(c, "INSERT INTO tp_alloc_batch_counter (scope, batch_year, last_seq) VALUES (?, ?, 0)",
                            Jdbc.args(scope, year));
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // another approval created it a moment ago: what this one wanted
        }
    }

    /** The next number of {@code scope} and {@code year}; its row exists ({@link #ensure}). */
    static int next(Connection c, String scope, int year) throws SQLException {
        if (Jdbc.update(c, "UPDATE tp_alloc_batch_counter SET last_seq = last_seq + 1 WHERE scope = ? AND batch_year = ?",
                Jdbc.args(scope, year)) == 0) {
            throw new IllegalStateException("No batch counter row for " + scope + "/" + year);
        }
        return (int) Jdbc.count(c, "SELECT last_seq FROM tp_alloc_batch_counter WHERE scope = ? AND batch_year = ?",
                Jdbc.args(scope, year));
    }
}
