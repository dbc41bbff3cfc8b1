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

    /** {@code NEED_STATE_CHANGED} for every need whose state differs before ({@code [0]}) and after ({@code [1]}). */
    void needChanges(Connection c, Caller caller, List<Need[]> changed) {
        for (Need[] ba : changed) {
            if (ba[0].state() != ba[1].state()) {
                record(c, AllocationTopics.NEED_STATE_CHANGED, caller, ba[1].id(), ba[1].provinceCode(),
                        Map.of("from", ba[0].state().name(), "to", ba[1].state().name()));
            }
        }
    }
}
