package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.api.TransportMode;

/** SQL of {@code tp_tr_shipment} and its SLA flags ({@code tp_tr_sla_flag}). */
final class ShipmentDao {
    static final String LABEL = "Shipment";
    /** Shipments still moving: the SLA clock runs and tracking is pulled. */
    static final String OPEN = "status IN ('BOOKED','ACCEPTED','DISPATCHED','PICKED_UP','IN_TRANSIT','AT_CHECKPOINT',"
            + "'EXCEPTION')";
    /** Shipments whose SLA clock runs: open ones, and those a carrier's own cancellation or return sends back. */
    static final String SLA_RUNNING = "(" + OPEN + " OR return_cause = 'CARRIER')";
    /** A promise overdue and not kept; three instant arguments (now). */
    static final String BREACHED = "((accepted_at IS NULL AND accept_due <= ?) OR (picked_up_at IS NULL AND pickup_due <= ?)"
            + " OR (delivered_at IS NULL AND delivery_due <= ?))";
    /** A promise in its last fifth; three instant arguments (now). */
    static final String AT_RISK = "((accepted_at IS NULL AND accept_warn <= ?) OR (picked_up_at IS NULL AND pickup_warn <= ?)"
            + " OR (delivered_at IS NULL AND delivery_warn <= ?))";

    private ShipmentDao() {
    }

    static long insert(Connection c, ShipmentRow r) throws SQLException {
        ShipmentRow.Route route = r.route();
        ShipmentRow.Cargo cargo = r.cargo();
        return Jdbc.insert(c, "INSERT INTO tp_tr_shipment (number, batch_id, batch_number, "
                + "from_depot_id, from_depot_code, from_province, to_depot_id, to_depot_code, to_province, to_org_unit_id, "
                + "to_org_unit_code, key_area, key_area_label, carrier_id, status, failure, packages, weight_kg, "
                + "transport_mode, deliver_by, notes, created_by, created_at, updated_at, version) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
                Jdbc.args(r.number(), route.batchId(), route.batchNumber(), route.from().depotId(),
                        route.from().depotCode(), route.from().province(),
                        route.to().isUnit() ? null : route.to().depotId(), route.to().depotCode(), route.to().province(),
                        route.to().orgUnitId(), route.to().orgUnitCode(), route.keyArea(), route.keyAreaLabel(), r.carrierId(), r.status(),
                        r.failure(), cargo.packages(), cargo.weightKg(), cargo.mode(), cargo.deliverBy(), cargo.notes(),
                        r.stamp().createdBy(), r.stamp().createdAt(), r.stamp().updatedAt()));
    }

    static void setNumber(Connection c, long id, String number) throws SQLException {
        Jdbc.update(c, "UPDATE tp_tr_shipment SET number = ? WHERE id = ?", List.of(number, id));
    }

    static ShipmentRow get(Connection c, long id) throws SQLException {
        return query(c, "id = ?", List.of(id), "").stream().findFirst()
                .orElseThrow(() -> new NotFoundException(LABEL, id));
    }

    static Optional<ShipmentRow> byWaybill(Connection c, String carrierId, String waybill) throws SQLException {
        return query(c, "carrier_id = ? AND waybill = ?", List.of(carrierId, waybill), "").stream().findFirst();
    }

