package org.tongpao.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A node's numbering continuing above ids it did not hand out itself: a node rebuilt from central (or restoring
 * records under their former ids) must not hand out again an id that central already keys one of its records by —
 * central keys what a province sends by the province's own ids, so an identity starting again at 1 would make a new
 * record collide with (and overwrite, or be dropped as a repeat of) an old one. @since 2.10
 */
public final class Identities {
    private Identities() {
    }

    /**
     * Lets {@code table}'s identity column {@code id} continue above both {@code known} (e.g. the highest id of this
     * node's that central holds) and every id already in the table. The same statement on Derby and PostgreSQL (its
     * value must be a literal); DDL, so call it on the transaction that stored the ids, once they are stored.
     */
    public static void continueAbove(Connection c, String table, long known) throws SQLException {
        long above = Math.max(known, Jdbc.count(c, "SELECT MAX(id) FROM " + table, List.of()));
        if (above > 0) {
            try (var s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (above + 1));
            }
        }
    }
}
