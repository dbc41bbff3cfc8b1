package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.procurement.StoredQuote;
import org.tongpao.procurement.QuoteLine;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;

/** The quote tables: a channel's answer with its lines, each joined to the line it answers. */
final class QuoteDao {
    private QuoteDao() {
    }

    /** Stores the answer; the lines in the quote's order, each with the item and quantity asked. */
    static long insert(Connection c, String channelId, String buyerProvince, QuoteRequest asked, ChannelQuote q,
            String actor, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_proc_quote (channel_id, request_ref, quote_ref, province_code, "
                + "deliver_to_province, emergency, currency, valid_until, incoterm, note, total_amount, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(channelId, asked.requestRef(),
                        q.quoteRef(), buyerProvince, asked.deliverToProvince(), asked.emergency(), q.currency(),
                        q.validUntil(), q.incoterm(), q.note(), q.total(), actor, now));
        Map<String, RequestLine> byRef = new HashMap<>();
        asked.lines().forEach(l -> byRef.put(l.lineRef(), l));
        List<List<Object>> rows = new ArrayList<>();
        int no = 0;
        for (QuotedLine l : q.lines()) {
            RequestLine r = byRef.get(l.lineRef());
            rows.add(args(id, ++no, l.lineRef(), r.itemCode(), r.quantity(), l.quantity(), l.unitPrice(),
                    l.deliverBy()));
        }
        Jdbc.batch(c, "INSERT INTO tp_proc_quote_line (quote_id, line_no, line_ref, item_code, requested_quantity, "
                + "quantity, unit_price, deliver_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return id;
    }

    static Optional<StoredQuote> find(Connection c, long id) throws SQLException {
        Optional<StoredQuote> head = Jdbc.one(c, "SELECT * FROM tp_proc_quote WHERE id = ?", args(id), QuoteDao::head);
        return head.isEmpty() ? head : Optional.of(complete(c, head.get()));
    }

    /** A keyset page of quotes, each with its lines. */
    static List<StoredQuote> page(Connection c, Paging.Query q) throws SQLException {
        List<StoredQuote> out = new ArrayList<>();
        for (StoredQuote h : Jdbc.query(c, "SELECT * FROM tp_proc_quote q" + q.sql(), q.args(), QuoteDao::head)) {
            out.add(complete(c, h));
        }
        return out;
    }

    private static StoredQuote complete(Connection c, StoredQuote h) throws SQLException {
        List<QuoteLine> lines = Jdbc.query(c, "SELECT * FROM tp_proc_quote_line WHERE quote_id = ? ORDER BY line_no",
                args(h.id()), rs -> new QuoteLine(rs.getString("line_ref"), rs.getString("item_code"),
                        rs.getLong("requested_quantity"), rs.getLong("quantity"), rs.getBigDecimal("unit_price"),
                        Jdbc.localDate(rs, "deliver_by")));
        return new StoredQuote(h.id(), h.channelId(), h.requestRef(), h.quoteRef(), h.provinceCode(),
                h.deliverToProvince(), h.emergency(), h.currency(), h.validUntil(), h.incoterm(), h.note(),
                h.totalAmount(), lines, h.orderId(), h.createdBy(), h.createdAt());
    }

    /** Marks the quote as ordered by {@code orderId}; false when another order took it first (the row stays locked). */
    static boolean claimForOrder(Connection c, long quoteId, long orderId) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_proc_quote SET order_id = ? WHERE id = ? AND order_id IS NULL",
                args(orderId, quoteId)) == 1;
    }

    private static StoredQuote head(ResultSet rs) throws SQLException {
        return new StoredQuote(rs.getLong("id"), rs.getString("channel_id"), rs.getString("request_ref"),
                rs.getString("quote_ref"), rs.getString("province_code"), rs.getString("deliver_to_province"),
                rs.getBoolean("emergency"), rs.getString("currency"), Sql.getInstant(rs, "valid_until"),
                rs.getString("incoterm"), rs.getString("note"), rs.getBigDecimal("total_amount"), List.of(),
                Sql.getLong(rs, "order_id"), rs.getString("created_by"), Sql.getInstant(rs, "created_at"));
    }
}
