package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.osgi.service.event.Event;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.DepotLocks;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.persistence.TransientRetry;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * The stock engine shared by every write: transactions with Idempotency-Key claims and core's retry of
 * transient lock failures, balance arithmetic with guarded updates (a balance never goes negative: every
 * decrement is {@code WHERE on_hand - reserved >= ?} and its row count is checked), ledger inserts, FEFO
 * picking, threshold checks and events after commit. The ledger table is only ever inserted into.
 */
final class Ledger {

    /** A write's body: runs inside the transaction and returns what an Idempotency-Key will point at. */
    @FunctionalInterface
    interface Write {
        Ref apply(Tx tx) throws Exception;
    }

    /** A picked quantity of one lot. */
    record Pick(long lotId, long quantity) {
    }

    /** An item as far as stock is concerned. */
    record ItemRef(long id, String code, String categoryCode, Integer shelfLifeMonths) {
    }

    final DataSource ds;
    final AuditTrail audit;
    final IdempotencyKeys keys;
    final Clock clock;
    private final IntSupplier shortDatedDays;
    private final Consumer<Event> events;

    Ledger(DataSource ds, AuditTrail audit, IdempotencyKeys keys, Clock clock, IntSupplier shortDatedDays,
            Consumer<Event> events) {
        this.ds = ds;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
        this.shortDatedDays = shortDatedDays;
        this.events = events;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    int shortDatedDays() {
        return shortDatedDays.getAsInt();
    }

    boolean shortDated(LocalDate expiry, LocalDate today) {
        return expiry != null && !expiry.isBefore(today) && !expiry.isAfter(today.plusDays(shortDatedDays()));
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Runs {@code write} in one transaction guarded by the key (a repeat, even a concurrent one, returns the
     * first result's reference or refusal and writes nothing), running it again on deadlocks, lock timeouts
     * and stale picks; posts the collected events after commit.
     */
    Ref write(Caller caller, String key, String operation, Object request, Write write) {
        return run(caller, key, operation, request, write).ref();
    }

    /** Reads what a write's reference points at (an Idempotency-Key repeat's first result). */
    @FunctionalInterface
    interface Loader<T> {
        T load(Connection c, Ref ref) throws Exception;
    }

    /**
     * Like {@link #write}, answering with what the body left in {@link Tx#result}, built inside the write's
     * own transaction; only a repeated Idempotency-Key (whose body did not run) reads the first result back.
     */
    <T> T write(Caller caller, String key, String operation, Object request, Write write, Class<T> type,
            Loader<T> loader) {
        Done done = run(caller, key, operation, request, write);
        if (!done.repeat() && type.isInstance(done.tx().result)) {
            return type.cast(done.tx().result);
        }
        return read(c -> loader.load(c, done.ref()));
    }

    private record Done(Ref ref, Tx tx, boolean repeat) {
    }

    /**
     * The key is claimed in a transaction of its own before the write and settled inside it
     * ({@link IdempotencyKeys#begin}), so neither a refusal nor a retried transaction releases it behind a
     * concurrent copy's back: the copy waits and gets this attempt's outcome. Deadlocks, lock timeouts and
     * stock that changed under a plan run the transaction again (core's one {@link TransientRetry} rule), then
     * answer 503.
     */
    private Done run(Caller caller, String key, String operation, Object request, Write write) {
        IdempotencyKeys.Claim claim = key == null ? null : keys.begin(ds, caller, key, operation, request);
        if (claim != null && claim.replay().isPresent()) {
            return new Done(claim.replay().get(), null, true);
        }
        Done done;
        try {
            done = TransientRetry.run(operation, () -> Transactions.inTransaction(ds, c -> {
                Tx tx = new Tx(c, caller, now(), today());
                Ref result = write.apply(tx);
                applyPending(tx);
                if (claim != null) {
                    claim.complete(c, result);
                }
                return new Done(result, tx, false);
            }));
        } catch (RuntimeException | Error e) {
            if (claim != null) {
                claim.fail(e);
            }
            throw e;
        }
        checkThresholds(done.tx());
        for (Event e : done.tx().events) {
            events.accept(e);
        }
        return done;
    }

    <T> T read(Transactions.Work<T> work) {
        return Transactions.read(ds, work);
    }

    // ---------------------------------------------------------------- reference data

    private static final String DEPOT_SELECT = "SELECT id, code, province_code, active FROM tp_depot ";

    private static DepotRef mapDepot(ResultSet rs) throws SQLException {
        return new DepotRef(rs.getLong("id"), rs.getString("code"), rs.getString("province_code"),
                rs.getBoolean("active"));
    }

    DepotRef depot(Connection c, long id) throws SQLException {
        return Rows.one(c, DEPOT_SELECT + "WHERE id = ?", List.of(id), Ledger::mapDepot);
    }

    /**
     * A depot named in a request body: unknown or outside the caller's read scope is the same 404 naming the
     * field ({@link ScopeRules#visibleField}).
     */
    DepotRef depotField(Connection c, Caller caller, Long id, String field) throws SQLException {
        return ScopeRules.visibleField(Optional.ofNullable(depot(c, id)), d -> Scope.canRead(caller, d), field, id);
    }

    /**
     * A depot named in a request body that stock goes into or out of: unknown or invisible is a 404 naming the
     * field; its row keeps a shared lock until the write commits. Writers share it; core's deactivation
     * updates the row and so waits until every write already using the depot has committed (then its usage
     * check sees their stock), and a write that starts after the update waits for the deactivation (then sees
     * it inactive, or active again after its 409). Call it before the write touches any balance, so no lock is
     * held that the deactivation's check could wait for. Check {@link #requireActive} after the scope check.
     */
    DepotRef stockDepotField(Connection c, Caller caller, Long id, String field) throws SQLException {
        return ScopeRules.visibleField(Optional.ofNullable(lockedDepot(c, id)), d -> Scope.canRead(caller, d), field,
                id);
    }

    /**
     * A depot stock is sent to from {@code source} (a transfer, a reservation's dispatch), locked like
     * {@link #stockDepotField}: unknown, or outside what the caller may target from {@code source}
     * ({@link ScopeRules#canTarget}), is the same 404 naming the field.
     */
    DepotRef targetDepotField(Connection c, Caller caller, DepotRef source, Long id, String field)
            throws SQLException {
        return ScopeRules.visibleField(Optional.ofNullable(lockedDepot(c, id)),
                d -> ScopeRules.canTarget(caller, source.provinceCode(), d.provinceCode()), field, id);
    }

    private static DepotRef lockedDepot(Connection c, Long id) throws SQLException {
        DepotLocks.LockedDepot d = DepotLocks.lockShared(c, id);
        return d == null ? null : new DepotRef(d.id(), d.code(), d.provinceCode(), d.active());
    }

    /** An inactive depot takes and gives no stock: 400 naming the field. */
    static DepotRef requireActive(DepotRef d, String field) {
        if (!d.active()) {
            throw new ValidationException(field, "depot " + d.code() + " is inactive");
        }
        return d;
    }

    DepotRef depotByCode(Connection c, String code) throws SQLException {
        return Rows.one(c, DEPOT_SELECT + "WHERE code = ?", List.of(code), Ledger::mapDepot);
    }

    ItemRef item(Connection c, Long id, String field) throws SQLException {
        ItemRef item = Rows.one(c, "SELECT id, code, category_code, shelf_life_months FROM tp_item WHERE id = ?",
                List.of(id), rs -> new ItemRef(rs.getLong("id"), rs.getString("code"), rs.getString("category_code"),
                        Sql.getInteger(rs, "shelf_life_months")));
        if (item == null) {
            throw new ValidationException(field, "no item with id " + id);
        }
        return item;
    }

    ItemRef itemByCode(Connection c, String code) throws SQLException {
        return Rows.one(c, "SELECT id, code, category_code, shelf_life_months FROM tp_item WHERE code = ?",
                List.of(code), rs -> new ItemRef(rs.getLong("id"), rs.getString("code"),
                        rs.getString("category_code"), Sql.getInteger(rs, "shelf_life_months")));
    }

    /**
     * An org unit stock goes to from {@code source} (an issue): unknown, or outside what the caller may target
     * from the source depot ({@link ScopeRules#canTarget}), is the same 404 naming the field.
     */
    void requireOrgUnit(Connection c, Caller caller, DepotRef source, Long id, String field) throws SQLException {
        Optional<String[]> unit = Optional.ofNullable(Rows.one(c, "SELECT province_code FROM tp_org_unit WHERE id = ?",
                List.of(id), rs -> new String[] {rs.getString(1)}));
        ScopeRules.visibleField(unit, u -> ScopeRules.canTarget(caller, source.provinceCode(), u[0]), field, id);
    }

    // ---------------------------------------------------------------- lots

    private static final String LOT_SELECT = "SELECT l.id, l.item_id, l.depot_id, l.origin, l.source_document, "
            + "l.expiry_date, l.received_on, l.lot_status, l.parent_lot_id, l.received_quantity, l.created_at, "
            + "b.on_hand, b.reserved FROM tp_inv_lot l JOIN tp_inv_balance b ON b.lot_id = l.id ";

    String lotSelect() {
        return LOT_SELECT;
    }

    Lot mapLot(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate expiry = Rows.date(rs, "expiry_date");
        return new Lot(rs.getLong("id"), rs.getLong("item_id"), rs.getLong("depot_id"),
                LotOrigin.valueOf(rs.getString("origin")), rs.getString("source_document"), expiry,
                Rows.date(rs, "received_on"), LotStatus.valueOf(rs.getString("lot_status")),
                expiry != null && expiry.isBefore(today), shortDated(expiry, today), Sql.getLong(rs, "parent_lot_id"),
                rs.getLong("received_quantity"), rs.getLong("on_hand"), rs.getLong("reserved"),
                Sql.getInstant(rs, "created_at"));
    }

    Lot lot(Connection c, long id) throws SQLException {
        LocalDate today = today();
        return Rows.one(c, LOT_SELECT + "WHERE l.id = ?", List.of(id), rs -> mapLot(rs, today));
    }

    /** Creates a lot with a zero balance row; the caller then books the receipt movement. */
    long createLot(Tx tx, long itemId, long depotId, LotOrigin origin, String sourceDocument, LocalDate expiry,
            Long parentLotId, long quantity) throws SQLException {
        long id = Rows.insert(tx.c, "INSERT INTO tp_inv_lot (item_id, depot_id, origin, source_document, expiry_date, "
                + "received_on, lot_status, parent_lot_id, received_quantity, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(itemId, depotId, origin,
                        sourceDocument, expiry, tx.today, LotStatus.AVAILABLE, parentLotId, quantity, tx.now));
        Rows.update(tx.c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved) "
                + "VALUES (?, ?, ?, 0, 0)", List.of(id, depotId, itemId));
        if (shortDated(expiry, tx.today)) {
            flagShortDated(tx, id, depotId, itemId, expiry);
        }
        return id;
    }

    /**
     * Remembers that a lot was announced short-dated and posts SHORT_DATED after commit; false (nothing
     * posted) when it already was, so every lot is announced once, across restarts.
     */
    boolean flagShortDated(Tx tx, long lotId, long depotId, long itemId, LocalDate expiry) throws SQLException {
        if (Rows.number(tx.c, "SELECT COUNT(*) FROM tp_inv_short_dated WHERE lot_id = ?", List.of(lotId)) > 0) {
            return false;
        }
        Rows.update(tx.c, "INSERT INTO tp_inv_short_dated (lot_id, expiry_date, flagged_at) VALUES (?, ?, ?)",
                List.of(lotId, expiry, tx.now));
        Map<String, Object> p = new HashMap<>();
        p.put("depotId", depotId);
        p.put("itemId", itemId);
        p.put("lotId", lotId);
        p.put("expiryDate", expiry.toString());
        p.put("days", ChronoUnit.DAYS.between(tx.today, expiry));
        event(tx, InventoryTopics.SHORT_DATED, p);
        return true;
    }

    // ---------------------------------------------------------------- balances (guarded arithmetic)

    /** Takes free (unreserved) stock off a lot; false when not enough is free. */
    boolean take(Tx tx, long lotId, long qty) throws SQLException {
        return Rows.update(tx.c, "UPDATE tp_inv_balance SET on_hand = on_hand - ? "
                + "WHERE lot_id = ? AND on_hand - reserved >= ?", List.of(qty, lotId, qty)) == 1;
    }

    void put(Tx tx, long lotId, long qty) throws SQLException {
        if (Rows.update(tx.c, "UPDATE tp_inv_balance SET on_hand = on_hand + ? WHERE lot_id = ?",
                List.of(qty, lotId)) != 1) {
            throw new IllegalStateException("Lot " + lotId + " has no balance row");
        }
    }

    boolean hold(Tx tx, long lotId, long qty) throws SQLException {
        return Rows.update(tx.c, "UPDATE tp_inv_balance SET reserved = reserved + ? "
                + "WHERE lot_id = ? AND on_hand - reserved >= ?", List.of(qty, lotId, qty)) == 1;
    }

    void unhold(Tx tx, long lotId, long qty) throws SQLException {
        if (Rows.update(tx.c, "UPDATE tp_inv_balance SET reserved = reserved - ? WHERE lot_id = ? AND reserved >= ?",
                List.of(qty, lotId, qty)) != 1) {
            throw new ConflictException("Lot " + lotId + " no longer holds " + qty + " reserved");
        }
    }

    /** Ships held stock: on hand and reserved both go down. */
    void ship(Tx tx, long lotId, long qty) throws SQLException {
        if (Rows.update(tx.c, "UPDATE tp_inv_balance SET on_hand = on_hand - ?, reserved = reserved - ? "
                + "WHERE lot_id = ? AND reserved >= ? AND on_hand >= ?", List.of(qty, qty, lotId, qty, qty)) != 1) {
            throw new ConflictException("Lot " + lotId + " no longer holds " + qty + " reserved");
        }
    }

    long free(Tx tx, long lotId) throws SQLException {
        return Rows.number(tx.c, "SELECT on_hand - reserved FROM tp_inv_balance WHERE lot_id = ?", List.of(lotId));
    }

    /** Issuable: AVAILABLE and not past its expiry date. */
    static String issuable(String lotAlias, String todayParam) {
        return lotAlias + ".lot_status = 'AVAILABLE' AND (" + lotAlias + ".expiry_date IS NULL OR " + lotAlias
                + ".expiry_date >= " + todayParam + ")";
    }

    long available(Connection c, long depotId, long itemId, LocalDate today) throws SQLException {
        return Rows.number(c, "SELECT COALESCE(SUM(b.on_hand - b.reserved), 0) FROM tp_inv_balance b "
                + "JOIN tp_inv_lot l ON l.id = b.lot_id WHERE b.depot_id = ? AND b.item_id = ? AND "
                + issuable("l", "?"), List.of(depotId, itemId, today));
    }

    /**
     * A lot named in a request, which must belong to the depot and item: unknown or in a depot the caller
     * cannot see is a 404 naming the field; a visible lot of another depot or item a 400.
     */
    Lot namedLot(Tx tx, Long lotId, long depotId, long itemId, String field) throws SQLException {
        Lot lot = visibleLot(tx, lotId, field);
        if (lot.depotId() != depotId || lot.itemId() != itemId) {
            throw new ValidationException(field, "lot " + lotId + " does not hold this item in this depot");
        }
        return lot;
    }

    /** A lot named in a request body: unknown or in a depot the caller cannot see is the same 404. */
    Lot visibleLot(Tx tx, Long lotId, String field) throws SQLException {
        Lot lot = lot(tx.c, lotId);
        ScopeRules.requireVisibleField(lot != null && Scope.canRead(tx.caller, depot(tx.c, lot.depotId())), field,
                lotId);
        return lot;
    }

    void requireIssuable(Lot lot) {
        if (lot.status() != LotStatus.AVAILABLE) {
            throw new ConflictException("Lot " + lot.id() + " is " + lot.status() + " and cannot be issued");
        }
        if (lot.expired()) {
            throw new ConflictException("Lot " + lot.id() + " expired on " + lot.expiryDate());
        }
    }

    /**
     * Picks {@code qty} first-expiry-first-out (or from the named lot) and applies {@code take} (free stock
     * off) or {@code hold} (reserve) to each pick. All or nothing: a shortfall throws 409 and the
     * transaction rolls back; an unknown item is 400 on {@code itemField} (looked up only then: stock found
     * under the item proves it exists). The plan is made from one read. Its guarded updates run at the end of
     * the write, just before commit, in lot-id order (the one lock order every write follows, so concurrent
     * picks cannot deadlock): the balance row, which every writer of a busy item wants, stays locked for the
     * commit only, not for the write's inserts too. A plan overtaken by a concurrent write is retried whole.
     */
    List<Pick> pick(Tx tx, long depotId, long itemId, String itemField, long qty, Long lotId, String lotField,
            boolean reserve) throws SQLException {
        applyPending(tx); // a second pick in the same write reads the first one's updates
        if (lotId != null) {
            requireIssuable(namedLot(tx, lotId, depotId, itemId, lotField));
        }
        // a depot holds a handful of lots of an item: ordering them here spares Derby a sort per movement
        List<Candidate> candidates = Rows.list(tx.c, "SELECT b.lot_id, b.on_hand - b.reserved, l.expiry_date "
                + "FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
                + "WHERE b.depot_id = ? AND b.item_id = ? AND b.on_hand - b.reserved > 0 AND " + issuable("l", "?")
                + (lotId != null ? " AND b.lot_id = ?" : ""),
                lotId != null ? List.of(depotId, itemId, tx.today, lotId) : List.of(depotId, itemId, tx.today),
                rs -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getDate(3)));
        candidates.sort(Candidate.FEFO);
        List<Pick> picks = new ArrayList<>();
        long remaining = qty;
        for (Candidate cand : candidates) {
            if (remaining == 0) {
                break;
            }
            long want = Math.min(remaining, cand.free());
            picks.add(new Pick(cand.lotId(), want));
            remaining -= want;
        }
        if (remaining > 0) {
            if (candidates.isEmpty()) {
                item(tx.c, itemId, itemField);
            }
            throw new ConflictException("Not enough available stock of item " + itemId + " in depot " + depotId
                    + ": requested " + qty + ", available " + (qty - remaining));
        }
        for (Pick p : picks) {
            tx.pending.add(new Pending(p.lotId(), p.quantity(), reserve));
        }
        tx.lowered(depotId, itemId);
        return picks;
    }

