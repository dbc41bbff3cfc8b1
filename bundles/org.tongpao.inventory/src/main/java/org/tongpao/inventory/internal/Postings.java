package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.Posting;

/** The ledger: postings and their movements, only ever inserted into; corrections are new movements. */
final class Postings {
    static final String MOVEMENT_SELECT = "SELECT m.id, m.posting_id, m.movement_type, m.depot_id, m.item_id, "
            + "m.lot_id, m.quantity, m.reason, m.org_unit_id, m.transfer_id, m.source_document, m.note, m.actor, "
            + "m.request_id, m.occurred_at FROM tp_inv_movement m ";

    /** Opens a posting: the movements of one write. */
    long open(Tx tx, String operation, long depotId) throws SQLException {
        return Jdbc.insert(tx.c, "INSERT INTO tp_inv_posting (operation, depot_id, actor, request_id, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?)", List.of(operation, depotId, tx.actor, tx.caller.requestId(),
                        tx.occurredAt));
    }

    long move(Tx tx, long postingId, MovementType type, long depotId, long itemId, long lotId, long signedQty,
            String reason, Long orgUnitId, Long transferId, String sourceDocument, String note) throws SQLException {
        long id = Jdbc.insert(tx.c, "INSERT INTO tp_inv_movement (posting_id, movement_type, depot_id, item_id, lot_id, "
                + "quantity, reason, org_unit_id, transfer_id, source_document, note, actor, request_id, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(postingId, type,
                        depotId, itemId, lotId, signedQty, reason, orgUnitId, transferId, sourceDocument, note,
                        tx.actor, tx.caller.requestId(), tx.occurredAt));
        tx.moved.add(new Movement(id, postingId, type, depotId, itemId, lotId, signedQty, reason, orgUnitId, transferId,
                sourceDocument, note, tx.actor, tx.caller.requestId(), tx.occurredAt));
        return id;
    }

    /**
     * The posting as this transaction wrote it: the same values {@link #load} would read (ids from the
     * inserts, movements in id order, {@code tx.now} already at the column's millisecond precision).
     */
    Posting built(Tx tx, long postingId, String operation, long depotId) {
        List<Movement> movements = tx.moved.stream().filter(m -> m.postingId() == postingId)
                .sorted(Comparator.comparingLong(Movement::id)).toList();
        return new Posting(postingId, operation, depotId, tx.actor, tx.caller.requestId(), tx.occurredAt, movements);
    }

    static Movement mapMovement(ResultSet rs) throws SQLException {
        return new Movement(rs.getLong("id"), rs.getLong("posting_id"), MovementType.valueOf(rs.getString("movement_type")),
                rs.getLong("depot_id"), rs.getLong("item_id"), rs.getLong("lot_id"), rs.getLong("quantity"),
                rs.getString("reason"), Sql.getLong(rs, "org_unit_id"), Sql.getLong(rs, "transfer_id"),
                rs.getString("source_document"), rs.getString("note"), rs.getString("actor"),
                rs.getString("request_id"), Sql.getInstant(rs, "occurred_at"));
    }

    Posting load(Connection c, long id) throws SQLException {
        List<Movement> movements = Jdbc.query(c, MOVEMENT_SELECT + "WHERE m.posting_id = ? ORDER BY m.id", List.of(id),
                Postings::mapMovement);
        return Jdbc.one(c, "SELECT id, operation, depot_id, actor, request_id, occurred_at FROM tp_inv_posting "
                + "WHERE id = ?", List.of(id), rs -> new Posting(rs.getLong("id"), rs.getString("operation"),
                        rs.getLong("depot_id"), rs.getString("actor"), rs.getString("request_id"),
                        Sql.getInstant(rs, "occurred_at"), movements)).orElse(null);
    }
}