    static List<ShipmentRow> query(Connection c, String where, List<?> args, String tail) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_tr_shipment WHERE " + where + " " + tail, args, ShipmentDao::row);
    }

    private static ShipmentRow row(ResultSet rs) throws SQLException {
        String mode = rs.getString("transport_mode");
        ShipmentRow.Route route = new ShipmentRow.Route(Sql.getLong(rs, "batch_id"), rs.getString("batch_number"),
                new ShipmentRow.End(rs.getLong("from_depot_id"), rs.getString("from_depot_code"), rs.getString("from_province")),
                new ShipmentRow.End(rs.getLong("to_depot_id"), rs.getString("to_depot_code"), rs.getString("to_province"),
                        Sql.getLong(rs, "to_org_unit_id"), rs.getString("to_org_unit_code")),
                rs.getBoolean("key_area"), rs.getString("key_area_label"));
        ShipmentRow.Cargo cargo = new ShipmentRow.Cargo(rs.getInt("packages"), rs.getBigDecimal("weight_kg"),
                mode == null ? null : TransportMode.valueOf(mode), Sql.getInstant(rs, "deliver_by"), rs.getString("notes"));
        return new ShipmentRow(rs.getLong("id"), rs.getString("number"), route, rs.getString("carrier_id"),
                rs.getString("waybill"), ShipmentStatus.valueOf(rs.getString("status")), rs.getString("failure"), cargo,
                terms(rs), new SlaClock.Progress(Sql.getInstant(rs, "accepted_at"), Sql.getInstant(rs, "picked_up_at"),
                        Sql.getInstant(rs, "delivered_at")),
                TimelineDao.proof(rs), new ShipmentRow.Handover(Sql.getInstant(rs, "dispatched_at"),
                        rs.getString("dispatched_by"), Sql.getInstant(rs, "received_at"), rs.getString("received_by")),
                pass(rs), new ShipmentRow.Stamp(rs.getString("created_by"), Sql.getInstant(rs, "created_at"),
                        Sql.getInstant(rs, "updated_at"), rs.getLong("version")), rs.getString("return_cause"));
    }

    private static ShipmentRow.Terms terms(ResultSet rs) throws SQLException {
        Instant booked = Sql.getInstant(rs, "booked_at");
        SlaClock.Deadlines d = booked == null ? null : new SlaClock.Deadlines(
                new SlaClock.Window(Sql.getInstant(rs, "accept_due"), Sql.getInstant(rs, "accept_warn")),
                new SlaClock.Window(Sql.getInstant(rs, "pickup_due"), Sql.getInstant(rs, "pickup_warn")),
                new SlaClock.Window(Sql.getInstant(rs, "delivery_due"), Sql.getInstant(rs, "delivery_warn")));
        return new ShipmentRow.Terms(rs.getBigDecimal("quoted_price"), rs.getString("quoted_currency"), booked, d);
    }

    private static EntryPass pass(ResultSet rs) throws SQLException {
        String number = rs.getString("pass_number");
        return number == null ? null : new EntryPass(number, rs.getString("pass_authority"),
                Sql.getInstant(rs, "pass_valid_from"), Sql.getInstant(rs, "pass_valid_until"),
                rs.getString("pass_vehicle"), rs.getString("pass_driver"));
    }

    /**
     * Runs a guarded update: {@code set} with its args, then id and version; false if the row moved on. Every
     * change goes through here, so the SLA watch's next moment is kept with it ({@link #refreshNextDeadline}).
     */
    static boolean update(Connection c, ShipmentRow before, String set, Object... args) throws SQLException {
        List<Object> all = Jdbc.args(args);
        all.addAll(List.of(Sql.now(), before.id(), before.version()));
        if (Jdbc.update(c, "UPDATE tp_tr_shipment SET " + set
                + ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", all) != 1) {
            return false;
        }
        refreshNextDeadline(c, get(c, before.id()));
        return true;
    }

    /** Stores when the SLA watch must next look at the shipment (null: nothing owed any more). */
    static void refreshNextDeadline(Connection c, ShipmentRow r) throws SQLException {
        Instant next = r.terms().deadlines() == null ? null
                : SlaClock.nextAlert(r.terms().deadlines(), r.progress(), r.slaRunning(), flags(c, r.id()));
        Jdbc.update(c, "UPDATE tp_tr_shipment SET next_deadline = ? WHERE id = ?", Jdbc.args(next, r.id()));
    }

    /** The SLA flags raised for a shipment, as {@code MILESTONE:LEVEL}. */
    static Set<String> flags(Connection c, long shipmentId) throws SQLException {
        return new HashSet<>(Jdbc.query(c, "SELECT milestone, flag_level FROM tp_tr_sla_flag WHERE shipment_id = ?",
                List.of(shipmentId), rs -> rs.getString(1) + ":" + rs.getString(2)));
    }

    /** Shipments the SLA watch must look at by {@code now}, through the next-deadline index. */
    static List<ShipmentRow> dueForAlerts(Connection c, Instant now) throws SQLException {
        return query(c, "next_deadline <= ?", List.of(now), "ORDER BY next_deadline");
    }

    /** Raises an SLA flag once; true if it is new. */
    static boolean flag(Connection c, long shipmentId, String milestone, String level, Instant at) throws SQLException {
        List<Object> key = Jdbc.args(shipmentId, milestone, level);
        if (Jdbc.count(c, "SELECT COUNT(*) FROM tp_tr_sla_flag WHERE shipment_id = ? AND milestone = ? AND flag_level = ?",
                key) > 0) {
            return false;
        }
        key.add(at);
        Jdbc.update(c, "INSERT INTO tp_tr_sla_flag (shipment_id, milestone, flag_level, flagged_at) VALUES (?,?,?,?)", key);
        return true;
    }
}
