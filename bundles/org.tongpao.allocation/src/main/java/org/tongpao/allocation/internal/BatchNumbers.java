package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Batch numbers from counter rows ({@code tp_alloc_batch_counter}), one per scope and year: the nation
 * ({@link #NATIONAL}) and each destination province. The row is incremented in the approving transaction,
 * so a concurrent approval waits on its lock and takes the next number; a rolled-back approval gives its
 * number back. The first approval of a year inserts the row; two at once meet on the primary key and the
 * loser runs its transaction again.
 */
final class BatchNumbers {
    static final String NATIONAL = "*";

    private BatchNumbers() {
    }

    static int next(Connection c, String scope, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tp_alloc_batch_counter SET last_seq = last_seq + 1 WHERE scope = ? AND batch_year = ?")) {
            ps.setString(1, scope);
            ps.setInt(2, year);
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO tp_alloc_batch_counter (scope, batch_year, last_seq) VALUES (?, ?, 1)")) {
                    in.setString(1, scope);
                    in.setInt(2, year);
                    in.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq FROM tp_alloc_batch_counter WHERE scope = ? AND batch_year = ?")) {
            ps.setString(1, scope);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
