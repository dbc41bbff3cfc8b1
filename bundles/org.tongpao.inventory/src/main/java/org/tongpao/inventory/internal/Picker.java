package org.tongpao.inventory.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;

/**
 * First-expiry-first-out picking. A plan is made from one read; its guarded balance updates run at the end
 * of the write, just before commit, in lot-id order (the one lock order every write follows, so concurrent
 * picks cannot deadlock): the balance row, which every writer of a busy item wants, stays locked for the
 * commit only, not for the write's inserts too. A plan overtaken by a concurrent write is retried whole.
 */
record Picker(CoreLookups core, Lots lots, Balances balances) {

    /** A picked quantity of one lot. */
    record Pick(long lotId, long quantity) {
    }

    /** A pick's guarded balance update: take free stock off, or reserve it. */
    record Pending(long lotId, long quantity, boolean reserve) {
    }

    /** A lot with free stock, as the pick reads it: earliest expiry first, lots without expiry last. */
    private record Candidate(long lotId, long free, java.sql.Date expiry, LotOrigin origin, Designation designation) {
        static final Comparator<Candidate> FEFO = Comparator
                .comparing(Candidate::expiry, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Candidate::lotId);
    }

    /** The stock read for a plan changed before its updates ran: roll back and plan again. */
    static final class StalePlan extends DataAccessException {
        private static final long serialVersionUID = 1L;

        StalePlan() {
            super("Stock changed while picking", new SQLException("Stock changed while picking", "40001"));
        }
    }

    /**
     * Picks {@code qty} first-expiry-first-out (or from the named lot) and plans {@code take} (free stock off)
     * or {@code hold} (reserve) for each pick. All or nothing: a shortfall throws 409 and the transaction rolls
     * back; an unknown item is 400 on {@code itemField} (looked up only then: stock found under the item proves
     * it exists).
     */
    List<Pick> pick(Tx tx, long depotId, long itemId, String itemField, long qty, Long lotId, String lotField,
            boolean reserve) throws SQLException {
        return pick(tx, depotId, itemId, itemField, qty, lotId, lotField, reserve, null);
    }

    /**
     * As above, for stock going where {@code gate} says (1.6, designated stock): a named lot whose designation does
     * not admit the destination is a 409 naming it (or, under a ministry-admin's override, taken and noted on the
     * gate); first-expiry-first-out skips such lots, and under an override takes them only after every admitted
     * lot. Without a gate (a reservation whose destination is not known yet) undesignated lots go first.
     */
    List<Pick> pick(Tx tx, long depotId, long itemId, String itemField, long qty, Long lotId, String lotField,
            boolean reserve, Designations.Gate gate) throws SQLException {
        applyPending(tx); // a second pick in the same write reads the first one's updates
        if (lotId != null) {
            Lot named = lots.named(tx, lotId, depotId, itemId, lotField);
            Lots.requireIssuable(named);
            if (gate != null) {
                gate.pass(named.id(), named.origin(), named.designation(), lotField);
            }
        }
        List<Candidate> candidates = candidates(tx, depotId, itemId, lotId);
        List<Candidate> order = new ArrayList<>();
        List<Candidate> elsewhere = new ArrayList<>();
        for (Candidate cand : candidates) {
            boolean first = gate == null ? cand.designation() == null
                    : lotId != null || gate.admits(cand.designation());
            (first ? order : elsewhere).add(cand);
        }
        if (gate == null || gate.canOverride()) {
            order.addAll(elsewhere); // FEFO within each group: the read's order is kept
        }
        List<Pick> picks = new ArrayList<>();
        long remaining = qty;
        for (Candidate cand : order) {
            if (remaining == 0) {
                break;
            }
            long want = Math.min(remaining, cand.free());
            picks.add(new Pick(cand.lotId(), want));
            if (gate != null && lotId == null && !gate.admits(cand.designation())) {
                gate.taken(cand.lotId(), cand.origin(), cand.designation());
            }
            remaining -= want;
        }
        if (remaining > 0) {
            if (candidates.isEmpty()) {
                core.item(tx.c, itemId, itemField);
            }
            throw new ConflictException(gate != null && !gate.canOverride() && !elsewhere.isEmpty()
                    ? gate.field : null, "Not enough available stock of item " + itemId + " in depot " + depotId
                    + (gate == null ? "" : " for " + gate.place.name()) + ": requested " + qty + ", available "
                    + (qty - remaining) + designatedElsewhere(gate, elsewhere));
        }
        for (Pick p : picks) {
            tx.pending.add(new Pending(p.lotId(), p.quantity(), reserve));
        }
        tx.lowered(depotId, itemId);
        return picks;
    }

    /** What the pick skipped, by designation: the 409 names them (", 40 more are designated by the donor for …"). */
    private static String designatedElsewhere(Designations.Gate gate, List<Candidate> elsewhere) {
        if (gate == null || gate.canOverride() || elsewhere.isEmpty()) {
            return "";
        }
        Map<String, Long> byDesignation = new LinkedHashMap<>();
        for (Candidate c : elsewhere) {
            byDesignation.merge(Designations.describe(c.origin(), c.designation()), c.free(), Long::sum);
        }
        StringBuilder sb = new StringBuilder();
        byDesignation.forEach((what, q) -> sb.append("; ").append(q).append(" more ").append(q == 1 ? "is " : "are ")
                .append(what));
        return sb.append(" (a ministry-admin may move it with an overrideReason)").toString();
    }

    private static List<Candidate> candidates(Tx tx, long depotId, long itemId, Long lotId) throws SQLException {
        // a depot holds a handful of lots of an item: ordering them here spares Derby a sort per movement
        List<Candidate> candidates = Jdbc.query(tx.c, "SELECT b.lot_id, b.on_hand - b.reserved, l.expiry_date, "
                + "l.origin, l." + Designations.COLUMNS.replace(", ", ", l.") + " "
                + "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                + "WHERE b.depot_id = ? AND b.item_id = ? AND b.on_hand - b.reserved > 0 AND "
                + Expiry.issuable("l", "?") + (lotId != null ? " AND b.lot_id = ?" : ""),
                lotId != null ? List.of(depotId, itemId, tx.today, lotId) : List.of(depotId, itemId, tx.today),
                rs -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getDate(3), LotOrigin.valueOf(rs.getString(4)),
                        Designations.read(rs)));
        candidates.sort(Candidate.FEFO);
        return candidates;
    }

    /** Runs the picks' guarded updates in lot-id order; one that finds its stock gone makes the write retry. */
    void applyPending(Tx tx) throws SQLException {
        tx.pending.sort(Comparator.comparingLong(Pending::lotId));
        for (Pending p : tx.pending) {
            if (!(p.reserve() ? balances.hold(tx, p.lotId(), p.quantity()) : balances.take(tx, p.lotId(), p.quantity()))) {
                throw new StalePlan();
            }
        }
        tx.pending.clear();
    }
}
