package org.tongpao.federation.allocation.internal.needs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;
import org.tongpao.federation.SnapshotSequences;

/**
 * At central: a key area declared or removed goes to every provincial node as {@code master.key-area}, named by
 * its province or its unit's code ({@code declared} true or false), and recorded as the key area's newest snapshot
 * sent (federation 1.3). On a provincial node nothing is sent.
 */
@Component(service = EventForwarder.class)
@EventTopics({AllocationTopics.KEY_AREA_DECLARED, AllocationTopics.KEY_AREA_REMOVED})
public class KeyAreaForwarder implements EventForwarder {
    private final Federation federation;
    private final SnapshotSequences sequences;

    @Activate
    public KeyAreaForwarder(@Reference Federation federation, @Reference SnapshotSequences sequences) {
        this.federation = federation;
        this.sequences = sequences;
    }

    @Override
    public void recorded(Connection c, String topic, Map<String, ?> event) throws SQLException {
        List<String> provinces = federation.provinceNodes();
        if (provinces.isEmpty()) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("provinceCode", event.get("unitCode") == null ? event.get("provinceCode") : null);
        body.put("unitCode", event.get("unitCode"));
        body.put("label", event.get("label"));
        body.put("declared", topic.equals(AllocationTopics.KEY_AREA_DECLARED));
        body.values().removeIf(v -> v == null);
        Instant now = Instant.now();
        String newest = null;
        for (String node : provinces) {
            newest = federation.send(c, node, NeedContracts.KEY_AREA, NeedContracts.VERSION, now, body);
        }
        // the newest change of the key area sent, by sequence: a rebuild hands it to the province with the key area,
        // and a province applies a change only when it is newer than what it holds
        sequences.recordSent(c, SnapshotSequences.KEY_AREA, NeedContracts.keyAreaKey((String) body.get("provinceCode"),
                (String) body.get("unitCode")), newest);
    }
}
