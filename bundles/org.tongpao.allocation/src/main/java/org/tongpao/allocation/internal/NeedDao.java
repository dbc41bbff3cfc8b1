package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL for needs and key areas. */
final class NeedDao {
    static final String COLUMNS = "id, org_unit_id, unit_code, province_code, unit_path, item_id, category_code, "
            + "quantity, allocated, received, urgency, front_line, key_area, key_area_label, needed_by, justification, "
            + "days_of_cover, receiving_depot_id, state, created_by, created_at, updated_at, version, source, deliver_to_unit";

    private NeedDao() {
    }

    /** A need row with the stored unit path (the API record does not carry it). */
    record Row(Need need, String unitPath) {
    }

    static long insert(Connection c, Need n, String unitPath) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_alloc_need (org_unit_id, unit_code, province_code, unit_path, item_id, "
                + "category_code, quantity, allocated, received, urgency, front_line, key_area, key_area_label, needed_by, "
                + "justification, days_of_cover, receiving_depot_id, state, created_by, created_at, updated_at, version, "
                + "deliver_to_unit) VALUES (?,?,?,?,?,?,?,0,0,?,?,?,?,?,?,?,?,?,?,?,?,1,?)", Jdbc.args(n.orgUnitId(),
                        n.unitCode(), n.provinceCode(), unitPath, n.itemId(), n.categoryCode(), n.quantity(), n.urgency(),
                        n.frontLine(), n.keyArea(), n.keyAreaLabel(), n.neededBy(), n.justification(),
                        n.daysOfCoverLeft(), n.receivingDepotId(), NeedState.OPEN, n.createdBy(), n.createdAt(),
                        n.createdAt(), n.deliverToUnit()));
    }

    /** Stores a replicated need as it stands on its node (its quantities, state and version included). */
    static long insertReplica(Connection c, Need n, String unitPath) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_alloc_need (org_unit_id, unit_code, province_code, unit_path, item_id, "
                + "category_code, quantity, allocated, received, urgency, front_line, key_area, key_area_label, needed_by, "
                + "justification, days_of_cover, receiving_depot_id, state, created_by, created_at, updated_at, version, "
                + "source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Jdbc.args(n.orgUnitId(),
                        n.unitCode(), n.provinceCode(), unitPath, n.itemId(), n.categoryCode(), n.quantity(),
                        n.allocated(), n.received(), n.urgency(), n.frontLine(), n.keyArea(), n.keyAreaLabel(),
                        n.neededBy(), n.justification(), n.daysOfCoverLeft(), n.receivingDepotId(), n.state(),
                        n.createdBy(), n.createdAt(), n.updatedAt(), n.version(), n.source()));
    }

    /** Stores a need of this node restored by a rebuild under its own id, as it stood (no source: it is this node's). */
    static void insertRestored(Connection c, long id, Need n, String unitPath) throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_alloc_need (id, org_unit_id, unit_code, province_code, unit_path, item_id, "
                + "category_code, quantity, allocated, received, urgency, front_line, key_area, key_area_label, needed_by, "
                + "justification, days_of_cover, receiving_depot_id, state, created_by, created_at, updated_at, version, "
                + "deliver_to_unit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Jdbc.args(id,
                        n.orgUnitId(), n.unitCode(), n.provinceCode(), unitPath, n.itemId(), n.categoryCode(),
                        n.quantity(), n.allocated(), n.received(), n.urgency(), n.frontLine(), n.keyArea(),
                        n.keyAreaLabel(), n.neededBy(), n.justification(), n.daysOfCoverLeft(), n.receivingDepotId(),
                        n.state(), n.createdBy(), n.createdAt(), n.updatedAt(), n.version(), n.deliverToUnit()));
    }

    static boolean exists(Connection c, long id) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_alloc_need WHERE id = ?", Jdbc.args(id)) > 0;
    }

    /**
     * Lets the need table's identity continue above every id, after needs were stored under ids it did not hand out.
     * The same statement on Derby and PostgreSQL; its value must be a literal.
     */
    static void continueNumbering(Connection c) throws SQLException {
        long above = Jdbc.count(c, "SELECT COALESCE(MAX(id), 0) FROM tp_alloc_need", List.of());
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE tp_alloc_need ALTER COLUMN id RESTART WITH " + (above + 1));
        }
    }

    /** Overwrites a replicated need with a newer copy (its unit and key-area flag stay as derived here). */
    static void updateReplica(Connection c, long id, Need n) throws SQLException {
        Jdbc.update(c, "UPDATE tp_alloc_need SET item_id = ?, category_code = ?, quantity = ?, allocated = ?, "
                + "received = ?, urgency = ?, front_line = ?, needed_by = ?, justification = ?, days_of_cover = ?, "
                + "receiving_depot_id = ?, state = ?, updated_at = ?, version = ? WHERE id = ?", Jdbc.args(n.itemId(),
                        n.categoryCode(), n.quantity(), n.allocated(), n.received(), n.urgency(), n.frontLine(),
                        n.neededBy(), n.justification(), n.daysOfCoverLeft(), n.receivingDepotId(), n.state(),
                        n.updatedAt(), n.version(), id));
    }

    /** The replica of {@code source}, if stored. */
    static java.util.Optional<Need> bySource(Connection c, String source) throws SQLException {
        return query(c, "source = ?", List.of(source), null).stream().map(Row::need).findFirst();
    }

    /**
     * Column → position in {@link #COLUMNS}: a plan reads every open need, and Derby's by-name lookup was a
     * third of that read.
     */
    private static final Map<String, Integer> AT = positions(COLUMNS);

    private static Map<String, Integer> positions(String columns) {
        Map<String, Integer> at = new HashMap<>();
        String[] names = columns.split(",\\s*");
        for (int i = 0; i < names.length; i++) {
            at.put(names[i], i + 1);
        }
        return Map.copyOf(at);
    }

    private static int at(String column) {
        return AT.get(column);
    }

    static Row row(ResultSet rs) throws SQLException {
        Date neededBy = rs.getDate(at("needed_by"));
        long itemId = rs.getLong(at("item_id"));
        Long item = rs.wasNull() ? null : itemId;
        int cover = rs.getInt(at("days_of_cover"));
        Integer daysOfCover = rs.wasNull() ? null : cover;
        long depotId = rs.getLong(at("receiving_depot_id"));
        Long receivingDepot = rs.wasNull() ? null : depotId;
        Need n = Need.builder().id(rs.getLong(at("id"))).orgUnitId(rs.getLong(at("org_unit_id")))
                .unitCode(rs.getString(at("unit_code"))).provinceCode(rs.getString(at("province_code"))).itemId(item)
                .categoryCode(rs.getString(at("category_code"))).quantity(rs.getLong(at("quantity")))
                .allocated(rs.getLong(at("allocated"))).received(rs.getLong(at("received")))
                .urgency(Urgency.valueOf(rs.getString(at("urgency")))).frontLine(rs.getBoolean(at("front_line")))
                .keyArea(rs.getBoolean(at("key_area"))).keyAreaLabel(rs.getString(at("key_area_label")))
                .neededBy(neededBy == null ? null : neededBy.toLocalDate()).justification(rs.getString(at("justification")))
                .daysOfCoverLeft(daysOfCover).receivingDepotId(receivingDepot)
                .state(NeedState.valueOf(rs.getString(at("state")))).createdBy(rs.getString(at("created_by")))
                .createdAt(Sql.getInstant(rs, at("created_at"))).updatedAt(Sql.getInstant(rs, at("updated_at")))
                .version(rs.getLong(at("version"))).source(rs.getString(at("source")))
                .deliverToUnit(rs.getBoolean(at("deliver_to_unit"))).build();
        return new Row(n, rs.getString(at("unit_path")));
    }

    static List<Row> query(Connection c, String where, List<Object> args, String tail) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM tp_alloc_need WHERE " + where + (tail == null ? "" : tail), args,
                NeedDao::row);
    }

    static Need get(Connection c, long id) throws SQLException {
        List<Row> rows = query(c, "id = ?", List.of(id), null);
        if (rows.isEmpty()) {
            throw new NotFoundException("Need", id);
        }
        return rows.get(0).need();
    }

    static Need lock(Connection c, long id) throws SQLException {
        // touching the row first takes the write lock, so concurrent allocations serialise on the need
        if (Jdbc.update(c, "UPDATE tp_alloc_need SET version = version WHERE id = ?", Jdbc.args(id)) == 0) {
            throw new NotFoundException("Need", id);
        }
        return get(c, id);
    }

    /** The state that follows from the quantities (cancelled needs stay cancelled). */
    static NeedState stateOf(long quantity, long allocated, long received, NeedState current) {
        if (current == NeedState.CANCELLED) {
            return current;
        }
        if (received >= quantity) {
            return NeedState.FULFILLED;
        }
        if (allocated <= 0) {
            return NeedState.OPEN;
        }
        return allocated < quantity ? NeedState.PARTLY_ALLOCATED : NeedState.ALLOCATED;
    }

    /** Adds to allocated/received and recomputes the state; returns the need before and after. */
    static Need[] adjust(Connection c, long id, long allocatedDelta, long receivedDelta, Instant now)
            throws SQLException {
        Need before = lock(c, id);
        long allocated = Math.max(0, before.allocated() + allocatedDelta);
        long received = before.received() + receivedDelta;
        NeedState state = stateOf(before.quantity(), allocated, received, before.state());
        Jdbc.update(c, "UPDATE tp_alloc_need SET allocated = ?, received = ?, state = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ?", Jdbc.args(allocated, received, state, now, id));
        return new Need[] {before, get(c, id)};
    }

    static void setState(Connection c, long id, NeedState state, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE tp_alloc_need SET state = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                Jdbc.args(state, now, id));
    }

    static List<KeyArea> keyAreas(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT id, province_code, org_unit_id, unit_code, label, created_by, created_at "
                + "FROM tp_alloc_key_area ORDER BY id", List.of(), rs -> new KeyArea(rs.getLong("id"),
                        rs.getString("province_code"), Sql.getLong(rs, "org_unit_id"), rs.getString("unit_code"),
                        rs.getString("label"), rs.getString("created_by"), Sql.getInstant(rs, "created_at")));
    }

    /** The first declared key area the unit lies in, or null. */
    static KeyArea match(List<KeyArea> areas, String province, long[] path) {
        for (KeyArea a : areas) {
            if (a.provinceCode() != null && a.provinceCode().equals(province)) {
                return a;
            }
            if (a.orgUnitId() != null) {
                for (long id : path) {
                    if (id == a.orgUnitId()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    /** Re-derives every need's key-area flag from the declarations, first declared wins the label. */
    static void recomputeKeyAreas(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE tp_alloc_need SET key_area = FALSE, key_area_label = NULL", List.of());
        for (KeyArea a : keyAreas(c)) {
            Jdbc.update(c, "UPDATE tp_alloc_need SET key_area = TRUE, key_area_label = ? WHERE key_area = FALSE AND "
                    + (a.provinceCode() != null ? "province_code = ?" : "unit_path LIKE ?"), Jdbc.args(a.label(),
                            a.provinceCode() != null ? a.provinceCode() : "%/" + a.orgUnitId() + "/%"));
        }
    }
}
