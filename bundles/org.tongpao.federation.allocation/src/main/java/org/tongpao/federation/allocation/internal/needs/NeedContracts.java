package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
}
