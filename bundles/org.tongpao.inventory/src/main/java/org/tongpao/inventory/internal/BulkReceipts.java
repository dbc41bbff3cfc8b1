package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.TongpaoException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.ReceiptsRefusedException;
import org.tongpao.inventory.ReceiptsRefusedException.Fault;
import org.tongpao.inventory.ReceivedLots;
import org.tongpao.inventory.internal.CoreLookups.ItemRef;
import org.tongpao.inventory.internal.Movements.ReceiptText;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * Many receipts as one write ({@code StockLedger.receiveAll}, 1.9): the rows of as many single receipts
 * ({@link Movements#receive}) — a lot, its balance row, a RECEIPT movement, a short-dated flag where due — but
 * written with JDBC batches, one posting per depot, one audit row and the MOVEMENT events per posting, and the
 * summaries folded once ({@link Summaries#fold}, through the write runner as for every write). Every receipt is
 * checked first, with the single receipt's rules, and every fault is named before anything is written.
 *
 * <p>The lots' ids are needed for their balance and movement rows, and Derby returns no generated keys for a batch:
 * the lot table is locked for the rest of the transaction (other writers of lots wait; a large file escalated to
 * table locks anyway) and the new ids are read back as those above the highest before the insert.
 */
final class BulkReceipts {
    /** Rows per JDBC batch. */
    private static final int BATCH = 1_000;
    private static final String LOT = "INSERT INTO tp_inv_lot (item_id, depot_id, origin, source_document, expiry_date, "
            + "received_on, lot_status, parent_lot_id, received_quantity, created_at, " + Designations.COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)";
    private static final String MOVEMENT = "INSERT INTO tp_inv_movement (posting_id, movement_type, depot_id, item_id, "
            + "lot_id, quantity, reason, org_unit_id, transfer_id, source_document, note, actor, request_id, occurred_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)";

    /** A receipt as checked. */
    private record Line(NewReceipt r, ReceiptText text, DepotRef depot, ItemRef item, Designation designation) {
    }

    private final Ledger ledger;
    private final Designations designations;

    BulkReceipts(Ledger ledger, Designations designations) {
        this.ledger = ledger;
        this.designations = designations;
    }

    ReceivedLots receiveAll(Caller caller, List<NewReceipt> receipts, String key) {
        requireList(caller, receipts);
        return ledger.write(caller, key, "inventory.receipts", receipts, tx -> {
            List<Line> lines = check(tx, receipts);
            ReceivedLots received = write(tx, lines);
            tx.result = received;
            List<Long> ids = received.lotIds();
            return new Ref("lots", ids.get(0) + "-" + ids.get(ids.size() - 1));
        }, ReceivedLots.class, BulkReceipts::load);
    }

    void checkReceipts(Caller caller, List<NewReceipt> receipts) {
        requireList(caller, receipts);
        ledger.read(c -> check(new Tx(c, caller, ledger.now(), ledger.today()), receipts));
    }

    private static void requireList(Caller caller, List<NewReceipt> receipts) {
        Scope.requireStockWriter(caller);
        required("receipts", receipts);
        if (receipts.isEmpty()) {
            throw new ValidationException("receipts", "at least one receipt is required");
        }
    }

    /**
     * Every receipt through the single receipt's checks; depots, items and designations looked up once each (a
     * depot's shared lock is then held, as a single receipt holds it). Any fault refuses all, naming each.
     */
    private List<Line> check(Tx tx, List<NewReceipt> receipts) throws SQLException {
        Map<Long, Object> depots = new HashMap<>();
        Map<Long, Object> items = new HashMap<>();
        Map<Designation, Object> designated = new HashMap<>();
        List<Line> lines = new ArrayList<>(receipts.size());
        List<Fault> faults = new ArrayList<>();
        int faultCount = 0;
        for (int i = 0; i < receipts.size(); i++) {
            NewReceipt r = receipts.get(i);
            try {
                ReceiptText text = Movements.checkReceipt(tx.caller, r);
                DepotRef depot = (DepotRef) known(depots.computeIfAbsent(r.depotId(), id -> lookup(
                        () -> ledger.core.writableStockDepot(tx, id, "depotId"))));
                ItemRef item = (ItemRef) known(items.computeIfAbsent(r.itemId(), id -> lookup(
                        () -> ledger.core.item(tx.c, id, "itemId"))));
                Movements.checkExpiry(r, item, tx.today);
                Designation designation = r.designation() == null ? null
                        : (Designation) known(designated.computeIfAbsent(r.designation(), d -> lookup(
                                () -> designations.normalize(tx.c, d))));
                lines.add(new Line(r, text, depot, item, designation));
            } catch (ValidationException | NotFoundException | ConflictException | AccessDeniedException e) {
                faultCount++;
                if (faults.size() < ReceiptsRefusedException.MAX_FAULTS) {
                    faults.add(new Fault(i, field(e), e instanceof AccessDeniedException
                            ? "not allowed: " + e.getMessage() : e.getMessage()));
                }
            } catch (Lookup e) {
                throw (SQLException) e.getCause();
            }
        }
        if (faultCount > 0) {
            throw new ReceiptsRefusedException(faults, faultCount);
        }
        return lines;
    }

    /** A look-up whose outcome is remembered: the value, or the refusal to repeat for every receipt naming it. */
    @FunctionalInterface
    private interface Query {
        Object run() throws SQLException;
    }

    private static Object lookup(Query q) {
        try {
            return q.run();
        } catch (TongpaoException e) {
            return e;
        } catch (SQLException e) {
            throw new Lookup(e);
        }
    }

    private static Object known(Object outcome) {
        if (outcome instanceof TongpaoException e) {
            throw e;
        }
        return outcome;
    }

    /** Carries a look-up's SQLException out of {@code computeIfAbsent}. */
    private static final class Lookup extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Lookup(SQLException cause) {
            super(cause);
        }
    }

    private static String field(TongpaoException e) {
        if (e instanceof ValidationException v) {
            return v.field();
        }
        if (e instanceof NotFoundException n) {
            return n.field();
        }
        if (e instanceof ConflictException c) {
            return c.field();
        }
        return "depotId"; // the one thing a receipt names that the caller may see but not write to
    }

    private ReceivedLots write(Tx tx, List<Line> lines) throws SQLException {
        List<Long> ids = insertLots(tx, lines);
        Map<Long, Long> postings = new LinkedHashMap<>(); // depot → posting, in the order depots first appear
        for (Line l : lines) {
            if (!postings.containsKey(l.depot().id())) {
                postings.put(l.depot().id(), ledger.postings.open(tx, "receipt", l.depot().id()));
            }
        }
        ledger.balances.openAll(tx, ids, lines.stream().map(l -> new long[] {l.depot().id(), l.item().id(),
                l.r().quantity()}).toList());
        List<Integer> shortDated = new ArrayList<>();
        long quantity = 0;
        try (PreparedStatement ps = tx.c.prepareStatement(MOVEMENT)) {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                long lotId = ids.get(i);
                long postingId = postings.get(l.depot().id());
                ps.setLong(1, postingId);
                ps.setString(2, MovementType.RECEIPT.name());
                ps.setLong(3, l.depot().id());
                ps.setLong(4, l.item().id());
                ps.setLong(5, lotId);
                ps.setLong(6, l.r().quantity());
                ps.setString(7, l.text().source());
                text(ps, 8, l.text().note());
                ps.setString(9, tx.actor);
                ps.setString(10, tx.caller.requestId());
                Sql.setInstant(ps, 11, tx.occurredAt);
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
                // not read back: these movements' ids are never needed (the answer names lots and postings)
                tx.moved.add(new Movement(0, postingId, MovementType.RECEIPT, l.depot().id(), l.item().id(), lotId,
                        l.r().quantity(), null, null, null, l.text().source(), l.text().note(), tx.actor,
                        tx.caller.requestId(), tx.occurredAt));
                tx.created(lotId, l.item().id(), l.depot().id(), l.r().expiryDate());
                quantity += l.r().quantity();
                if (ledger.expiry.shortDated(l.r().expiryDate(), tx.today)) {
                    shortDated.add(i);
                }
            }
            ps.executeBatch();
        }
        for (int i : shortDated) {
            Line l = lines.get(i);
            ledger.lots.flagShortDated(tx, ids.get(i), l.depot().id(), l.item().id(), l.r().expiryDate());
        }
        announce(tx, lines, ids, postings);
        return new ReceivedLots(ids, List.copyOf(postings.values()), quantity);
    }

    /** The lots, batched, under the table lock; their ids read back in insert order. */
    private static List<Long> insertLots(Tx tx, List<Line> lines) throws SQLException {
        try (Statement s = tx.c.createStatement()) {
            s.execute("LOCK TABLE tp_inv_lot IN EXCLUSIVE MODE");
        }
        long before = Jdbc.count(tx.c, "SELECT COALESCE(MAX(id), 0) FROM tp_inv_lot", List.of());
        try (PreparedStatement ps = tx.c.prepareStatement(LOT)) {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                ps.setLong(1, l.item().id());
                ps.setLong(2, l.depot().id());
                ps.setString(3, l.r().origin().name());
                ps.setString(4, l.text().source());
                if (l.r().expiryDate() == null) {
                    ps.setNull(5, Types.DATE);
                } else {
                    ps.setDate(5, java.sql.Date.valueOf(l.r().expiryDate()));
                }
                ps.setDate(6, java.sql.Date.valueOf(tx.today));
                ps.setString(7, LotStatus.AVAILABLE.name());
                ps.setLong(8, l.r().quantity());
                Sql.setInstant(ps, 9, tx.now);
                Designation d = l.designation();
                text(ps, 10, d == null ? null : d.kind().name());
                text(ps, 11, d == null ? null : d.provinceCode());
                if (d == null || d.orgUnitId() == null) {
                    ps.setNull(12, Types.BIGINT);
                } else {
                    ps.setLong(12, d.orgUnitId());
                }
                text(ps, 13, d == null ? null : d.label());
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        List<Long> ids = Jdbc.query(tx.c, "SELECT id FROM tp_inv_lot WHERE id > ? ORDER BY id", List.of(before),
                rs -> rs.getLong(1));
        if (ids.size() != lines.size()) {
            throw new IllegalStateException("inserted " + lines.size() + " lots but read back " + ids.size()
                    + " above id " + before);
        }
        return ids;
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Per posting: one audit row (what a posting of many movements gets) and its MOVEMENT events. */
    private void announce(Tx tx, List<Line> lines, List<Long> ids, Map<Long, Long> postings) throws SQLException {
        Map<Long, Map<String, Object>> details = new HashMap<>();
        Map<Long, long[]> perPosting = new HashMap<>(); // posting → {lots, quantity, first lot, last lot}
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            long lotId = ids.get(i);
            details.put(lotId, StockEvents.lot(lotId, l.item().id(), l.r().origin().name(), l.text().source(),
                    l.r().expiryDate(), tx.today, LotStatus.AVAILABLE.name(), null, l.r().quantity(),
                    Designations.columns(l.designation())));
            long[] s = perPosting.computeIfAbsent(postings.get(l.depot().id()), p -> new long[] {0, 0, lotId, lotId});
            s[0]++;
            s[1] += l.r().quantity();
            s[3] = lotId;
        }
        for (Map.Entry<Long, Long> p : postings.entrySet()) {
            long[] s = perPosting.get(p.getValue());
            ledger.audit.record(tx.c, tx.caller, "posting", Long.toString(p.getValue()), "RECEIVE", null,
                    Map.of("depotId", p.getKey(), "lots", s[0], "quantity", s[1], "firstLotId", s[2],
                            "lastLotId", s[3]));
            ledger.events.movement(tx, p.getValue(), "receipt", p.getKey(),
                    lotIds -> lotIds.stream().map(details::get).toList());
        }
    }

    /** A repeated Idempotency-Key's answer: the lots of the first write (ids first-last) and their postings. */
    private static ReceivedLots load(Connection c, Ref ref) throws SQLException {
        String[] range = ref.id().split("-");
        List<Long> lots = new ArrayList<>();
        java.util.Set<Long> postings = new java.util.LinkedHashSet<>();
        long[] quantity = {0};
        Jdbc.query(c, "SELECT lot_id, posting_id, quantity FROM tp_inv_movement WHERE lot_id BETWEEN ? AND ? "
                + "AND movement_type = ? ORDER BY lot_id", List.of(Long.parseLong(range[0]), Long.parseLong(range[1]),
                        MovementType.RECEIPT.name()), rs -> {
                    lots.add(rs.getLong(1));
                    postings.add(rs.getLong(2));
                    quantity[0] += rs.getLong(3);
                    return null;
                });
        return new ReceivedLots(lots, List.copyOf(postings), quantity[0]);
    }
}
