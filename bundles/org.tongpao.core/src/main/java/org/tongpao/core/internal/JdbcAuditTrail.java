package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditQuery;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.DataAccessException;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/** The audit trail in {@code tp_audit}. */
@Component(service = AuditTrail.class)
public class JdbcAuditTrail implements AuditTrail {
    private final CoreSeed db;
    private final NodeIdentity node;

    @Activate
    public JdbcAuditTrail(@Reference CoreSeed db, @Reference NodeIdentity node) {
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
    public int redact(Connection c, String entity, Collection<String> entityIds, Set<String> fields,
            String replacement) {
        try {
            return AuditRedaction.redact(c, entity, entityIds, fields, replacement);
        } catch (SQLException e) {
            throw new DataAccessException("Redacting audit rows failed: " + e.getMessage(), e);
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
        List<AuditEntry> rows = query(sql.toString(), args);
        return Paging.page(rows, n, AuditEntry::id);
    }

    @Override
    public Page<AuditEntry> find(Caller caller, AuditQuery q, Integer limit, String cursor) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN) && !caller.hasRole(Roles.AUDITOR)) {
            throw new AccessDeniedException("Only the ministry administrator and auditors read the audit trail");
        }
        AuditQuery query = q == null ? AuditQuery.ALL : q;
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new ValidationException("to", "to must be after from");
        }
        int n = Paging.limit(limit);
        long before = Paging.after(cursor);
        StringBuilder sql = new StringBuilder("SELECT * FROM tp_audit WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        // newest first: the cursor is the smallest id of the previous page
        if (before > 0) {
            sql.append(" AND id < ?");
            args.add(before);
        }
        where(sql, args, "entity", query.entity());
        where(sql, args, "entity_id", query.entityId());
        where(sql, args, "actor", query.actor());
        where(sql, args, "request_id", query.requestId());
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(query.to());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(n + 1).append(" ROWS ONLY");
        return Paging.page(query(sql.toString(), args), n, AuditEntry::id);
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private List<AuditEntry> query(String sql, List<Object> args) {
        return Transactions.read(db.dataSource(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i) instanceof Instant at) {
                        Sql.setInstant(ps, i + 1, at); // stored as UTC
                    } else {
                        ps.setObject(i + 1, args.get(i));
                    }
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
    }
}
