package org.tongpao.allocation.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Need;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.EventOutbox;

/**
 * Allocation's events ({@link AllocationTopics}), recorded through core's outbox in the transaction that made
 * the change, so they are posted after it commits and a rolled-back change posts nothing. Every event carries
 * {@code id}, {@code actor}, {@code requestId} and, where one applies, {@code provinceCode}.
 */
final class AllocationEvents {
    private final EventOutbox outbox;

    AllocationEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void record(Connection c, String topic, Caller caller, long id, String province, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put("id", id);
        if (province != null) {
            props.put("provinceCode", province);
        }
        props.put("actor", caller.user());
        props.put("requestId", caller.requestId());
        outbox.record(c, topic, props);
    }

    /**
     * {@code NEED_STATE_CHANGED} for every need whose state differs before ({@code [0]}) and after ({@code [1]}),
     * and {@code NEED_CHANGED} for every one that changed at all.
     */
    void needChanges(Connection c, Caller caller, List<Need[]> changed) {
        for (Need[] ba : changed) {
            if (ba[0].state() != ba[1].state()) {
                record(c, AllocationTopics.NEED_STATE_CHANGED, caller, ba[1].id(), ba[1].provinceCode(),
                        Map.of("from", ba[0].state().name(), "to", ba[1].state().name()));
            }
            if (!ba[0].equals(ba[1])) {
                needChanged(c, caller, ba[1]);
            }
        }
    }

    /** {@code NEED_CHANGED}: the need as it now stands, so a forwarder needs no read of allocation's tables. */
    void needChanged(Connection c, Caller caller, Need n) {
        Map<String, Object> p = new HashMap<>();
        p.put("unitCode", n.unitCode());
        p.put("itemId", n.itemId());
        p.put("categoryCode", n.categoryCode());
        p.put("quantity", n.quantity());
        p.put("allocated", n.allocated());
        p.put("received", n.received());
        p.put("urgency", n.urgency().name());
        p.put("frontLine", n.frontLine());
        p.put("neededBy", n.neededBy() == null ? null : n.neededBy().toString());
        p.put("justification", n.justification());
        p.put("daysOfCoverLeft", n.daysOfCoverLeft());
        p.put("receivingDepotId", n.receivingDepotId());
        p.put("state", n.state().name());
        p.put("createdBy", n.createdBy());
        p.put("createdAt", n.createdAt());
        p.put("updatedAt", n.updatedAt());
        p.put("version", n.version());
        p.put("source", n.source());
        p.values().removeIf(java.util.Objects::isNull);
        record(c, AllocationTopics.NEED_CHANGED, caller, n.id(), n.provinceCode(), p);
    }
}