    /** A pick's guarded balance update: take free stock off, or reserve it. */
    record Pending(long lotId, long quantity, boolean reserve) {
    }

    /** Runs the picks' guarded updates in lot-id order; one that finds its stock gone makes the write retry. */
    void applyPending(Tx tx) throws SQLException {
        tx.pending.sort(java.util.Comparator.comparingLong(Pending::lotId));
        for (Pending p : tx.pending) {
            if (!(p.reserve() ? hold(tx, p.lotId(), p.quantity()) : take(tx, p.lotId(), p.quantity()))) {
                throw new StalePlan();
            }
        }
        tx.pending.clear();
    }

    /** A lot with free stock, as the pick reads it: earliest expiry first, lots without expiry last. */
    record Candidate(long lotId, long free, java.sql.Date expiry) {
        static final java.util.Comparator<Candidate> FEFO = java.util.Comparator
                .comparing(Candidate::expiry, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparingLong(Candidate::lotId);
    }

    /** The stock read for a plan changed before its updates ran: roll back and plan again. */
    static final class StalePlan extends DataAccessException {
        private static final long serialVersionUID = 1L;

        StalePlan() {
            super("Stock changed while picking", new SQLException("Stock changed while picking", "40001"));
        }
    }

    // ---------------------------------------------------------------- the ledger (insert only)

