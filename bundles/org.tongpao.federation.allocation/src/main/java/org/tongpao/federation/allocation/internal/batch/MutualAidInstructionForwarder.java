package org.tongpao.federation.allocation.internal.batch;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.spi.EventTopics;
import org.tongpao.federation.Federation;

/**
 * At central: an approved mutual-aid line leaving a federated province's depot becomes a
 * {@code mutual-aid.instruction} to that province's node, in the approval's transaction.
 */
@Component(service = EventForwarder.class)
@EventTopics(AllocationTopics.MUTUAL_AID_INSTRUCTED)
public class MutualAidInstructionForwarder implements EventForwarder {
    private final Federation federation;

    @Activate
    public MutualAidInstructionForwarder(@Reference Federation federation) {
        this.federation = federation;
    }

    @Override
    public void recorded(Connection connection, String topic, Map<String, ?> properties) {
        federation.send(connection, properties.get("node").toString(), MutualAidInstructions.TYPE,
                MutualAidInstructions.VERSION, Instant.now(), MutualAidInstructions.body(properties));
    }
}
