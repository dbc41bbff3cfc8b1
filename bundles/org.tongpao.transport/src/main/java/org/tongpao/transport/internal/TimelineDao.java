package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/** SQL of a shipment's timeline, {@code tp_tr_event} (append-only). */
final class TimelineDao {
    private TimelineDao() {
    }

    static boolean eventExists(Connection c, long shipmentId, TrackingEvent e) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_tr_event WHERE shipment_id = ? AND status = ? AND event_at = ?",
                List.of(shipmentId, e.status(), e.at())) > 0;
    }

    static void insertEvent(Connection c, long shipmentId, TrackingEvent e, String source, String actor)
            throws SQLException {
        List<Object> args = Jdbc.args(shipmentId);
        args.addAll(eventColumns(e));
        args.addAll(List.of(source, actor, Sql.now()));
        Jdbc.update(c, "INSERT INTO tp_tr_event (shipment_id, status, event_at, location, note, pod_received_by, "
                + "pod_received_at, pod_reference, source, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", args);
    }

    /** The timeline in the order things happened (then in the order they were recorded). */
    static List<ShipmentEvent> events(Connection c, long shipmentId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_tr_event WHERE shipment_id = ? ORDER BY event_at, id", List.of(shipmentId),
                rs -> new ShipmentEvent(rs.getLong("id"), TrackingStatus.valueOf(rs.getString("status")),
                        Sql.getInstant(rs, "event_at"), rs.getString("location"), rs.getString("note"), proof(rs),
                        rs.getString("source"), rs.getString("recorded_by"), Sql.getInstant(rs, "recorded_at")));
    }

    /** An event's status, time, location, note and proof columns, in that order (as both event tables store them). */
    static List<Object> eventColumns(TrackingEvent e) {
        ProofOfDelivery p = e.proof();
        return Jdbc.args(e.status(), e.at(), e.location(), e.note(), p == null ? null : p.receivedBy(),
                p == null ? null : p.receivedAt(), p == null ? null : p.reference());
    }

    /** The proof of delivery in the {@code pod_*} columns, or null. */
    static ProofOfDelivery proof(ResultSet rs) throws SQLException {
        String by = rs.getString("pod_received_by");
        return by == null ? null : new ProofOfDelivery(by, Sql.getInstant(rs, "pod_received_at"),
                rs.getString("pod_reference"));
    }
}
