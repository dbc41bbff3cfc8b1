package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfer.Line;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.NodeDesignation;
import org.tongpao.inventory.Transfer;

/** The records of cross-node transfers ({@code tp_inv_xnode_transfer} and its lines): SQL only, no rules. */
final class CrossNodeBook {
    private static final String SELECT = "SELECT x.id AS seq, x.xnode_id, x.xnode_role, x.transfer_id, x.from_node, "
            + "x.to_node, x.from_depot_code, x.to_depot_code, x.item_code, x.quantity, x.transfer_status, "
            + "x.received_quantity, x.damaged_quantity, x.reference, x.dispatched_at, x.received_at "
            + "FROM tp_inv_xnode_transfer x ";

    /** A line's designation by codes (V9; null kind: none). */
    private static final String DESIGNATION = "designation_kind, designation_province, designation_unit_code, "
            + "designation_label";

    private CrossNodeBook() {
    }

    private static NodeDesignation designation(ResultSet rs) throws SQLException {
        String kind = rs.getString("designation_kind");
        return kind == null ? null : new NodeDesignation(Designation.Kind.valueOf(kind),
                rs.getString("designation_province"), rs.getString("designation_unit_code"),
                rs.getString("designation_label"));
    }

    /** A record and where its depots lie, for scope. */
    record Row(long seq, CrossNodeTransfer transfer) {
    }

