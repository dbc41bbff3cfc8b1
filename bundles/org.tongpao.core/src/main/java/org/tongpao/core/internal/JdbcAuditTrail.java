package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/** The audit trail in {@code tp_audit}. */
@Component(service = AuditTrail.class)
public class JdbcAuditTrail implements AuditTrail {
    private final CoreDatabase db;
    private final NodeIdentity node;

    @Activate
    public JdbcAuditTrail(@Reference CoreDatabase db, @Reference NodeIdentity node) {
        this.db = db;
        this.node = node;
    }

    @Override
    public void record(Connection c, Caller caller, String entity, String entityId, String action, Object before,
            Object after) {
        try {
            AuditRows.insert(c, node.id(), caller, entity, entityId, action, before, after);
        } catch (SQLException e) {
            throw new DataAccessException("Writing the audit row failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Page<AuditEntry> list(Caller caller, String entity, String entityId, String actor, int limit,
            String cursor) {
        if (!caller.isMinistry() && !caller.hasRole(Roles.AUDITOR)) {
            throw new AccessDeniedException("Only ministry roles and auditors read the audit trail");
        }
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        StringBuilder sql = new StringBuilder("SELECT * FROM tp_audit WHERE id > ?");
        List<Object> args = new ArrayList<>();
        args.add(after);
        if (entity != null) {
            sql.append(" AND entity = ?");
            args.add(entity);
        }
        if (entityId != null) {
            sql.append(" AND entity_id = ?");
            args.add(entityId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        sql.append(Paging.orderAndFetch("id", n));
        List<AuditEntry> rows = Transactions.read(db.dataSource(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong("id"), Sql.getInstant(rs, "occurred_at"),
                                rs.getString("actor"), rs.getString("actor_role"), rs.getString("node_id"),
                                rs.getString("request_id"), rs.getString("entity"), rs.getString("entity_id"),
                                rs.getString("action"), rs.getString("before_json"), rs.getString("after_json")));
                    }
                }
                return out;
            }
        });
        return Paging.page(rows, n, AuditEntry::id);
    }
}
