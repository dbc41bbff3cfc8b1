package org.tongpao.transport.passes.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;

/** SQL of {@code tp_pass_pass} and {@code tp_pass_token}. Statuses are evaluated by the caller, not stored. */
final class PassDao {

    /** A printed copy looked up by its code's hash, with the pass it belongs to. */
    record Copy(Pass pass, Instant supersededAt) {
    }

    private PassDao() {
    }

    static long insert(Connection c, Pass p) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_pass_pass (shipment_id, shipment_number, area_kind, area_ref, area_name, "
                + "valid_from, valid_until, vehicle_plate, authority, issued_by, issued_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Jdbc.args(p.shipmentId(), p.shipmentNumber(),
                        p.areaKind(), p.areaRef(), p.area(), p.validFrom(), p.validUntil(), p.vehiclePlate(),
                        p.authority(), p.issuedBy(), p.issuedAt()));
    }

    static Optional<Pass> get(Connection c, long shipmentId, long id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_pass_pass WHERE id = ? AND shipment_id = ?", List.of(id, shipmentId),
                PassDao::row);
    }

    /** A page of a shipment's passes, oldest first. */
    static List<Pass> ofShipment(Connection c, long shipmentId, long afterId, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_pass_pass WHERE shipment_id = ? AND id > ? "
                + Paging.orderAndFetch("id", limit), List.of(shipmentId, afterId), PassDao::row);
    }

    /**
     * Every pass of a shipment, oldest first, read under shared locks that last to the end of the caller's transaction:
     * a revocation (or a new print-out) of one of them waits until that transaction ends, and one already under way
     * is waited for and seen.
     */
    static List<Pass> ofShipmentLocked(Connection c, long shipmentId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_pass_pass WHERE shipment_id = ? ORDER BY id" + Sql.sharedLock(c),
                List.of(shipmentId), PassDao::row);
    }

    static Optional<Copy> copy(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(c, "SELECT p.*, t.superseded_at FROM tp_pass_token t JOIN tp_pass_pass p ON p.id = t.pass_id "
                + "WHERE t.token_hash = ?", List.of(tokenHash), rs -> new Copy(row(rs),
                        Sql.getInstant(rs, "superseded_at")));
    }

    /** Records a new print-out: the copy count goes up (if the pass is unchanged and not revoked). */
    static boolean countCopy(Connection c, Pass p) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_pass_pass SET copies = copies + 1, version = version + 1 "
                + "WHERE id = ? AND version = ? AND revoked_at IS NULL", List.of(p.id(), p.version())) == 1;
    }

    /** Supersedes every earlier copy's code and stores the new one's hash. */
    static void replaceToken(Connection c, long passId, String tokenHash, int copyNo, String by, Instant at)
            throws SQLException {
        Jdbc.update(c, "UPDATE tp_pass_token SET superseded_at = ? WHERE pass_id = ? AND superseded_at IS NULL",
                Jdbc.args(at, passId));
        Jdbc.update(c, "INSERT INTO tp_pass_token (token_hash, pass_id, copy_no, printed_by, printed_at) "
                + "VALUES (?, ?, ?, ?, ?)", Jdbc.args(tokenHash, passId, copyNo, by, at));
    }

    static boolean revoke(Connection c, long id, String by, String reason, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE tp_pass_pass SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, "
                + "version = version + 1 WHERE id = ? AND revoked_at IS NULL", Jdbc.args(at, by, reason, id)) == 1;
    }

    private static Pass row(ResultSet rs) throws SQLException {
        return new Pass(rs.getLong("id"), rs.getLong("shipment_id"), rs.getString("shipment_number"),
                AreaKind.valueOf(rs.getString("area_kind")), rs.getString("area_ref"), rs.getString("area_name"),
                Sql.getInstant(rs, "valid_from"), Sql.getInstant(rs, "valid_until"), rs.getString("vehicle_plate"),
                rs.getString("authority"), rs.getString("issued_by"), Sql.getInstant(rs, "issued_at"),
                rs.getInt("copies"), Sql.getInstant(rs, "revoked_at"), rs.getString("revoked_by"),
                rs.getString("revoke_reason"), null, rs.getLong("version"));
    }
}
