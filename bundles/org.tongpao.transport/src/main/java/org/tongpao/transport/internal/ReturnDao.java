package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.transport.ShipmentReturn;

/** SQL of {@code tp_tr_return}: goods handed over that come back, why, and how the return ended. */
final class ReturnDao {
    private ReturnDao() {
    }

    /** Opens the shipment's return and marks the shipment RETURNING with its cause (the SLA reads the cause). */
    static void start(Connection c, ShipmentRow before, ShipmentReturn.Cause cause, String reason, String by,
            Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_tr_return (shipment_id, cause, reason, started_at, started_by) VALUES (?,?,?,?,?)",
                Jdbc.args(before.id(), cause, reason == null ? null : TransportContext.truncate(reason, 500), at, by));
    }

    static Optional<ShipmentReturn> get(Connection c, long shipmentId) throws SQLException {
        return Jdbc.one(c, "SELECT r.*, s.number FROM tp_tr_return r JOIN tp_tr_shipment s ON s.id = r.shipment_id "
                + "WHERE r.shipment_id = ?", List.of(shipmentId), rs -> {
                    String outcome = rs.getString("outcome");
                    return new ShipmentReturn(rs.getLong("shipment_id"), rs.getString("number"),
                            ShipmentReturn.Cause.valueOf(rs.getString("cause")), rs.getString("reason"),
                            Sql.getInstant(rs, "started_at"), rs.getString("started_by"),
                            outcome == null ? null : ShipmentReturn.Outcome.valueOf(outcome),
                            Sql.getInstant(rs, "closed_at"), rs.getString("closed_by"), rs.getString("note"),
                            Sql.getLong(rs, "rebooked_as"));
                });
    }

    /** Closes an open return; false if it was closed already (a concurrent close won). */
    static boolean close(Connection c, long shipmentId, ShipmentReturn.Outcome outcome, String note, String by,
            Instant at, Long rebookedAs) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_tr_return SET outcome = ?, note = ?, closed_by = ?, closed_at = ?, "
                + "rebooked_as = ? WHERE shipment_id = ? AND outcome IS NULL", Jdbc.args(outcome,
                        note == null ? null : TransportContext.truncate(note, 500), by, at, rebookedAs, shipmentId)) == 1;
    }
}