    long posting(Tx tx, String operation, long depotId) throws SQLException {
        return Rows.insert(tx.c, "INSERT INTO tp_inv_posting (operation, depot_id, actor, request_id, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?)", List.of(operation, depotId, tx.caller.user(), tx.caller.requestId(),
                        tx.now));
    }

    long move(Tx tx, long postingId, MovementType type, long depotId, long itemId, long lotId, long signedQty,
            String reason, Long orgUnitId, Long transferId, String sourceDocument, String note) throws SQLException {
        long id = Rows.insert(tx.c, "INSERT INTO tp_inv_movement (posting_id, movement_type, depot_id, item_id, lot_id, "
                + "quantity, reason, org_unit_id, transfer_id, source_document, note, actor, request_id, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(postingId, type,
                        depotId, itemId, lotId, signedQty, reason, orgUnitId, transferId, sourceDocument, note,
                        tx.caller.user(), tx.caller.requestId(), tx.now));
        tx.moved.add(new Movement(id, postingId, type, depotId, itemId, lotId, signedQty, reason, orgUnitId, transferId,
                sourceDocument, note, tx.caller.user(), tx.caller.requestId(), tx.now));
        return id;
    }

    /**
     * The posting as this transaction wrote it: the same values {@link #loadPosting} would read (ids from the
     * inserts, movements in id order, {@code tx.now} already at the column's millisecond precision).
     */
    Posting builtPosting(Tx tx, long postingId, String operation, long depotId) {
        List<Movement> movements = tx.moved.stream().filter(m -> m.postingId() == postingId)
                .sorted(java.util.Comparator.comparingLong(Movement::id)).toList();
        return new Posting(postingId, operation, depotId, tx.caller.user(), tx.caller.requestId(), tx.now, movements);
    }

