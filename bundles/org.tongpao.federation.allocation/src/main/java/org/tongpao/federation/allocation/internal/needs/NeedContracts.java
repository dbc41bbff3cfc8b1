package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.NeedReplica;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.persistence.Jdbc;

/**
 * The needs and key-area contracts ({@code docs/federation.md}): types, version, reading bodies, and the codes of
 * core's records read from its published views in the sending transaction.
 */
final class NeedContracts {
    static final String NEED_CHANGED = "need.changed";
    static final String KEY_AREA = "master.key-area";
    static final String VERSION = "1.0";

    private NeedContracts() {
    }

    /** The need a {@code need.changed} body (or a row of the rebuild's {@code needs} section) describes. */
    static NeedReplica replica(Map<String, Object> b) {
        String neededBy = optionalText(b, "neededBy");
        Object cover = b.get("daysOfCoverLeft");
        return new NeedReplica(text(b, "need"), text(b, "unitCode"), optionalText(b, "itemCode"),
                optionalText(b, "categoryCode"), number(b, "quantity"), number(b, "allocated"), number(b, "received"),
                Urgency.valueOf(text(b, "urgency")), Boolean.parseBoolean(String.valueOf(b.get("frontLine"))),
                neededBy == null ? null : LocalDate.parse(neededBy), optionalText(b, "justification"),
                cover == null ? null : ((Number) cover).intValue(), optionalText(b, "receivingDepotCode"),
                NeedState.valueOf(text(b, "state")), text(b, "createdBy"), Instant.parse(text(b, "createdAt")),
                Instant.parse(text(b, "updatedAt")), number(b, "version"));
    }

    static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.toString();
    }

    static String optionalText(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v == null ? null : v.toString();
    }

    static long number(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof Number n)) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return n.longValue();
    }

    /** The code of row {@code id} of core's published view {@code tp_core_v1_<view>}, or null for no id. */
    static String code(Connection c, String view, Object id) throws SQLException {
        if (id == null) {
            return null;
        }
        return Jdbc.one(c, "SELECT code FROM tp_core_v1_" + view + " WHERE id = ?", List.of(((Number) id).longValue()),
                rs -> rs.getString(1)).orElseThrow(() -> new IllegalStateException(view + " " + id + " not found"));
    }

    /** A key area's record key for snapshot order (federation 1.3): {@code unit:<code>} or {@code province:<code>}. */
    static String keyAreaKey(String provinceCode, String unitCode) {
        return unitCode != null ? "unit:" + unitCode : "province:" + provinceCode;
    }
}
