package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotStatus;

/** Lots and their balance rows: reading, creating, the short-dated flag, and the checks on a named lot. */
record Lots(Expiry expiry, CoreLookups core, StockEvents events) {
    static final String SELECT = "SELECT l.id, l.item_id, l.depot_id, l.origin, l.source_document, "
            + "l.expiry_date, l.received_on, l.lot_status, l.parent_lot_id, l.received_quantity, l.created_at, "
            + "l.designation_kind, l.designation_province, l.designation_unit_id, l.designation_label, "
            + "b.on_hand, b.reserved FROM tp_inv_lot l JOIN tp_inv_balance b ON b.lot_id = l.id ";

    Lot map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate expiryDate = Jdbc.localDate(rs, "expiry_date");
        return new Lot(rs.getLong("id"), rs.getLong("item_id"), rs.getLong("depot_id"),
                LotOrigin.valueOf(rs.getString("origin")), rs.getString("source_document"), expiryDate,
                Jdbc.localDate(rs, "received_on"), LotStatus.valueOf(rs.getString("lot_status")),
                expiryDate != null && expiryDate.isBefore(today), expiry.shortDated(expiryDate, today),
                Sql.getLong(rs, "parent_lot_id"), rs.getLong("received_quantity"), rs.getLong("on_hand"),
                rs.getLong("reserved"), Sql.getInstant(rs, "created_at"), Designations.read(rs));
    }

    Lot lot(Connection c, long id) throws SQLException {
        LocalDate today = expiry.today();
        return Jdbc.one(c, SELECT + "WHERE l.id = ?", List.of(id), rs -> map(rs, today)).orElse(null);
    }

    /**
     * Creates a lot with a zero balance row; the caller then books the receipt movement. {@code designation}: where
     * its goods must go (null: anywhere); a transfer-in passes its parent's.
     */
    long create(Tx tx, long itemId, long depotId, LotOrigin origin, String sourceDocument, LocalDate expiryDate,
            Long parentLotId, long quantity, Designation designation) throws SQLException {
        List<Object> args = new java.util.ArrayList<>(Arrays.asList(itemId, depotId, origin, sourceDocument,
                expiryDate, tx.today, LotStatus.AVAILABLE, parentLotId, quantity, tx.now));
        args.addAll(Designations.columns(designation));
        long id = Jdbc.insert(tx.c, "INSERT INTO tp_inv_lot (item_id, depot_id, origin, source_document, expiry_date, "
                + "received_on, lot_status, parent_lot_id, received_quantity, created_at, designation_kind, "
                + "designation_province, designation_unit_id, designation_label) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
        Jdbc.update(tx.c, "INSERT INTO tp_inv_balance (lot_id, depot_id, item_id, on_hand, reserved) "
                + "VALUES (?, ?, ?, 0, 0)", List.of(id, depotId, itemId));
        tx.created(id, itemId, depotId, expiryDate);
        if (expiry.shortDated(expiryDate, tx.today)) {
            flagShortDated(tx, id, depotId, itemId, expiryDate);
        }
        return id;
    }

    /**
     * Remembers that a lot was announced short-dated and posts SHORT_DATED after commit; false (nothing
     * posted) when it already was, so every lot is announced once, across restarts.
     */
    boolean flagShortDated(Tx tx, long lotId, long depotId, long itemId, LocalDate expiryDate) throws SQLException {
        if (Jdbc.count(tx.c, "SELECT COUNT(*) FROM tp_inv_short_dated WHERE lot_id = ?", List.of(lotId)) > 0) {
            return false;
        }
        Jdbc.update(tx.c, "INSERT INTO tp_inv_short_dated (lot_id, expiry_date, flagged_at) VALUES (?, ?, ?)",
                List.of(lotId, expiryDate, tx.now));
        events.shortDated(tx, lotId, depotId, itemId, expiryDate);
        return true;
    }

    /**
     * A lot named in a request, which must belong to the depot and item: unknown or in a depot the caller
     * cannot see is a 404 naming the field; a visible lot of another depot or item a 400.
     */
    Lot named(Tx tx, Long lotId, long depotId, long itemId, String field) throws SQLException {
        Lot lot = visible(tx, lotId, field);
        if (lot.depotId() != depotId || lot.itemId() != itemId) {
            throw new ValidationException(field, "lot " + lotId + " does not hold this item in this depot");
        }
        return lot;
    }

    /** A lot named in a request body: unknown or in a depot the caller cannot see is the same 404. */
    Lot visible(Tx tx, Long lotId, String field) throws SQLException {
        Lot lot = lot(tx.c, lotId);
        ScopeRules.requireVisibleField(lot != null && Scope.canRead(tx.caller, core.depot(tx.c, lot.depotId())),
                field, lotId);
        return lot;
    }

    static void requireIssuable(Lot lot) {
        if (lot.status() != LotStatus.AVAILABLE) {
            throw new ConflictException("Lot " + lot.id() + " is " + lot.status() + " and cannot be issued");
        }
        if (lot.expired()) {
            throw new ConflictException("Lot " + lot.id() + " expired on " + lot.expiryDate());
        }
    }
}