    static final String MOVEMENT_SELECT = "SELECT m.id, m.posting_id, m.movement_type, m.depot_id, m.item_id, "
            + "m.lot_id, m.quantity, m.reason, m.org_unit_id, m.transfer_id, m.source_document, m.note, m.actor, "
            + "m.request_id, m.occurred_at FROM tp_inv_movement m ";

    static Movement mapMovement(ResultSet rs) throws SQLException {
        return new Movement(rs.getLong("id"), rs.getLong("posting_id"), MovementType.valueOf(rs.getString("movement_type")),
                rs.getLong("depot_id"), rs.getLong("item_id"), rs.getLong("lot_id"), rs.getLong("quantity"),
                rs.getString("reason"), Sql.getLong(rs, "org_unit_id"), Sql.getLong(rs, "transfer_id"),
                rs.getString("source_document"), rs.getString("note"), rs.getString("actor"),
                rs.getString("request_id"), Sql.getInstant(rs, "occurred_at"));
    }

    Posting loadPosting(Connection c, long id) throws SQLException {
        List<Movement> movements = Rows.list(c, MOVEMENT_SELECT + "WHERE m.posting_id = ? ORDER BY m.id", List.of(id),
                Ledger::mapMovement);
        return Rows.one(c, "SELECT id, operation, depot_id, actor, request_id, occurred_at FROM tp_inv_posting "
                + "WHERE id = ?", List.of(id), rs -> new Posting(rs.getLong("id"), rs.getString("operation"),
                        rs.getLong("depot_id"), rs.getString("actor"), rs.getString("request_id"),
                        Sql.getInstant(rs, "occurred_at"), movements));
    }

