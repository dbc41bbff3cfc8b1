package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Sql;

/** Writes {@code tp_audit} rows; shared by the audit service and the seeder. */
final class AuditRows {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRows.class);
    /** VARCHAR limit of the JSON columns (portable; Derby's VARCHAR ends at 32672). */
    static final int MAX_JSON = 32000;

    private AuditRows() {
    }

    static void insert(Connection c, String node, Caller caller, String entity, String entityId, String action,
            Object before, Object after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_audit (occurred_at, actor, actor_role, "
                + "node_id, request_id, entity, entity_id, action, before_json, after_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.setInstant(ps, 1, Sql.now());
            ps.setString(2, caller.user());
            ps.setString(3, caller.primaryRole());
            ps.setString(4, node);
            ps.setString(5, caller.requestId());
            ps.setString(6, entity);
            ps.setString(7, entityId);
            ps.setString(8, action);
            ps.setString(9, bounded(Json.write(before), entity, entityId));
            ps.setString(10, bounded(Json.write(after), entity, entityId));
            ps.executeUpdate();
        }
    }

    // A change must never fail because its snapshot is large; keep a valid JSON marker instead.
    private static String bounded(String json, String entity, String entityId) {
        if (json == null || json.length() <= MAX_JSON) {
            return json;
        }
        LOG.warn("Audit snapshot of {} {} is {} characters; stored as truncated", entity, entityId, json.length());
        return "{\"truncated\":true,\"length\":" + json.length() + ",\"sha256\":\"" + Json.sha256(json) + "\"}";
    }
}
