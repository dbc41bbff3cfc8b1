package org.tongpao.federation.internal.master;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;

/**
 * At central: every org-unit, catalogue-item and depot change (created, updated, deactivated) goes to every
 * provincial node as a snapshot by code, in the change's own transaction. The record's fields come from the
 * event; the codes of its parent or owner unit from core's published view {@code tp_core_v1_org_unit} on the
 * same connection. Local ids never leave the node. On a provincial node {@link Federation#provinceNodes()} is
 * empty and nothing is sent.
 */
@Component(service = EventForwarder.class)
@EventTopics({CoreTopics.ORG_UNIT + "*", CoreTopics.ITEM + "*", CoreTopics.DEPOT + "*"})
public class MasterDataForwarder implements EventForwarder {
    private final Federation federation;

    @Activate
    public MasterDataForwarder(@Reference Federation federation) {
        this.federation = federation;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) throws SQLException {
        List<String> provinces = federation.provinceNodes();
        if (provinces.isEmpty()) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        String type;
        if (topic.startsWith(CoreTopics.ORG_UNIT)) {
            type = MasterData.ORG_UNIT;
            copy(event, body, "code", "name", "nameZh", "level", "provinceCode", "frontLine", "active");
            body.put("parentCode", unitCode(c, event.get("parentId")));
        } else if (topic.startsWith(CoreTopics.ITEM)) {
            type = MasterData.ITEM;
            copy(event, body, "code", "categoryCode", "name", "nameZh", "unit", "standard", "shelfLifeMonths", "active");
        } else {
            type = MasterData.DEPOT;
            copy(event, body, "code", "name", "provinceCode", "address", "active");
            body.put("orgUnitCode", unitCode(c, event.get("orgUnitId")));
        }
        body.values().removeIf(v -> v == null);
        Instant now = Instant.now();
        String newest = null;
        for (String node : provinces) {
            newest = federation.send(c, node, type, MasterData.VERSION, now, body);
        }
        // the newest snapshot of the record sent, by sequence: a rebuild hands it to the province with the record
        // (every id of this change is above the previous change's: the record's row lock orders them)
        long seq = SnapshotOrder.seq(newest);
        if (seq >= 0) {
            SnapshotOrder.claim(c, type, body.get("code").toString(), seq, newest);
        }
    }

    private static void copy(Map<String, ?> from, Map<String, Object> to, String... fields) {
        for (String f : fields) {
            to.put(f, from.get(f));
        }
    }

    /** The code of org unit {@code id} (null for none), read in the recording transaction. */
    private static String unitCode(Connection c, Object id) throws SQLException {
        if (id == null) {
            return null;
        }
        return Jdbc.one(c, "SELECT code FROM tp_core_v1_org_unit WHERE id = ?", List.of(((Number) id).longValue()),
                rs -> rs.getString(1)).orElseThrow(() -> new IllegalStateException("org unit " + id + " not found"));
    }
}