    static void insert(Connection c, CrossNodeTransfer t, String fromProvince, String toProvince) throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_inv_xnode_transfer (xnode_id, xnode_role, transfer_id, from_node, to_node, "
                + "from_depot_code, to_depot_code, from_province, to_province, item_code, quantity, transfer_status, "
                + "received_quantity, damaged_quantity, reference, dispatched_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)", Arrays.asList(t.id(), t.role().name(),
                        t.transferId(), t.fromNode(), t.toNode(), t.fromDepotCode(), t.toDepotCode(), fromProvince,
                        toProvince, t.itemCode(), t.quantity(), Transfer.Status.IN_TRANSIT.name(), t.reference(),
                        t.dispatchedAt()));
        for (Line l : t.lines()) {
            NodeDesignation d = l.designation();
            Jdbc.update(c, "INSERT INTO tp_inv_xnode_line (xnode_id, line_no, item_code, quantity, expiry_date, origin, "
                    + "source_document, lot, received_quantity, short_quantity, damaged_quantity, " + DESIGNATION
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)", Arrays.asList(t.id(), l.lineNo(),
                            l.itemCode(), l.quantity(), l.expiryDate(), l.origin(), l.sourceDocument(), l.lot(),
                            d == null ? null : d.kind().name(), d == null ? null : d.provinceCode(),
                            d == null ? null : d.orgUnitCode(), d == null ? null : d.label()));
        }
    }

    static CrossNodeTransfer byId(Connection c, String id) throws SQLException {
        return one(c, "WHERE x.xnode_id = ?", id);
    }

    static CrossNodeTransfer byTransfer(Connection c, long transferId) throws SQLException {
        return one(c, "WHERE x.transfer_id = ?", transferId);
    }

    private static CrossNodeTransfer one(Connection c, String where, Object arg) throws SQLException {
        Row row = Jdbc.one(c, SELECT + where, List.of(arg), CrossNodeBook::header).orElse(null);
        return row == null ? null : withLines(c, row.transfer());
    }

    private static Row header(ResultSet rs) throws SQLException {
        long transferId = rs.getLong("transfer_id");
        return new Row(rs.getLong("seq"), new CrossNodeTransfer(rs.getString("xnode_id"),
                CrossNodeTransfer.Role.valueOf(rs.getString("xnode_role")), rs.wasNull() ? null : transferId,
                rs.getString("from_node"), rs.getString("to_node"), rs.getString("from_depot_code"),
                rs.getString("to_depot_code"), rs.getString("item_code"), rs.getLong("quantity"),
                Transfer.Status.valueOf(rs.getString("transfer_status")), rs.getLong("received_quantity"),
                rs.getLong("damaged_quantity"), rs.getString("reference"), Sql.getInstant(rs, "dispatched_at"),
                Sql.getInstant(rs, "received_at"), List.of()));
    }

    private static CrossNodeTransfer withLines(Connection c, CrossNodeTransfer t) throws SQLException {
        List<Line> lines = Jdbc.query(c, "SELECT line_no, item_code, quantity, expiry_date, origin, source_document, "
                + "lot, received_quantity, short_quantity, damaged_quantity, " + DESIGNATION + " FROM tp_inv_xnode_line "
                + "WHERE xnode_id = ? ORDER BY line_no", List.of(t.id()), rs -> new Line(rs.getInt("line_no"),
                        rs.getString("item_code"), rs.getLong("quantity"), Jdbc.localDate(rs, "expiry_date"),
                        rs.getString("origin"), rs.getString("source_document"), rs.getString("lot"),
                        rs.getLong("received_quantity"), rs.getLong("short_quantity"), rs.getLong("damaged_quantity"),
                        designation(rs)));
        return new CrossNodeTransfer(t.id(), t.role(), t.transferId(), t.fromNode(), t.toNode(), t.fromDepotCode(),
                t.toDepotCode(), t.itemCode(), t.quantity(), t.status(), t.receivedQuantity(), t.damagedQuantity(),
                t.reference(), t.dispatchedAt(), t.receivedAt(), lines);
    }

    /**
     * Records the receiver's counts and closes the record; false when it was closed already (the status flip is
     * the guard against a second receipt racing this one).
     */
    static boolean markReceived(Connection c, String id, List<Line> counted, Instant receivedAt) throws SQLException {
        long received = counted.stream().mapToLong(Line::receivedQuantity).sum();
        long damaged = counted.stream().mapToLong(Line::damagedQuantity).sum();
        if (Jdbc.update(c, "UPDATE tp_inv_xnode_transfer SET transfer_status = ?, received_quantity = ?, "
                + "damaged_quantity = ?, received_at = ? WHERE xnode_id = ? AND transfer_status = ?",
                List.of(Transfer.Status.RECEIVED.name(), received, damaged, receivedAt, id,
                        Transfer.Status.IN_TRANSIT.name())) != 1) {
            return false;
        }
        for (Line l : counted) {
            Jdbc.update(c, "UPDATE tp_inv_xnode_line SET received_quantity = ?, short_quantity = ?, damaged_quantity = ? "
                    + "WHERE xnode_id = ? AND line_no = ?", List.of(l.receivedQuantity(), l.shortQuantity(),
                            l.damagedQuantity(), id, l.lineNo()));
        }
        return true;
    }

    /**
     * The records whose sending or receiving depot the caller reads, oldest first, by status when given and by the
     * province of either depot when given.
     */
    static Page<CrossNodeTransfer> list(Connection c, Caller caller, String province, Transfer.Status status, int limit,
            String cursor) throws SQLException {
        int n = Paging.limit(limit);
        StringBuilder where = new StringBuilder("WHERE x.id > ?");
        List<Object> params = new ArrayList<>(List.of(Paging.after(cursor)));
        if (province != null) {
            where.append(" AND (x.from_province = ? OR x.to_province = ?)");
            params.add(province);
            params.add(province);
        }
        switch (ScopeRules.readReach(caller)) {
            case ALL -> { }
            case PROVINCE -> {
                where.append(" AND (x.from_province = ? OR x.to_province = ?)");
                params.add(caller.provinceCode());
                params.add(caller.provinceCode());
            }
            case DEPOT -> {
                where.append(" AND (x.from_depot_code = ? OR x.to_depot_code = ?)");
                params.add(caller.depotCode());
                params.add(caller.depotCode());
            }
            default -> {
                return new Page<>(List.of(), null);
            }
        }
        if (status != null) {
            where.append(" AND x.transfer_status = ?");
            params.add(status.name());
        }
        List<Row> rows = Jdbc.query(c, SELECT + where + Paging.orderAndFetch("x.id", n), params, CrossNodeBook::header);
        Page<Row> page = Paging.page(rows, n, Row::seq);
        List<CrossNodeTransfer> items = new ArrayList<>();
        for (Row r : page.items()) {
            items.add(withLines(c, r.transfer()));
        }
        return new Page<>(items, page.nextCursor());
    }
}
