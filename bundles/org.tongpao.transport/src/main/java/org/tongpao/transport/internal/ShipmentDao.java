package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Sql;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.api.TransportMode;

/** SQL of {@code tp_tr_shipment} and {@code tp_tr_event}. */
final class ShipmentDao {
    static final String LABEL = "Shipment";

    private ShipmentDao() {
    }

    /** A shipment row as stored; {@link JdbcTransportService} adds what is evaluated on read. */
    record Row(long id, String number, Long batchId, String batchNumber, long fromDepotId, String fromDepotCode,
            String fromProvince, long toDepotId, String toDepotCode, String toProvince, boolean keyArea,
            String keyAreaLabel, String carrierId, String waybill, ShipmentStatus status, String failure, int packages,
            java.math.BigDecimal weightKg, TransportMode mode, Instant deliverBy, String notes,
            java.math.BigDecimal quotedPrice, String quotedCurrency, Instant bookedAt,
            SlaClock.Deadlines deadlines, Instant acceptedAt, Instant pickedUpAt, Instant deliveredAt,
            Instant dispatchedAt, String dispatchedBy, Instant receivedAt, String receivedBy, ProofOfDelivery proof,
            EntryPass pass, String createdBy, Instant createdAt, Instant updatedAt, long version) {

        SlaClock.Progress progress() {
            return new SlaClock.Progress(acceptedAt, pickedUpAt, deliveredAt);
        }
    }

    static long insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_tr_shipment (number, batch_id, batch_number, "
                + "from_depot_id, from_depot_code, from_province, to_depot_id, to_depot_code, to_province, key_area, "
                + "key_area_label, carrier_id, status, failure, packages, weight_kg, transport_mode, deliver_by, notes, "
                + "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.number());
            Sql.setLong(ps, 2, r.batchId());
            ps.setString(3, r.batchNumber());
            ps.setLong(4, r.fromDepotId());
            ps.setString(5, r.fromDepotCode());
            ps.setString(6, r.fromProvince());
            ps.setLong(7, r.toDepotId());
            ps.setString(8, r.toDepotCode());
            ps.setString(9, r.toProvince());
            ps.setBoolean(10, r.keyArea());
            ps.setString(11, r.keyAreaLabel());
            ps.setString(12, r.carrierId());
            ps.setString(13, r.status().name());
            ps.setString(14, r.failure());
            ps.setInt(15, r.packages());
            ps.setBigDecimal(16, r.weightKg());
            ps.setString(17, r.mode() == null ? null : r.mode().name());
            Sql.setInstant(ps, 18, r.deliverBy());
            ps.setString(19, r.notes());
            ps.setString(20, r.createdBy());
            Sql.setInstant(ps, 21, r.createdAt());
            Sql.setInstant(ps, 22, r.updatedAt());
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
    }

    static void setNumber(Connection c, long id, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tp_tr_shipment SET number = ? WHERE id = ?")) {
            ps.setString(1, number);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static Row get(Connection c, long id) throws SQLException {
        List<Row> rows = query(c, "id = ?", List.of(id), "");
        if (rows.isEmpty()) {
            throw new NotFoundException(LABEL, id);
        }
        return rows.get(0);
    }

    static java.util.Optional<Row> byWaybill(Connection c, String carrierId, String waybill) throws SQLException {
        List<Row> rows = query(c, "carrier_id = ? AND waybill = ?", List.of(carrierId, waybill), "");
        return rows.stream().findFirst();
    }

    static List<Row> query(Connection c, String where, List<Object> args, String tail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tp_tr_shipment WHERE " + where + " " + tail)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String mode = rs.getString("transport_mode");
        String podBy = rs.getString("pod_received_by");
        String passNo = rs.getString("pass_number");
        Instant booked = Sql.getInstant(rs, "booked_at");
        SlaClock.Deadlines d = booked == null ? null : new SlaClock.Deadlines(
                new SlaClock.Window(Sql.getInstant(rs, "accept_due"), Sql.getInstant(rs, "accept_warn")),
                new SlaClock.Window(Sql.getInstant(rs, "pickup_due"), Sql.getInstant(rs, "pickup_warn")),
                new SlaClock.Window(Sql.getInstant(rs, "delivery_due"), Sql.getInstant(rs, "delivery_warn")));
        return new Row(rs.getLong("id"), rs.getString("number"), Sql.getLong(rs, "batch_id"), rs.getString("batch_number"),
                rs.getLong("from_depot_id"), rs.getString("from_depot_code"), rs.getString("from_province"),
                rs.getLong("to_depot_id"), rs.getString("to_depot_code"), rs.getString("to_province"),
                rs.getBoolean("key_area"), rs.getString("key_area_label"), rs.getString("carrier_id"),
                rs.getString("waybill"), ShipmentStatus.valueOf(rs.getString("status")), rs.getString("failure"),
                rs.getInt("packages"), rs.getBigDecimal("weight_kg"), mode == null ? null : TransportMode.valueOf(mode),
                Sql.getInstant(rs, "deliver_by"), rs.getString("notes"), rs.getBigDecimal("quoted_price"),
                rs.getString("quoted_currency"), booked, d, Sql.getInstant(rs, "accepted_at"),
                Sql.getInstant(rs, "picked_up_at"), Sql.getInstant(rs, "delivered_at"),
                Sql.getInstant(rs, "dispatched_at"), rs.getString("dispatched_by"), Sql.getInstant(rs, "received_at"),
                rs.getString("received_by"),
                podBy == null ? null : new ProofOfDelivery(podBy, Sql.getInstant(rs, "pod_received_at"), rs.getString("pod_reference")),
                passNo == null ? null : new EntryPass(passNo, rs.getString("pass_authority"),
                        Sql.getInstant(rs, "pass_valid_from"), Sql.getInstant(rs, "pass_valid_until"),
                        rs.getString("pass_vehicle"), rs.getString("pass_driver")),
                rs.getString("created_by"), Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"),
                rs.getLong("version"));
    }

    /** Runs a guarded update: {@code set} with its args, then id and version; false if the row moved on. */
    static boolean update(Connection c, Row before, String set, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tp_tr_shipment SET " + set
                + ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            int i = 1;
            for (Object a : args) {
                if (a instanceof Instant t) {
                    Sql.setInstant(ps, i++, t);
                } else if (a instanceof Enum<?> e) {
                    ps.setString(i++, e.name());
                } else {
                    ps.setObject(i++, a);
                }
            }
            Sql.setInstant(ps, i++, Sql.now());
            ps.setLong(i++, before.id());
            ps.setLong(i, before.version());
            return ps.executeUpdate() == 1;
        }
    }

