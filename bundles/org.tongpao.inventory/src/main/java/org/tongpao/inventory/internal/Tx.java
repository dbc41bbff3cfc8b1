package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tongpao.core.Caller;

/** One write's context: its connection, caller, clock reading, and what to check after commit. */
final class Tx {
    final Connection c;
    final Caller caller;
    final Instant now;
    final LocalDate today;
    /** depot × item pairs whose available stock went down: checked against thresholds before commit. */
    final Set<List<Long>> lowered = new LinkedHashSet<>();
    /** The movements inserted so far, as written: a posting is answered from these, not read back. */
    final List<org.tongpao.inventory.Movement> moved = new ArrayList<>();
    /** Guarded balance updates the picks planned, applied last (see {@link Picker#pick}). */
    final List<Picker.Pending> pending = new ArrayList<>();
    /**
     * Each lot's net change of on hand and reserved in this write, folded into the province × item summary just
     * before commit ({@link Summaries#fold}); ordered by lot so the fold locks summary rows in one order.
     */
    final java.util.SortedMap<Long, long[]> balanceDeltas = new java.util.TreeMap<>();
    /**
     * Lots this write created (lot → {item, depot, expiry as epoch day or {@link #NO_EXPIRY}}): they held nothing
     * before it, so the fold need not read them.
     */
    final java.util.Map<Long, long[]> createdLots = new java.util.HashMap<>();
    /** A created lot's expiry slot when it has no expiry date. */
    static final long NO_EXPIRY = Long.MIN_VALUE;
    /** What the write built for its caller (e.g. the posting), so no second transaction reads it back. */
    Object result;
    /** Who the postings name and when they happened: the caller and now, unless a replica's posting says else. */
    String actor;
    Instant occurredAt;

    Tx(Connection c, Caller caller, Instant now, LocalDate today) {
        this.c = c;
        this.caller = caller;
        this.now = now;
        this.today = today;
        this.actor = caller.user();
        this.occurredAt = now;
    }

    /** Records a balance row change the statement just made (called only once it succeeded). */
    void balanceChanged(long lotId, long onHand, long reserved) {
        long[] d = balanceDeltas.computeIfAbsent(lotId, k -> new long[2]);
        d[0] += onHand;
        d[1] += reserved;
    }

    /** Adds another write's balance changes, created lots and movements to this one's (one fold for both). */
    void absorb(Tx other) {
        other.balanceDeltas.forEach((lot, d) -> {
            long[] mine = balanceDeltas.computeIfAbsent(lot, k -> new long[2]);
            mine[0] += d[0];
            mine[1] += d[1];
        });
        createdLots.putAll(other.createdLots);
        moved.addAll(other.moved);
    }

    /** Records a lot this write created (see {@link #createdLots}). */
    void created(long lotId, long itemId, long depotId, LocalDate expiryDate) {
        createdLots.put(lotId, new long[] {itemId, depotId, expiryDate == null ? NO_EXPIRY : expiryDate.toEpochDay()});
    }

    void lowered(long depotId, long itemId) {
        lowered.add(List.of(depotId, itemId));
    }
}
