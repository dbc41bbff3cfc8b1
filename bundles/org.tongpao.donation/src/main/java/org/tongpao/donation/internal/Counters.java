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

    /**
     * Lets counter {@code name} continue above {@code formatted}, a number it handed out ({@code JZ-000012}) that
     * was stored again without it (a rebuild restoring the node's donations); a number of another shape is ignored.
     */
    static void continueAbove(Connection c, String name, String formatted) throws SQLException {
        int dash = formatted == null ? -1 : formatted.lastIndexOf('-');
        if (dash < 0 || !formatted.substring(dash + 1).matches("[0-9]{1,18}")) {
            return;
        }
        long used = Long.parseLong(formatted.substring(dash + 1));
        Jdbc.update(c, "UPDATE tp_don_counter SET next_value = ? WHERE name = ? AND next_value <= ?",
                args(used + 1, name, used));
    }
}
