package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;

/** {@code tp_fund_entry}: one row per change of a line, found again by its key when a step is repeated. */
final class EntryDao {
    enum Kind { OPEN, ADJUST, COMMIT, SPEND, RELEASE }

    private EntryDao() {
    }

    static String key(Kind kind, Object scope, String reference) {
        return kind + "|" + scope + "|" + reference;
    }

    static void insert(Connection c, long lineId, Long commitmentId, Kind kind, String key, BigDecimal amount,
            Money original, ExchangeRate rate, String note, String user, Instant now) throws SQLException {
        Jdbc.insert(c, "INSERT INTO tp_fund_entry (line_id, commitment_id, kind, entry_key, amount, original_currency, "
                + "original_amount, rate, rate_as_of, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Jdbc.args(lineId, commitmentId, kind, key, amount, original == null ? null : original.currency(),
                        original == null ? null : original.amount(), rate == null ? null : rate.rate(),
                        rate == null ? null : rate.asOf(), note, now, user));
    }

    /** The original amount of the entry with this key, when it exists (the step ran before). */
    static Optional<BigDecimal> originalAmount(Connection c, String key) throws SQLException {
        return Jdbc.one(c, "SELECT original_amount FROM tp_fund_entry WHERE entry_key = ?", Jdbc.args(key),
                rs -> rs.getBigDecimal("original_amount"));
    }
}
