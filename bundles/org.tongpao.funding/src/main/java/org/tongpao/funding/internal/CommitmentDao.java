package org.tongpao.funding.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.CommitmentStatus;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.Money;

/** SQL of {@code tp_fund_commitment}; a commitment row is changed only under its line's row lock. */
final class CommitmentDao {
    /** No join: on Derby a join may scan the table and wait on another line's uncommitted commitment. */
    private static final String SELECT = "SELECT * FROM tp_fund_commitment m ";

    private CommitmentDao() {
    }

    static long insert(Connection c, long lineId, String lineCode, String reference, Money cny, Money original, ExchangeRate rate,
            String description, String user, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_fund_commitment (line_id, line_code, reference, currency, amount, consumed, released, "
                + "spent, original_currency, original_amount, original_paid, original_released, rate, rate_as_of, "
                + "rate_source, description, version, created_at, created_by) "
                + "VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, 0, 0, ?, ?, ?, ?, 1, ?, ?)",
                Jdbc.args(lineId, lineCode, reference, cny.currency(), cny.amount(), original.currency(), original.amount(),
                        rate.rate(), rate.asOf(), rate.source(), description, now, user));
    }

    static Optional<Commitment> findByReference(Connection c, String reference) throws SQLException {
        return Jdbc.one(c, SELECT + "WHERE m.reference = ?", Jdbc.args(reference), CommitmentDao::map);
    }

    static List<Commitment> page(Connection c, long lineId, int limit, String cursor) throws SQLException {
        return Jdbc.query(c, SELECT + "WHERE m.line_id = ? AND m.id > ?" + Paging.orderAndFetch("m.id", limit),
                Jdbc.args(lineId, Paging.after(cursor)), CommitmentDao::map);
    }

    /** Adds a spend or release to the commitment's running totals (CNY and original currency). */
    static void add(Connection c, long id, BigDecimal consumed, BigDecimal released, BigDecimal spent,
            BigDecimal originalPaid, BigDecimal originalReleased) throws SQLException {
        Jdbc.update(c, "UPDATE tp_fund_commitment SET consumed = consumed + ?, released = released + ?, spent = spent + ?, "
                + "original_paid = original_paid + ?, original_released = original_released + ?, version = version + 1 "
                + "WHERE id = ?", Jdbc.args(consumed, released, spent, originalPaid, originalReleased, id));
    }

    static Commitment map(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal consumed = rs.getBigDecimal("consumed");
        BigDecimal released = rs.getBigDecimal("released");
        BigDecimal open = amount.subtract(consumed).subtract(released);
        String originalCurrency = rs.getString("original_currency");
        Money original = Money.of(rs.getBigDecimal("original_amount"), originalCurrency);
        Money originalOpen = Money.of(rs.getBigDecimal("original_amount").subtract(rs.getBigDecimal("original_paid"))
                .subtract(rs.getBigDecimal("original_released")).max(BigDecimal.ZERO), originalCurrency);
        return new Commitment(rs.getLong("id"), rs.getLong("line_id"), rs.getString("line_code"), rs.getString("reference"),
                currency, amount, consumed, released, open, rs.getBigDecimal("spent"), original, originalOpen,
                rs.getBigDecimal("rate").stripTrailingZeros(), Sql.getInstant(rs, "rate_as_of"), rs.getString("rate_source"),
                open.signum() > 0 ? CommitmentStatus.OPEN : CommitmentStatus.CLOSED, rs.getString("description"),
                rs.getLong("version"), Sql.getInstant(rs, "created_at"), rs.getString("created_by"));
    }
}