    static boolean eventExists(Connection c, long shipmentId, TrackingEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM tp_tr_event WHERE shipment_id = ? AND status = ? AND event_at = ?")) {
            ps.setLong(1, shipmentId);
            ps.setString(2, e.status().name());
            Sql.setInstant(ps, 3, e.at());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void insertEvent(Connection c, long shipmentId, TrackingEvent e, String source, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_tr_event (shipment_id, status, event_at, "
                + "location, note, pod_received_by, pod_received_at, pod_reference, source, recorded_by, recorded_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, shipmentId);
            ps.setString(2, e.status().name());
            Sql.setInstant(ps, 3, e.at());
            ps.setString(4, e.location());
            ps.setString(5, e.note());
            ps.setString(6, e.proof() == null ? null : e.proof().receivedBy());
            Sql.setInstant(ps, 7, e.proof() == null ? null : e.proof().receivedAt());
            ps.setString(8, e.proof() == null ? null : e.proof().reference());
            ps.setString(9, source);
            ps.setString(10, actor);
            Sql.setInstant(ps, 11, Sql.now());
            ps.executeUpdate();
        }
    }

    /** The timeline in the order things happened (then in the order they were recorded). */
    static List<ShipmentEvent> events(Connection c, long shipmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM tp_tr_event WHERE shipment_id = ? ORDER BY event_at, id")) {
            ps.setLong(1, shipmentId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ShipmentEvent> out = new ArrayList<>();
                while (rs.next()) {
                    String podBy = rs.getString("pod_received_by");
                    out.add(new ShipmentEvent(rs.getLong("id"), TrackingStatus.valueOf(rs.getString("status")),
                            Sql.getInstant(rs, "event_at"), rs.getString("location"), rs.getString("note"),
                            podBy == null ? null : new ProofOfDelivery(podBy, Sql.getInstant(rs, "pod_received_at"),
                                    rs.getString("pod_reference")),
                            rs.getString("source"), rs.getString("recorded_by"), Sql.getInstant(rs, "recorded_at")));
                }
                return out;
            }
        }
    }

    /** Raises an SLA flag once; true if it is new. */
    static boolean flag(Connection c, long shipmentId, String milestone, String level, Instant at) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM tp_tr_sla_flag WHERE shipment_id = ? AND milestone = ? AND flag_level = ?")) {
            q.setLong(1, shipmentId);
            q.setString(2, milestone);
            q.setString(3, level);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tp_tr_sla_flag (shipment_id, milestone, flag_level, flagged_at) VALUES (?,?,?,?)")) {
            ps.setLong(1, shipmentId);
            ps.setString(2, milestone);
            ps.setString(3, level);
            Sql.setInstant(ps, 4, at);
            ps.executeUpdate();
            return true;
        }
    }

    /** An event waiting for its waybill's booking to be stored. */
    record Parked(long id, TrackingEvent event, String source, String recordedBy) {
    }

    static void park(Connection c, String carrierId, TrackingEvent e, String source, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_tr_parked_event (carrier_id, waybill, status, "
                + "event_at, location, note, pod_received_by, pod_received_at, pod_reference, source, recorded_by, parked_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, carrierId);
            ps.setString(2, e.waybill());
            ps.setString(3, e.status().name());
            Sql.setInstant(ps, 4, e.at());
            ps.setString(5, e.location());
            ps.setString(6, e.note());
            ps.setString(7, e.proof() == null ? null : e.proof().receivedBy());
            Sql.setInstant(ps, 8, e.proof() == null ? null : e.proof().receivedAt());
            ps.setString(9, e.proof() == null ? null : e.proof().reference());
            ps.setString(10, source);
            ps.setString(11, actor);
            Sql.setInstant(ps, 12, now);
            ps.executeUpdate();
        }
    }

    static List<Parked> parked(Connection c, String carrierId, String waybill) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM tp_tr_parked_event WHERE carrier_id = ? AND waybill = ? ORDER BY event_at, id")) {
            ps.setString(1, carrierId);
            ps.setString(2, waybill);
            try (ResultSet rs = ps.executeQuery()) {
                List<Parked> out = new ArrayList<>();
                while (rs.next()) {
                    String podBy = rs.getString("pod_received_by");
                    TrackingEvent e = new TrackingEvent(waybill, TrackingStatus.valueOf(rs.getString("status")),
                            Sql.getInstant(rs, "event_at"), rs.getString("location"), rs.getString("note"),
                            podBy == null ? null : new ProofOfDelivery(podBy, Sql.getInstant(rs, "pod_received_at"),
                                    rs.getString("pod_reference")));
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
