package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import org.tongpao.core.persistence.Jdbc;

/**
 * Gap-free numbers: the counter row is incremented on the caller's connection, inside the transaction that uses
 * the number. The UPDATE locks the row until that transaction ends, so concurrent receipts take numbers one after
 * another, and a receipt that rolls back gives its number back with it: no gaps, no duplicates. The cost is that
 * numbered writes serialise on the row for the rest of their transaction (a receipt is short).
 */
final class Counters {
    static final String ACKNOWLEDGEMENT = "acknowledgement";
    static final String DONATION = "donation";

    private Counters() {
    }

    static long next(Connection c, String name) throws SQLException {
        if (Jdbc.update(c, "UPDATE tp_don_counter SET next_value = next_value + 1 WHERE name = ?", args(name)) != 1) {
            throw new IllegalStateException("counter " + name + " is missing (migration V1 seeds it)");
        }
        return Jdbc.one(c, "SELECT next_value - 1 FROM tp_don_counter WHERE name = ?", args(name),
                rs -> rs.getLong(1)).orElseThrow();
    }

    static String acknowledgementNumber(long n) {
        return String.format("JZQR-%06d", n);
    }

    static String donationNumber(long n) {
        return String.format("JZ-%06d", n);
    }
}