    // ---------------------------------------------------------------- transfers and reservations

    static final String TRANSFER_SELECT = "SELECT t.id, t.from_depot_id, t.to_depot_id, t.item_id, t.quantity, "
            + "t.transfer_status, t.received_quantity, t.damaged_quantity, t.source_document, t.dispatched_at, "
            + "t.received_at FROM tp_inv_transfer t ";

    static Transfer mapTransfer(ResultSet rs) throws SQLException {
        return new Transfer(rs.getLong("id"), rs.getLong("from_depot_id"), rs.getLong("to_depot_id"),
                rs.getLong("item_id"), rs.getLong("quantity"), Transfer.Status.valueOf(rs.getString("transfer_status")),
                rs.getLong("received_quantity"), rs.getLong("damaged_quantity"), rs.getString("source_document"),
                Sql.getInstant(rs, "dispatched_at"), Sql.getInstant(rs, "received_at"));
    }

    Transfer loadTransfer(Connection c, long id) throws SQLException {
        return Rows.one(c, TRANSFER_SELECT + "WHERE t.id = ?", List.of(id), Ledger::mapTransfer);
    }

    /** Books the transfer-out of picked (or shipped) lots and records the transfer in transit. */
    long createTransfer(Tx tx, long fromDepotId, long toDepotId, long itemId, List<Pick> picks,
            String sourceDocument, String note, Long reservationId) throws SQLException {
        long qty = picks.stream().mapToLong(Pick::quantity).sum();
        long transferId = Rows.insert(tx.c, "INSERT INTO tp_inv_transfer (from_depot_id, to_depot_id, item_id, quantity, "
                + "transfer_status, received_quantity, damaged_quantity, source_document, reservation_id, note, "
                + "dispatched_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)", java.util.Arrays.asList(fromDepotId,
                        toDepotId, itemId, qty, Transfer.Status.IN_TRANSIT, sourceDocument, reservationId, note, tx.now));
        long postingId = posting(tx, "transfer-out", fromDepotId);
        for (Pick p : picks) {
            Rows.update(tx.c, "INSERT INTO tp_inv_transfer_line (transfer_id, lot_id, quantity) VALUES (?, ?, ?)",
                    List.of(transferId, p.lotId(), p.quantity()));
            move(tx, postingId, MovementType.TRANSFER_OUT, fromDepotId, itemId, p.lotId(), -p.quantity(), null, null,
                    transferId, sourceDocument, note);
        }
        movementEvent(tx, postingId, "transfer-out", fromDepotId);
        return transferId;
    }

