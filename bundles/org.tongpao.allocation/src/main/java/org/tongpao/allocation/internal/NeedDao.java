package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Sql;

/** SQL for needs and key areas. */
final class NeedDao {
    static final String COLUMNS = "id, org_unit_id, unit_code, province_code, unit_path, item_id, category_code, "
            + "quantity, allocated, received, urgency, front_line, key_area, key_area_label, needed_by, justification, "
            + "days_of_cover, receiving_depot_id, state, created_by, created_at, updated_at, version";

    private NeedDao() {
    }

    /** A need row with the stored unit path (the API record does not carry it). */
    record Row(Need need, String unitPath) {
    }

    static long insert(Connection c, Need n, String unitPath) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_alloc_need (org_unit_id, unit_code, "
                + "province_code, unit_path, item_id, category_code, quantity, allocated, received, urgency, front_line, "
                + "key_area, key_area_label, needed_by, justification, days_of_cover, receiving_depot_id, state, "
                + "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,0,0,?,?,?,?,?,?,?,?,?,?,?,?,1)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, n.orgUnitId());
            ps.setString(2, n.unitCode());
            ps.setString(3, n.provinceCode());
            ps.setString(4, unitPath);
            Sql.setLong(ps, 5, n.itemId());
            ps.setString(6, n.categoryCode());
            ps.setLong(7, n.quantity());
            ps.setString(8, n.urgency().name());
            ps.setBoolean(9, n.frontLine());
            ps.setBoolean(10, n.keyArea());
            ps.setString(11, n.keyAreaLabel());
            ps.setDate(12, n.neededBy() == null ? null : Date.valueOf(n.neededBy()));
            ps.setString(13, n.justification());
            Sql.setInteger(ps, 14, n.daysOfCoverLeft());
            Sql.setLong(ps, 15, n.receivingDepotId());
            ps.setString(16, NeedState.OPEN.name());
            ps.setString(17, n.createdBy());
            Sql.setInstant(ps, 18, n.createdAt());
            Sql.setInstant(ps, 19, n.createdAt());
            ps.executeUpdate();
            return Sql.generatedId(ps);
        }
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
        Need n = new Need(rs.getLong(at("id")), rs.getLong(at("org_unit_id")), rs.getString(at("unit_code")),
                rs.getString(at("province_code")), item, rs.getString(at("category_code")),
                rs.getLong(at("quantity")), rs.getLong(at("allocated")), rs.getLong(at("received")),
                Urgency.valueOf(rs.getString(at("urgency"))), rs.getBoolean(at("front_line")),
                rs.getBoolean(at("key_area")), rs.getString(at("key_area_label")),
                neededBy == null ? null : neededBy.toLocalDate(), rs.getString(at("justification")), daysOfCover,
                receivingDepot, NeedState.valueOf(rs.getString(at("state"))), rs.getString(at("created_by")),
                Sql.getInstant(rs, at("created_at")), Sql.getInstant(rs, at("updated_at")), rs.getLong(at("version")));
        return new Row(n, rs.getString(at("unit_path")));
    }

    static List<Row> query(Connection c, String where, List<Object> args, String tail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tp_alloc_need WHERE " + where
                + (tail == null ? "" : tail))) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
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
        try (PreparedStatement ps = c.prepareStatement("UPDATE tp_alloc_need SET version = version WHERE id = ?")) {
            ps.setLong(1, id);
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException("Need", id);
            }
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
        try (PreparedStatement ps = c.prepareStatement("UPDATE tp_alloc_need SET allocated = ?, received = ?, "
                + "state = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setLong(1, allocated);
            ps.setLong(2, received);
            ps.setString(3, state.name());
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
        return new Need[] {before, get(c, id)};
    }

    static void setState(Connection c, long id, NeedState state, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tp_alloc_need SET state = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setString(1, state.name());
            Sql.setInstant(ps, 2, now);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static List<KeyArea> keyAreas(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, province_code, org_unit_id, unit_code, label, "
                + "created_by, created_at FROM tp_alloc_key_area ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            List<KeyArea> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new KeyArea(rs.getLong("id"), rs.getString("province_code"), Sql.getLong(rs, "org_unit_id"),
                        rs.getString("unit_code"), rs.getString("label"), rs.getString("created_by"),
                        Sql.getInstant(rs, "created_at")));
            }
            return out;
        }
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
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tp_alloc_need SET key_area = FALSE, key_area_label = NULL")) {
            ps.executeUpdate();
        }
        for (KeyArea a : keyAreas(c)) {
            String sql = "UPDATE tp_alloc_need SET key_area = TRUE, key_area_label = ? WHERE key_area = FALSE AND "
                    + (a.provinceCode() != null ? "province_code = ?" : "unit_path LIKE ?");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, a.label());
                ps.setString(2, a.provinceCode() != null ? a.provinceCode() : "%/" + a.orgUnitId() + "/%");
                ps.executeUpdate();
            }
        }
    }
}
