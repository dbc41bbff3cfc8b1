package org.tongpao.allocation.internal.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The planner's port to stock: what a depot can give for an item now. The inventory adapter implements
 * it; tests use a map. Kept small so planning never depends on the inventory's query API.
 */
@FunctionalInterface
public interface SupplyView {

    long available(long depotId, long itemId);

    /**
     * Every depot × item at once: item id → depot id → available, only pairs with more than 0. The
     * inventory adapter answers it with one bulk query; this default asks {@link #available(long, long)} per
     * pair.
     */
    default Map<Long, Map<Long, Long>> available(Collection<Long> depotIds, Collection<Long> itemIds) {
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        for (Long item : itemIds) {
            for (Long depot : depotIds) {
                long q = available(depot, item);
                if (q > 0) {
                    out.computeIfAbsent(item, k -> new HashMap<>()).put(depot, q);
                }
            }
        }
        return out;
    }
}