    Reservation loadReservation(Connection c, long id) throws SQLException {
        List<Reservation.Line> lines = Rows.list(c, "SELECT lot_id, quantity FROM tp_inv_reservation_line "
                + "WHERE reservation_id = ? ORDER BY lot_id", List.of(id),
                rs -> new Reservation.Line(rs.getLong(1), rs.getLong(2)));
        return Rows.one(c, "SELECT id, depot_id, item_id, quantity, holder, reservation_status FROM tp_inv_reservation "
                + "WHERE id = ?", List.of(id), rs -> new Reservation(rs.getLong("id"), rs.getLong("depot_id"),
                        rs.getLong("item_id"), rs.getLong("quantity"), rs.getString("holder"),
                        Reservation.Status.valueOf(rs.getString("reservation_status")), lines));
    }

    // ---------------------------------------------------------------- events

    void event(Tx tx, String topic, Map<String, Object> props) {
        props.put("actor", tx.caller.user());
        props.put("requestId", tx.caller.requestId());
        tx.events.add(new Event(topic, props));
    }

    void movementEvent(Tx tx, long postingId, String operation, long depotId) {
        Map<String, Object> p = new HashMap<>();
        p.put("postingId", postingId);
        p.put("operation", operation);
        p.put("depotId", depotId);
        event(tx, InventoryTopics.MOVEMENT, p);
    }

