package org.tongpao.allocation.internal;

import java.util.List;
import java.util.Map;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Need;
import org.tongpao.core.Caller;

/** Where the allocation service's parts post their events (topics in {@link AllocationTopics}). */
@FunctionalInterface
interface AllocationEvents {

    void post(String topic, Caller caller, long id, String province, Map<String, Object> extra);

    /** {@code NEED_STATE_CHANGED} for every need whose state differs before ({@code [0]}) and after ({@code [1]}). */
    default void needChanges(Caller caller, List<Need[]> changed) {
        for (Need[] ba : changed) {
            if (ba[0].state() != ba[1].state()) {
                post(AllocationTopics.NEED_STATE_CHANGED, caller, ba[1].id(), ba[1].provinceCode(),
                        Map.of("from", ba[0].state().name(), "to", ba[1].state().name()));
            }
        }
    }
}
