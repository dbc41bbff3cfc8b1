package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.persistence.Sql;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/** SQL of {@code tp_tr_parked_event}: tracking pushed for a waybill whose booking answer is still on its way. */
final class ParkedEventDao {
    private ParkedEventDao() {
    }

    /** An event waiting for its waybill's booking to be stored. */
    record Parked(long id, TrackingEvent event, String source, String recordedBy) {
    }

    static void park(Connection c, String carrierId, TrackingEvent e, String source, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_tr_parked_event (carrier_id, waybill, status, "
                + "event_at, location, note, pod_received_by, pod_received_at, pod_reference, source, recorded_by, parked_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            List<Object> args = new ArrayList<>(List.of(carrierId, e.waybill()));
            args.addAll(TimelineDao.eventColumns(e));
            ShipmentDao.bind(ps, args, source, actor, now);
            ps.executeUpdate();
        }
    }

    static List<Parked> parked(Connection c, String carrierId, String waybill) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM tp_tr_parked_event WHERE carrier_id = ? AND waybill = ? ORDER BY event_at, id")) {
            ShipmentDao.bind(ps, List.of(carrierId, waybill));
            try (ResultSet rs = ps.executeQuery()) {
                List<Parked> out = new ArrayList<>();
                while (rs.next()) {
                    TrackingEvent e = new TrackingEvent(waybill, TrackingStatus.valueOf(rs.getString("status")),
                            Sql.getInstant(rs, "event_at"), rs.getString("location"), rs.getString("note"),
                            TimelineDao.proof(rs));
                    out.add(new Parked(rs.getLong("id"), e, rs.getString("source"), rs.getString("recorded_by")));
                }
                return out;
            }
        }
    }

    static void unpark(Connection c, List<Parked> parked) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tp_tr_parked_event WHERE id = ?")) {
            for (Parked p : parked) {
                ps.setLong(1, p.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static int dropParkedBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tp_tr_parked_event WHERE parked_at < ?")) {
            Sql.setInstant(ps, 1, before);
            return ps.executeUpdate();
        }
    }
}
