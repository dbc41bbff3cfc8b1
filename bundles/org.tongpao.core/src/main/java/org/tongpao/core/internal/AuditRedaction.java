package org.tongpao.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.persistence.Jdbc;

/** Overwrites named fields in the JSON snapshots of audit rows (see {@code AuditTrail.redact}). */
final class AuditRedaction {

    private AuditRedaction() {
    }

    static int redact(Connection c, String entity, Collection<String> entityIds, Set<String> fields,
            String replacement) throws SQLException {
        int changed = 0;
        try (PreparedStatement read = c.prepareStatement(
                "SELECT id, before_json, after_json FROM tp_audit WHERE entity = ? AND entity_id = ?")) {
            for (String entityId : entityIds) {
                read.setString(1, entity);
                read.setString(2, entityId);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                    }
                }
                for (Object[] row : rows) {
                    String before = redacted((String) row[1], fields, replacement);
                    String after = redacted((String) row[2], fields, replacement);
                    if (before != null || after != null) {
                        Jdbc.update(c, "UPDATE tp_audit SET before_json = ?, after_json = ? WHERE id = ?",
                                Jdbc.args(before != null ? before : row[1], after != null ? after : row[2], row[0]));
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    /** The JSON with the fields replaced, or null when nothing in it changed. */
    private static String redacted(String json, Set<String> fields, String replacement) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode tree = Json.mapper().readTree(json);
            return replace(tree, fields, replacement) ? Json.mapper().writeValueAsString(tree) : null;
        } catch (JsonProcessingException e) {
            // a truncated snapshot is a marker, not the data; anything else unreadable is a fault to see
            throw new IllegalStateException("An audit snapshot is not JSON", e);
        }
    }

    private static boolean replace(JsonNode node, Set<String> fields, String replacement) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (fields.contains(e.getKey()) && !e.getValue().isNull()) {
                    if (!e.getValue().isTextual() || !replacement.equals(e.getValue().asText())) {
                        e.setValue(object.textNode(replacement));
                        changed = true;
                    }
                } else {
                    changed |= replace(e.getValue(), fields, replacement);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                changed |= replace(element, fields, replacement);
            }
        }
        return changed;
    }
}
