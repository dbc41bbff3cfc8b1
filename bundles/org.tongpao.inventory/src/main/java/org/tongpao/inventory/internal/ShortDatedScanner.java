package org.tongpao.inventory.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;

/**
 * The scan behind {@link ShortDatedScan}. "Today" is the ledger's clock. Each lot is flagged in its own
 * short transaction (the flag row and the event), so a lot flagged at the same moment by its arrival or by
 * a concurrent scan is skipped, not announced twice; expiring goes through the ordinary lot-status write.
 */
final class ShortDatedScanner implements ShortDatedScan {
    private static final Logger LOG = LoggerFactory.getLogger(ShortDatedScanner.class);

    private final Ledger ledger;
    private final LotStatuses statuses;

    ShortDatedScanner(Ledger ledger, LotStatuses statuses) {
        this.ledger = ledger;
        this.statuses = statuses;
    }

    private record Candidate(long lotId, long depotId, long itemId, LocalDate expiry) {
    }

    @Override
    public synchronized Result scan() {
        LocalDate today = ledger.today();
        Caller system = Caller.system("short-dated-scan-" + today);
        int expired = 0;
        List<Candidate> past = ledger.read(c -> Jdbc.query(c, "SELECT l.id, l.depot_id, l.item_id, l.expiry_date "
                + "FROM tp_inv_lot l JOIN tp_inv_balance b ON b.lot_id = l.id WHERE l.lot_status = ? "
                + "AND l.expiry_date < ? AND b.on_hand > 0 "
                // a replica's lots are expired by the node that keeps them, and the status change replicated
                + "AND NOT EXISTS (SELECT 1 FROM tp_inv_replica_lot r WHERE r.lot_id = l.id) ORDER BY l.id",
                List.of(LotStatus.AVAILABLE, today),
                ShortDatedScanner::candidate));
        for (Candidate lot : past) {
            try {
                statuses.change(system, lot.lotId(), new LotStatusChange(LotStatus.EXPIRED,
                        "expired on " + lot.expiry() + " (daily scan)"), "short-dated-scan:expire:" + lot.lotId());
                expired++;
            } catch (TongpaoException | DataAccessException e) {
                LOG.warn("Marking lot {} EXPIRED failed; the next scan tries again", lot.lotId(), e);
            }
        }
        List<Candidate> soon = ledger.read(c -> Jdbc.query(c, "SELECT l.id, l.depot_id, l.item_id, l.expiry_date "
                + "FROM tp_inv_lot l JOIN tp_inv_balance b ON b.lot_id = l.id WHERE l.lot_status = ? "
                + "AND l.expiry_date >= ? AND l.expiry_date <= ? AND b.on_hand > 0 AND NOT EXISTS "
                + "(SELECT 1 FROM tp_inv_short_dated s WHERE s.lot_id = l.id) ORDER BY l.id",
                List.of(LotStatus.AVAILABLE, today, today.plusDays(ledger.expiry.shortDatedDays())),
                ShortDatedScanner::candidate));
        int flagged = 0;
        for (Candidate lot : soon) {
            try {
                ledger.write(system, null, "inventory.short-dated", null, tx -> {
                    if (!ledger.lots.flagShortDated(tx, lot.lotId(), lot.depotId(), lot.itemId(), lot.expiry())) {
                        throw new AlreadyFlagged();
                    }
                    return new Ref("lot", Long.toString(lot.lotId()));
                });
                flagged++;
            } catch (AlreadyFlagged e) {
                LOG.debug("Lot {} was flagged short-dated concurrently", lot.lotId());
            } catch (DataAccessException e) {
                if (!Sql.isUniqueViolation(e)) {
                    LOG.warn("Flagging lot {} short-dated failed; the next scan tries again", lot.lotId(), e);
                }
            }
        }
        if (flagged > 0 || expired > 0) {
            LOG.info("Short-dated scan for {}: {} lot(s) flagged short-dated, {} marked EXPIRED", today, flagged,
                    expired);
        }
        return new Result(flagged, expired);
    }

    private static Candidate candidate(java.sql.ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), Jdbc.localDate(rs, "expiry_date"));
    }

    /** The flag row existed by the time this scan's transaction looked: roll back, post nothing. */
    private static final class AlreadyFlagged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyFlagged() {
            super(null, null, false, false);
        }
    }
}
