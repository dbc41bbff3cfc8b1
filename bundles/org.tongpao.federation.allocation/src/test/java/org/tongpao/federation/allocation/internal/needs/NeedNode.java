package org.tongpao.federation.allocation.internal.needs;

import java.util.List;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.internal.AllocationSchema;
import org.tongpao.allocation.internal.JdbcNeedService;
import org.tongpao.core.testing.TestCore;
import org.tongpao.federation.SnapshotSequences;
import org.tongpao.federation.internal.FederationSchema;
import org.tongpao.federation.internal.master.MasterDataSequences;
import org.tongpao.federation.testing.FederatedNode;

/** One node with allocation's need service on it, the needs and key-area forwarders recording what it sends. */
final class NeedNode extends FederatedNode {
    final JdbcNeedService needs;
    /** Federation's snapshot order on this node (its schema migrated for it), as DS would bind it. */
    final SnapshotSequences sequences;

    NeedNode(String id, List<String> provinces) {
        super(id, provinces);
        sequences = new MasterDataSequences(TestCore.migrate(core.ds, FederationSchema.NAME, FederationSchema.class,
                FederationSchema.MIGRATIONS, FederationSchema.HISTORY_TABLE));
        needs = new JdbcNeedService(TestCore.migrate(core.ds, AllocationSchema.NAME, AllocationSchema.class,
                AllocationSchema.MIGRATIONS, AllocationSchema.HISTORY_TABLE), core.units, core.catalogue,
                core.depots, core.provinces, core.audit, core.keys, core.outbox);
        core.outbox.forward(new NeedForwarder(federation, core.node), AllocationTopics.NEED_CHANGED);
        core.outbox.forward(new KeyAreaForwarder(federation, sequences), AllocationTopics.KEY_AREA_DECLARED,
                AllocationTopics.KEY_AREA_REMOVED);
    }

    long unit(String code) {
        return core.unitId(code);
    }
}
