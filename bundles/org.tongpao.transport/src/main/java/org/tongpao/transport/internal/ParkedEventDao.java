package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.transport.UnmatchedEvent;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/**
 * SQL of {@code tp_tr_parked_event}: tracking pushed for a waybill no shipment has yet (its booking answer is still
 * on its way), kept until a booking returns that waybill.
 */
final class ParkedEventDao {
    private ParkedEventDao() {
    }

    /** An event waiting for its waybill's booking to be stored. */
    record Parked(long id, TrackingEvent event, String source, String recordedBy) {
    }

    static void park(Connection c, String carrierId, TrackingEvent e, String source, String actor, Instant now)
            throws SQLException {
        List<Object> args = Jdbc.args(carrierId, e.waybill());
        args.addAll(TimelineDao.eventColumns(e));
        args.addAll(List.of(source, actor, now));
        Jdbc.update(c, "INSERT INTO tp_tr_parked_event (carrier_id, waybill, status, event_at, location, note, "
                + "pod_received_by, pod_received_at, pod_reference, source, recorded_by, parked_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", args);
    }

    static List<Parked> parked(Connection c, String carrierId, String waybill) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_tr_parked_event WHERE carrier_id = ? AND waybill = ? ORDER BY event_at, id",
                List.of(carrierId, waybill), rs -> new Parked(rs.getLong("id"), new TrackingEvent(waybill,
                        TrackingStatus.valueOf(rs.getString("status")), Sql.getInstant(rs, "event_at"),
                        rs.getString("location"), rs.getString("note"), TimelineDao.proof(rs)),
                        rs.getString("source"), rs.getString("recorded_by")));
    }

    static void unpark(Connection c, List<Parked> parked) throws SQLException {
        Jdbc.batch(c, "DELETE FROM tp_tr_parked_event WHERE id = ?", parked.stream().map(p -> List.of(p.id())).toList());
    }

    static long count(Connection c, String carrierId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_tr_parked_event WHERE carrier_id = ?", List.of(carrierId));
    }

    /** Events still waiting, oldest first after {@code afterId}; {@code carrierId} null: every carrier's. */
    static List<UnmatchedEvent> list(Connection c, String carrierId, long afterId, String tail) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_tr_parked_event WHERE id > ?" + (carrierId == null ? "" : " AND carrier_id = ?")
                + " " + tail, carrierId == null ? List.of(afterId) : List.of(afterId, carrierId),
                rs -> new UnmatchedEvent(rs.getLong("id"), rs.getString("carrier_id"), rs.getString("waybill"),
                        TrackingStatus.valueOf(rs.getString("status")), Sql.getInstant(rs, "event_at"),
                        rs.getString("location"), rs.getString("note"), rs.getString("source"),
                        rs.getString("recorded_by"), Sql.getInstant(rs, "parked_at")));
    }
}