    /**
     * LOW_STOCK for every depot × item whose available stock went down to its reorder or minimum level. Read
     * after commit: inside the write it would wait on rows other writers hold while holding its own.
     */
    private void checkThresholds(Tx tx) {
        if (tx.lowered.isEmpty()) {
            return;
        }
        Set<List<Long>> withThreshold = thresholded();
        List<List<Long>> check = tx.lowered.stream().filter(withThreshold::contains).toList();
        if (check.isEmpty()) {
            return;
        }
        read(c -> {
            checkThresholds(c, tx, check);
            return null;
        });
    }

    /** The depot × item pairs that have a threshold, read at a generation of {@link #thresholdsChanged}. */
    private record Thresholded(long generation, Set<List<Long>> pairs) {
    }

    private final AtomicLong thresholdGeneration = new AtomicLong();
    private volatile Thresholded thresholded;

    /** Called after every threshold write (committed or not): the next check reads the table again. */
    void thresholdsChanged() {
        thresholdGeneration.incrementAndGet();
        thresholded = null;
    }

    /**
     * Most depot × item pairs have no threshold, so the set of those that do is kept in memory rather than
     * queried after every write. A read that raced a threshold write is used once but not kept (its
     * generation is stale), so a new threshold is seen by every write that starts after it committed.
     */
    private Set<List<Long>> thresholded() {
        long generation = thresholdGeneration.get();
        Thresholded known = thresholded;
        if (known != null && known.generation() == generation) {
            return known.pairs();
        }
        Set<List<Long>> pairs = Set.copyOf(read(c -> Rows.list(c, "SELECT depot_id, item_id FROM tp_inv_threshold",
                List.of(), rs -> List.of(rs.getLong(1), rs.getLong(2)))));
        if (thresholdGeneration.get() == generation) {
            thresholded = new Thresholded(generation, pairs);
        }
        return pairs;
    }

    private void checkThresholds(Connection c, Tx tx, List<List<Long>> pairs) throws SQLException {
        for (List<Long> pair : pairs) {
            long depotId = pair.get(0);
            long itemId = pair.get(1);
            long[] levels = Rows.one(c, "SELECT minimum_level, reorder_level FROM tp_inv_threshold "
                    + "WHERE depot_id = ? AND item_id = ?", List.of(depotId, itemId),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            if (levels == null) {
                continue;
            }
            long available = available(c, depotId, itemId, tx.today);
            if (available <= levels[0] || available <= levels[1]) {
                Map<String, Object> p = new HashMap<>();
                p.put("depotId", depotId);
                p.put("itemId", itemId);
                p.put("available", available);
                p.put("minimum", levels[0]);
                p.put("reorderLevel", levels[1]);
                p.put("level", available <= levels[0] ? "MINIMUM" : "REORDER");
                event(tx, InventoryTopics.LOW_STOCK, p);
            }
        }
    }

    static NotFoundException notFound(String entity, Object id) {
        return new NotFoundException(entity, id);
    }
}
