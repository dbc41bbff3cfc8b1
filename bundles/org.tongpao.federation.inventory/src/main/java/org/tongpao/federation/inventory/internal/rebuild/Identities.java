package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.core.persistence.Jdbc;

/**
 * A rebuilt node's numbering continues above every id central already holds from it: central keys what a province
 * sends (its lots, transfers, postings) by the province's own ids, so a fresh database's identity starting again at 1
 * would hand out ids central takes for ones it has seen — a new posting would be dropped there as a repeat.
 */
final class Identities {
    private Identities() {
    }

    /**
     * Lets {@code table}'s identity continue above both {@code known} (the highest id of this node's that central
     * holds) and every id already in the table. The same statement on Derby and PostgreSQL; its value must be a literal.
     */
    static void continueAbove(Connection c, String table, long known) throws SQLException {
        long above = Math.max(known, Jdbc.count(c, "SELECT MAX(id) FROM " + table, List.of()));
        if (above > 0) {
            try (var s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (above + 1));
            }
        }
    }
}
